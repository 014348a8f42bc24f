import type { Endpoint } from 'payload'

import { mayCheckInAt } from '../../../domain/ticketing/authorize'
import { checkInTicket } from '../../../domain/ticketing/checkin'
import { assignedEvents } from '../../../domain/ticketing/organizer'
import { poolOf } from '../../../db/pool'
import { errorBody, handle, json, parseJson, requirePrincipal } from '../../http'
import { checkInSchema } from './schema'

/** POST /api/tickets/check-in { code, event }: at one event's door; staff at their assigned events, organizers at theirs, admins anywhere. */
export const checkInEndpoint: Endpoint = {
  path: '/check-in',
  method: 'post',
  handler: handle(async (req) => {
    const principal = await requirePrincipal(req, 'check tickets in')
    const { code, event } = await parseJson(req, checkInSchema)
    const pool = poolOf(req.payload)
    const assigned = event ? [event] : await assignedEvents(pool, principal.id)
    if (assigned.length !== 1)
      return errorBody(400, 'invalid_request', 'Invalid event: name the event whose door this is.', {
        issues: [{ path: 'event', message: 'event is required' }],
      })
    return json({
      checkedIn: true,
      ...(await checkInTicket(pool, code.toUpperCase(), assigned[0], String(principal.id), (id) => mayCheckInAt(pool, principal, id))),
    })
  }),
}
