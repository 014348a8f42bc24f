import type { Endpoint } from 'payload'
import { z } from 'zod'

import { getPrincipal } from '../../../access/principal'
import { poolOf } from '../../../db/pool'
import { canReadEvent } from '../../../domain/ticketing/authorize'
import { eventSeatMap, seatHolders, setSeatsBlocked } from '../../../domain/ticketing/seatMap'
import { errorBody, handle, json, parse, parseJson, publicJson, uuidParam } from '../../http'

export const blockSeatsSchema = z
  .object({
    seats: z
      .array(z.uuid({ message: 'seats must be seat ids' }))
      .min(1, 'seats must name at least one seat')
      .max(1000),
    blocked: z.boolean({ message: 'blocked must be true or false' }),
  })
  .strict()

/**
 * GET /api/events/:id/seats: the seat map with each seat's status, no buyer data. Live: the
 * ETag is of the answer's bytes, so it changes when any seat's status does; caches revalidate
 * every time (`no-cache`) and get 304 while nothing changed.
 */
export const seatsEndpoint: Endpoint = {
  path: '/:id/seats',
  method: 'get',
  handler: handle(async (req) => {
    const id = parse(uuidParam('event'), req.routeParams?.id)
    if (!(await canReadEvent(req, id))) return errorBody(404, 'unknown_event', 'No such event.')
    return publicJson(req, await eventSeatMap(poolOf(req.payload), id), { sMaxAge: 0, staleWhileRevalidate: 0 })
  }),
}

/** GET /api/events/:id/seats/holders: who holds or bought each seat (the organizer, `orders:read`). */
export const seatHoldersEndpoint: Endpoint = {
  path: '/:id/seats/holders',
  method: 'get',
  handler: handle(async (req) => {
    const id = parse(uuidParam('event'), req.routeParams?.id)
    const principal = await getPrincipal(req)
    if (!principal) return errorBody(401, 'unauthorized', 'Sign in to see who holds seats.')
    return json({ holders: await seatHolders(poolOf(req.payload), principal, id) }, 200, { 'cache-control': 'private, no-store' })
  }),
}

/** POST /api/events/:id/seats/block `{ seats, blocked }`: the organizer blocks or unblocks free seats. */
export const blockSeatsEndpoint: Endpoint = {
  path: '/:id/seats/block',
  method: 'post',
  handler: handle(async (req) => {
    const id = parse(uuidParam('event'), req.routeParams?.id)
    const body = await parseJson(req, blockSeatsSchema)
    const principal = await getPrincipal(req)
    if (!principal) return errorBody(401, 'unauthorized', 'Sign in to block seats.')
    return json(await setSeatsBlocked(poolOf(req.payload), principal, id, body.seats, body.blocked))
  }),
}
