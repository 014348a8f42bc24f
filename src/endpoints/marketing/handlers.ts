import type { Endpoint } from 'payload'
import { z } from 'zod'

import { can, getPrincipal } from '../../access/principal'
import { CHANNELS } from '../../config/vocabularies'
import { slugs } from '../../config/slugs'
import { recordClick, recordOpen, unsubscribe } from '../../domain/marketing/email'
import { computeSegment, loadSegment, segmentQuery } from '../../domain/marketing/segments'
import { trackEvents } from '../../domain/marketing/track'
import { fixedWindowLimiter } from '../../domain/rateLimit'
import { poolOf } from '../../db/pool'
import { clientIp, errorBody, handle, limitedAddress, json, now, parse, readJson } from '../http'

export const TRACK_MAX_EVENTS = 100
const TRACK_MAX_BYTES = 256 * 1024

const id = (what: string) => z.uuid({ message: `must be the ${what}'s id (a uuid)` })
const trackEvent = z
  .object({
    type: z.string().regex(/^[a-z][a-z0-9_.:-]{0,49}$/, 'must be 1-50 lower-case letters, digits, _ . : or -, starting with a letter'),
    source: z.string().regex(/^[a-z0-9][a-z0-9_.:/-]{0,49}$/i, 'must be 1-50 letters, digits, _ . : / or -'),
    sessionId: z.string().min(8, 'must be at least 8 characters').max(100, 'is at most 100 characters').regex(/^[\w.:-]+$/, 'may hold letters, digits, _ . : and -').optional(),
    event: id('event').optional(),
    sponsor: id('sponsor').optional(),
    campaign: id('campaign').optional(),
    channel: z.enum(CHANNELS).optional(),
    occurredAt: z.iso.datetime({ offset: true, message: 'must be an ISO date-time' }).optional(),
    data: z.record(z.string(), z.unknown()).refine((d) => JSON.stringify(d).length <= 4096, 'is at most 4 KB as JSON').optional(),
  })
  .strict()
export const trackBody = z.object({ events: z.array(trackEvent).min(1, 'must hold at least one event').max(TRACK_MAX_EVENTS, `holds at most ${TRACK_MAX_EVENTS} events`) }).strict()

const batchLimiter = fixedWindowLimiter(Number(process.env.TRACK_BATCHES_PER_MINUTE || 120), 60_000)

/**
 * POST /api/track { events: [{ type, source, sessionId?, event?, sponsor?, campaign?, channel?, occurredAt?, data? }] }
 * Up to 100 events per batch (413 beyond), stored in one insert. Signed-in callers' events
 * carry their user; anonymous ones need a sessionId. Rate-limited per client address.
 */
export const trackEndpoint: Endpoint = {
  path: '/track',
  method: 'post',
  handler: handle(async (req) => {
    const length = Number(req.headers.get('content-length') ?? 0)
    if (length > TRACK_MAX_BYTES) return errorBody(413, 'payload_too_large', `A tracking batch is at most ${TRACK_MAX_BYTES / 1024} KB.`)
    const raw = await readJson(req)
    const events = (raw as { events?: unknown })?.events
    if (Array.isArray(events) && events.length > TRACK_MAX_EVENTS) {
      return errorBody(413, 'batch_too_large', `Invalid events: holds at most ${TRACK_MAX_EVENTS} events (got ${events.length}); split the batch.`)
    }
    const body = parse(trackBody, raw)
    const userId = req.user ? String(req.user.id) : null
    if (!userId) {
      const missing = body.events.findIndex((e) => !e.sessionId)
      if (missing >= 0) return errorBody(400, 'invalid_request', `Invalid events.${missing}.sessionId: anonymous events need a sessionId.`, { issues: [{ path: `events.${missing}.sessionId`, message: 'required when not signed in' }] })
    }
    const wait = batchLimiter.hit(userId ?? limitedAddress(req))
    if (wait) return errorBody(429, 'rate_limited', 'Too many tracking batches; slow down.', { retryAfter: wait })
    const t = now()
    // A client clock is trusted within a week back and five minutes ahead; otherwise the server's time.
    const clamp = (at?: string) => (at && Date.parse(at) > t.getTime() - 7 * 86_400_000 && Date.parse(at) < t.getTime() + 300_000 ? new Date(at).toISOString() : undefined)
    const result = await trackEvents(poolOf(req.payload), body.events.map((e) => ({ ...e, occurredAt: clamp(e.occurredAt) })), {
      userId,
      ip: clientIp(req),
      userAgent: req.headers.get('user-agent')?.slice(0, 500) ?? null,
      now: t,
    })
    return json({ stored: result.stored }, 202)
  }),
}

const token = z.string().regex(/^[0-9a-f]{64}$/, 'is not a tracking token')
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64')

