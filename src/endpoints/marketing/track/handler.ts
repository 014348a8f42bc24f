import type { Endpoint } from 'payload'

import { poolOf } from '../../../db/pool'
import { trackEvents } from '../../../domain/marketing/track'
import { hitSharedLimit } from '../../../plugins/api-keys'
import { clientIp, errorBody, handle, json, limitedAddress, now, parse, readJson } from '../../http'
import { TRACK_MAX_BYTES, TRACK_MAX_EVENTS, trackBody } from './schema'

const batchesPerMinute = () => Number(process.env.TRACK_BATCHES_PER_MINUTE || 120)

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
      return errorBody(
        413,
        'batch_too_large',
        `Invalid events: holds at most ${TRACK_MAX_EVENTS} events (got ${events.length}); split the batch.`,
      )
    }
    const body = parse(trackBody, raw)
    const userId = req.user ? String(req.user.id) : null
    if (!userId) {
      const missing = body.events.findIndex((e) => !e.sessionId)
      if (missing >= 0)
        return errorBody(400, 'invalid_request', `Invalid events.${missing}.sessionId: anonymous events need a sessionId.`, {
          issues: [{ path: `events.${missing}.sessionId`, message: 'required when not signed in' }],
        })
    }
    const wait = await hitSharedLimit(req.payload, `track:${userId ?? limitedAddress(req)}`, batchesPerMinute())
    if (wait) return errorBody(429, 'rate_limited', 'Too many tracking batches; slow down.', { retryAfter: wait })
    const t = now()
    // A client clock is trusted within a week back and five minutes ahead; otherwise the server's time.
    const clamp = (at?: string) =>
      at && Date.parse(at) > t.getTime() - 7 * 86_400_000 && Date.parse(at) < t.getTime() + 300_000 ? new Date(at).toISOString() : undefined
    const result = await trackEvents(
      poolOf(req.payload),
      body.events.map((e) => ({ ...e, occurredAt: clamp(e.occurredAt) })),
      {
        userId,
        ip: clientIp(req),
        userAgent: req.headers.get('user-agent')?.slice(0, 500) ?? null,
        now: t,
      },
    )
    return json({ stored: result.stored }, 202)
  }),
}
