import type { Endpoint } from 'payload'

import { can, getPrincipal } from '../../../access/principal'
import { checkInTicket } from '../../../domain/ticketing/checkin'
import { organizesEvent } from '../../../domain/ticketing/organizer'
import { errorBody, handle, json, now, parseJson, poolOf } from '../../http'
import { checkInSchema } from './schema'

/** POST /api/tickets/check-in: staff (any event), the event's organizer, admins. */
export const checkInEndpoint: Endpoint = {
  path: '/check-in',
  method: 'post',
  handler: handle(async (req) => {
    const principal = await getPrincipal(req)
    if (!principal) return errorBody(401, 'unauthorized', 'Sign in (or use an API key) to check tickets in.')
    const anyEvent = can(principal, 'tickets', 'check-in')
    if (!anyEvent && !can(principal, 'tickets', 'check-in-own')) return errorBody(403, 'forbidden', 'You may not check tickets in.')
    const { code } = await parseJson(req, checkInSchema)
    const pool = poolOf(req.payload)
    const result = await checkInTicket(pool, code.toUpperCase(), String(principal.id), now(), async (eventId) => {
      return anyEvent || organizesEvent(pool, eventId, principal.id)
    })
    return json({ checkedIn: true, ...result })
  }),
}
