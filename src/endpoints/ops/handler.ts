import fs from 'node:fs'

import type { Endpoint } from 'payload'

import { poolOf } from '../../db/pool'
import { metricsAllowed, scrape } from '../../domain/ops/metrics'
import { readiness } from '../../domain/ops/readiness'
import { errorBody, json } from '../http'

/** GET /api/health: the process is alive (no dependency is asked). */
export const healthEndpoint: Endpoint = {
  path: '/health',
  method: 'get',
  handler: async () => json({ ok: true }, 200, { 'cache-control': 'no-store' }),
}

/** GET /api/ready: 200 when the database answers, every migration is applied and Redis answers (when configured); else 503 naming what is not. */
export const readyEndpoint: Endpoint = {
  path: '/ready',
  method: 'get',
  handler: async (req) => {
    // The committed migrations: the files of the adapter's migration folder.
    const dir = (req.payload.db as { migrationDir?: string }).migrationDir ?? ''
    const names = fs.existsSync(dir)
      ? [
          ...new Set(
            fs
              .readdirSync(dir)
              .filter((f) => /^\d{8}_\d{6}_\w+\.(ts|js)$/.test(f))
              .map((f) => f.replace(/\.(ts|js)$/, '')),
          ),
        ]
      : []
    const r = await readiness(poolOf(req.payload), names)
    return json(r, r.ready ? 200 : 503, { 'cache-control': 'no-store', ...(r.ready ? {} : { 'retry-after': '5' }) })
  },
}

/** GET /api/metrics (Authorization: Bearer METRICS_TOKEN): Prometheus text; 404 when METRICS_TOKEN is unset. */
export const metricsEndpoint: Endpoint = {
  path: '/metrics',
  method: 'get',
  handler: async (req) => {
    const allowed = metricsAllowed(req.headers.get('authorization'))
    if (allowed === 'off') return errorBody(404, 'not_found', 'Metrics are off: set METRICS_TOKEN to serve them.')
    if (allowed === 'denied') return errorBody(401, 'unauthorized', 'Send the metrics token: Authorization: Bearer <METRICS_TOKEN>.')
    const { contentType, body } = await scrape(poolOf(req.payload))
    return new Response(body, { status: 200, headers: { 'content-type': contentType, 'cache-control': 'no-store' } })
  },
}
