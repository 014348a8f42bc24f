import type { Endpoint } from 'payload'
import { z } from 'zod'

import { poolOf } from '../../../db/pool'
import { joinWaitlist, leaveWaitlist, waitlistEntry } from '../../../domain/ticketing/waitlist'
import { handle, json, parse, parseJson, uuidParam } from '../../http'

export const joinWaitlistSchema = z
  .object({
    ticketType: z.uuid({ message: 'ticketType must be a ticket type id' }),
    quantity: z.number().int().min(1).max(100),
    email: z.email({ message: 'email must be an e-mail address' }).max(254),
    name: z.string().trim().min(1, 'name is required').max(200),
  })
  .strict()

const tokenOf = (req: { headers: Headers }) =>
  parse(z.string().min(20, 'x-waitlist-token header is required').max(200), req.headers.get('x-waitlist-token') ?? '')

/** POST /api/events/:id/waitlist: join the line for a sold-out ticket type (anonymous or signed in). */
export const joinWaitlistEndpoint: Endpoint = {
  path: '/:id/waitlist',
  method: 'post',
  handler: handle(async (req) => {
    const eventId = parse(uuidParam('event'), req.routeParams?.id)
    const body = await parseJson(req, joinWaitlistSchema)
    const user = req.user && req.user.collection === 'users' ? String(req.user.id) : null
    return json(await joinWaitlist(poolOf(req.payload), { eventId, ...body, user }), 201)
  }),
}

/** GET /api/events/:id/waitlist/:entry (x-waitlist-token): where one stands. */
export const waitlistEntryEndpoint: Endpoint = {
  path: '/:id/waitlist/:entry',
  method: 'get',
  handler: handle(async (req) => {
    const eventId = parse(uuidParam('event'), req.routeParams?.id)
    const entry = parse(uuidParam('waitlist entry'), req.routeParams?.entry)
    return json(await waitlistEntry(poolOf(req.payload), eventId, entry, tokenOf(req)), 200, { 'cache-control': 'private, no-store' })
  }),
}

/** DELETE /api/events/:id/waitlist/:entry (x-waitlist-token): leave the line; an unpaid offer passes on. */
export const leaveWaitlistEndpoint: Endpoint = {
  path: '/:id/waitlist/:entry',
  method: 'delete',
  handler: handle(async (req) => {
    const eventId = parse(uuidParam('event'), req.routeParams?.id)
    const entry = parse(uuidParam('waitlist entry'), req.routeParams?.entry)
    await leaveWaitlist(poolOf(req.payload), eventId, entry, tokenOf(req))
    return new Response(null, { status: 204 })
  }),
}