/** GET /api/m/o/:token: the open pixel (always the same GIF; counts a recipient's first open). */
export const openPixelEndpoint: Endpoint = {
  path: '/m/o/:token',
  method: 'get',
  handler: async (req) => {
    const t = token.safeParse(req.routeParams?.token)
    if (t.success) await recordOpen(poolOf(req.payload), t.data, now()).catch((err) => req.payload.logger.warn({ err, msg: 'open tracking failed' }))
    return new Response(PIXEL, { status: 200, headers: { 'content-type': 'image/gif', 'cache-control': 'no-store, private', 'content-length': String(PIXEL.length) } })
  },
}

/** GET /api/m/c/:token?l=N: redirects to link N of the email (only links in the email), counting the first click. */
export const clickEndpoint: Endpoint = {
  path: '/m/c/:token',
  method: 'get',
  handler: handle(async (req) => {
    const t = parse(token, req.routeParams?.token)
    const l = parse(z.coerce.number().int().min(0).max(1000), req.searchParams.get('l'))
    const url = await recordClick(poolOf(req.payload), t, l, now())
    if (!url) return errorBody(404, 'unknown_link', 'This link is not part of any email we sent.')
    return new Response(null, { status: 302, headers: { location: url, 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' } })
  }),
}

const page = (title: string, body: string, status = 200) =>
  new Response(`<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${title}</title></head><body style="font-family:system-ui;max-width:32rem;margin:4rem auto;padding:0 1rem"><h1>${title}</h1>${body}</body></html>`, {
    status,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
  })

/** GET /api/m/u/:token: asks to confirm (link scanners must not unsubscribe anyone). */
export const unsubscribePageEndpoint: Endpoint = {
  path: '/m/u/:token',
  method: 'get',
  handler: async (req) => {
    const t = token.safeParse(req.routeParams?.token)
    if (!t.success) return page('Link not recognised', '<p>This unsubscribe link is not valid.</p>', 404)
    return page('Unsubscribe', `<p>Stop receiving news and offers from Fashionistas?</p><form method="post"><button type="submit">Unsubscribe</button></form>`)
  },
}

/** POST /api/m/u/:token: unsubscribes (the page's button, and RFC 8058 one-click from mail clients). */
export const unsubscribeEndpoint: Endpoint = {
  path: '/m/u/:token',
  method: 'post',
  handler: async (req) => {
    const t = token.safeParse(req.routeParams?.token)
    if (!t.success) return page('Link not recognised', '<p>This unsubscribe link is not valid.</p>', 404)
    const result = await unsubscribe(poolOf(req.payload), t.data, now())
    if (result === 'unknown') return page('Link not recognised', '<p>This unsubscribe link is not valid.</p>', 404)
    return page('You are unsubscribed', '<p>You will receive no more marketing email from us. Account and ticket email still reach you.</p>')
  },
}

/** POST /api/email-campaigns/:id/send: schedules the campaign for now (the send job picks it up within a minute). */
export const sendNowEndpoint: Endpoint = {
  path: '/:id/send',
  method: 'post',
  handler: handle(async (req) => {
    const emailId = parse(id('email campaign'), req.routeParams?.id)
    const principal = await getPrincipal(req)
    if (!can(principal, slugs.emailCampaigns, 'send')) return errorBody(principal ? 403 : 401, 'forbidden', 'Sending email campaigns needs email-campaigns:send.')
    const db = poolOf(req.payload)
    const { rows: [c] } = await db.query(
      `UPDATE email_campaigns SET status = 'scheduled', scheduled_at = $2, updated_at = now()
        WHERE id = $1 AND status IN ('draft', 'scheduled') AND segment_id IS NOT NULL RETURNING id, segment_id`,
      [emailId, now()],
    )
    if (!c) {
      const { rows: [existing] } = await db.query(`SELECT status, segment_id FROM email_campaigns WHERE id = $1`, [emailId])
      if (!existing) return errorBody(404, 'unknown_email_campaign', 'No such email campaign.')
      if (!existing.segment_id) return errorBody(400, 'invalid_request', 'Invalid segment: choose the recipient segment first.', { issues: [{ path: 'segment', message: 'required' }] })
      return errorBody(409, 'already_sent', `This campaign is ${existing.status}; it cannot be sent again.`)
    }
    const segment = await loadSegment(req, c.segment_id)
    const q = segment ? segmentQuery(segment, { reachableOnly: true, select: 'count(*)::int AS n' }) : null
    const recipients = q ? (await db.query(q.text, q.values)).rows[0].n : 0
    return json({ scheduled: true, recipients }, 202)
  }),
}

/** POST /api/marketing-segments/:id/compute: recounts the segment now. */
export const computeSegmentEndpoint: Endpoint = {
  path: '/:id/compute',
  method: 'post',
  handler: handle(async (req) => {
    const segmentId = parse(id('segment'), req.routeParams?.id)
    const principal = await getPrincipal(req)
    if (!can(principal, slugs.marketingSegments, 'update')) return errorBody(principal ? 403 : 401, 'forbidden', 'Recomputing segments needs marketing-segments:update.')
    const segment = await loadSegment(req, segmentId)
    if (!segment) return errorBody(404, 'unknown_segment', 'No such segment.')
    return json(await computeSegment(req, segment))
  }),
}
