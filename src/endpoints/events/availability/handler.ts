import type { Endpoint } from 'payload'
import { z } from 'zod'

import { eventAvailability } from '../../../domain/ticketing/holds'
import { errorBody, handle, json, now, parse, poolOf } from '../../http'

const idSchema = z.uuid({ message: 'the event id must be a uuid' })

/** GET /api/events/:id/availability: for every on-sale ticket type, what is left right now. */
export const availabilityEndpoint: Endpoint = {
  path: '/:id/availability',
  method: 'get',
  handler: handle(async (req) => {
    const id = parse(idSchema, req.routeParams?.id)
    // The caller must be able to read the event itself (drafts stay private).
    const visible = await req.payload.find({
      collection: 'events',
      where: { id: { equals: id } },
      limit: 1,
      depth: 0,
      pagination: false,
      overrideAccess: false,
      user: req.user,
      req,
    })
    if (visible.docs.length === 0) return errorBody(404, 'unknown_event', 'No such event.')
    return json({ ticketTypes: await eventAvailability(poolOf(req.payload), id, now()) })
  }),
}
