import type { Endpoint } from 'payload'
import { z } from 'zod'

import { eventAvailability } from '../../../domain/ticketing/holds'
import { canReadEvent } from '../../../domain/ticketing/authorize'
import { poolOf } from '../../../db/pool'
import { errorBody, handle, json, now, parse } from '../../http'

const idSchema = z.uuid({ message: 'the event id must be a uuid' })

/** GET /api/events/:id/availability: for every on-sale ticket type, what is left right now. */
export const availabilityEndpoint: Endpoint = {
  path: '/:id/availability',
  method: 'get',
  handler: handle(async (req) => {
    const id = parse(idSchema, req.routeParams?.id)
    // The caller must be able to read the event itself (drafts stay private).
    if (!(await canReadEvent(req, id))) return errorBody(404, 'unknown_event', 'No such event.')
    return json({ ticketTypes: await eventAvailability(poolOf(req.payload), id, now()) })
  }),
}
