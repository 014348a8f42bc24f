import config from '@payload-config'
import { REST_DELETE, REST_GET, REST_OPTIONS, REST_PATCH, REST_POST, REST_PUT } from '@payloadcms/next/routes'
import { getPayload } from 'payload'

import { addressKey, clientAddress } from '../../../config/clientAddress'
import { apiBounds } from '../../../config/env'
import { requestIdOf } from '../../../config/requestId'
import { DATABASE_RETRY_AFTER, databaseUnavailableBody, isDatabaseUnavailable } from '../../../db/unavailable'
import { observeRequest } from '../../../domain/ops/metrics'
import { withApiKeyGate } from '../../../plugins/api-keys'
import { UUID, withRequestGuard } from '../../../plugins/request-guard'

// The edge, outside in: API keys (401, 429 per key and per client address, usage logs), then
// the request guard (400 for a body that is not a JSON object and for out-of-range paging,
// depth or sort), then Payload's own handler. Kept apart from the route module (which also
// loads Payload's CSS for Next) so a plain Node server can mount the same handlers (tests'
// instances, tests/helpers/instance.ts).
const payload = () => getPayload({ config })
const gate = { clientAddress: (req: Request) => clientAddress(req.headers), addressKey }
const guarded = <H extends (req: Request, ctx: { params: Promise<{ slug: string[] }> }) => Promise<Response>>(h: H) =>
  measured(whenDatabaseAway(withApiKeyGate(payload, withRequestGuard(config, h, { ...apiBounds(), idPattern: UUID }), gate)))

/** Counts and times every API request by route and status (GET /api/metrics). */
export function measured<C>(h: (req: Request, ctx: C) => Promise<Response>) {
  return async (req: Request, ctx: C): Promise<Response> => {
    const started = performance.now()
    let status = 500
    try {
      const res = await h(req, ctx)
      status = res.status
      return res
    } finally {
      observeRequest(req.method, new URL(req.url).pathname, status, (performance.now() - started) / 1000)
    }
  }
}

/**
 * The database away (restarting, connections cut) is a 503 with Retry-After wherever it shows:
 * thrown before Payload (the gate reads API keys) or answered by Payload's error hook (503).
 */
function whenDatabaseAway<C>(h: (req: Request, ctx: C) => Promise<Response>) {
  return async (req: Request, ctx: C): Promise<Response> => {
    try {
      const res = await h(req, ctx)
      if (res.status === 503 && !res.headers.has('retry-after')) res.headers.set('retry-after', String(DATABASE_RETRY_AFTER))
      return res
    } catch (err) {
      if (!isDatabaseUnavailable(err)) throw err
      return Response.json(databaseUnavailableBody(requestIdOf(req.headers)), {
        status: 503,
        headers: { 'retry-after': String(DATABASE_RETRY_AFTER), 'cache-control': 'no-store' },
      })
    }
  }
}

export const GET = guarded(REST_GET(config))
export const POST = guarded(REST_POST(config))
export const DELETE = guarded(REST_DELETE(config))
export const PATCH = guarded(REST_PATCH(config))
export const PUT = guarded(REST_PUT(config))
export const OPTIONS = REST_OPTIONS(config)
