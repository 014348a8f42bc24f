import type { Endpoint } from 'payload'

import { poolOf } from '../../../db/pool'
import { DomainError } from '../../../domain/ticketing/errors'
import { confirmWaitlist, joinWaitlist, leaveWaitlist, waitlistEntry } from '../../../domain/ticketing/waitlistLine'
import { hitSharedLimit } from '../../../plugins/api-keys'
import { handle, json, parse, parseJson, uuidParam } from '../../http'
import { confirmWaitlistSchema, joinWaitlistSchema, joinsPerEmailPerMinute, waitlistTokenHeader } from './schema'

const tokenOf = (req: { headers: Headers }) => parse(waitlistTokenHeader, req.headers.get('x-waitlist-token') ?? '')

/**
 * POST /api/events/:id/waitlist: ask to join the line for a sold-out ticket type (anonymous or
 * signed in); the entry stands in line once the link e-mailed to the address is opened.
 */
export const joinWaitlistEndpoint: Endpoint = {
  path: '/:id/waitlist',
  method: 'post',
  handler: handle(async (req) => {
    const eventId = parse(uuidParam('event'), req.routeParams?.id)
    const body = await parseJson(req, joinWaitlistSchema)
    const wait = await hitSharedLimit(req.payload, `waitlist-email:${body.email.trim().toLowerCase()}`, joinsPerEmailPerMinute())
    if (wait)
      throw new DomainError('rate_limited', 'Too many waitlist requests for this e-mail address; try again shortly.', 429, {
        retryAfter: wait,
      })
    const user = req.user && req.user.collection === 'users' ? String(req.user.id) : null
    return json(await joinWaitlist(poolOf(req.payload), { eventId, ...body, user }), 201)
  }),
}

/** POST /api/events/:id/waitlist/:entry/confirm { token }: the e-mailed link's token; the entry takes its place in line. */
export const confirmWaitlistEndpoint: Endpoint = {
  path: '/:id/waitlist/:entry/confirm',
  method: 'post',
  handler: handle(async (req) => {
    const eventId = parse(uuidParam('event'), req.routeParams?.id)
    const entry = parse(uuidParam('waitlist entry'), req.routeParams?.entry)
    const { token } = await parseJson(req, confirmWaitlistSchema)
    return json(await confirmWaitlist(poolOf(req.payload), eventId, entry, token))
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
