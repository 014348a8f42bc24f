/**
 * Prometheus metrics (prom-client), served at GET /api/metrics behind METRICS_TOKEN. Per
 * instance: HTTP requests and durations by route and status (REST and GraphQL), holds granted
 * and refused. Read from the database at scrape time (the same on every instance, so sum them
 * with `max` rather than `sum` across instances): orders by status, the job queues' depth and
 * oldest job's age, the webhook backlog. And this instance's database pool.
 */
import crypto from 'node:crypto'

import type { Pool } from 'pg'
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client'

import { checkInvariants } from './invariants'

type Metrics = {
  registry: Registry
  requests: Counter<'route' | 'method' | 'status'>
  durations: Histogram<'route' | 'method' | 'status'>
  holds: Counter<'outcome' | 'status'>
  pools: Set<Pool>
}

const globalKey = Symbol.for('fashionistas.metrics')
const store = globalThis as unknown as Record<symbol, Metrics | undefined>

/** One registry per process (Next's dev mode may load this module more than once). */
export function metrics(): Metrics {
  const existing = store[globalKey]
  if (existing) return existing
  const registry = new Registry()
  collectDefaultMetrics({ register: registry, prefix: 'fsh_' })
  const pools = new Set<Pool>()
  const m: Metrics = {
    registry,
    pools,
    requests: new Counter({
      name: 'fsh_http_requests_total',
      help: 'API requests by route, method and status',
      labelNames: ['route', 'method', 'status'],
      registers: [registry],
    }),
    durations: new Histogram({
      name: 'fsh_http_request_duration_seconds',
      help: 'API request durations by route, method and status',
      labelNames: ['route', 'method', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    holds: new Counter({
      name: 'fsh_holds_total',
      help: 'Hold requests: granted, or refused with their status',
      labelNames: ['outcome', 'status'],
      registers: [registry],
    }),
  }
  const poolGauge = (name: string, help: string, read: (p: Pool) => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        this.set([...pools].reduce((n, p) => n + read(p), 0))
      },
    })
  poolGauge('fsh_db_pool_connections', 'Open connections in this instance’s pool', (p) => p.totalCount)
  poolGauge('fsh_db_pool_idle', 'Idle connections in this instance’s pool', (p) => p.idleCount)
  poolGauge('fsh_db_pool_waiting', 'Requests waiting for a connection', (p) => p.waitingCount)
  store[globalKey] = m
  return m
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const KNOWN = new Set<string>()

/** `/api/events/<uuid>/seats` → `/api/events/:id/seats`; ids, numbers and tokens become `:id`; at most 4 segments and 300 routes. */
export function routeLabel(pathname: string): string {
  const parts = pathname
    .split('/')
    .filter(Boolean)
    .slice(0, 4)
    .map((s) => (UUID.test(s) || /^\d+$/.test(s) || s.length > 40 || /[^a-z0-9_-]/i.test(s) ? ':id' : s))
  const route = `/${parts.join('/')}`
  if (KNOWN.has(route)) return route
  if (KNOWN.size >= 300) return 'other'
  KNOWN.add(route)
  return route
}

/** Records one API request. */
export function observeRequest(method: string, pathname: string, status: number, seconds: number): void {
  const m = metrics()
  const route = routeLabel(pathname)
  const labels = { route, method, status: String(status) }
  m.requests.inc(labels)
  m.durations.observe(labels, seconds)
  if (method === 'POST' && route === '/api/checkout/holds')
    m.holds.inc({ outcome: status === 201 ? 'granted' : 'refused', status: String(status) })
}

/**
 * The invariants' drift counts (invariants.ts), read at most every INVARIANTS_CHECK_SECONDS
 * (300) per instance: the checks scan every ticket type, seat and code, too much for each scrape.
 */
let invariantCache: { at: number; counts: Array<[string, number]> } | null = null
async function invariantCounts(db: Pool): Promise<Array<[string, number]>> {
  const ttl = Number(process.env.INVARIANTS_CHECK_SECONDS || 300) * 1000
  if (invariantCache && Date.now() - invariantCache.at < ttl) return invariantCache.counts
  const drift = await checkInvariants(db, 1000)
  invariantCache = { at: Date.now(), counts: drift.map((d) => [d.invariant, d.rows.length]) }
  return invariantCache.counts
}

/** The text Prometheus scrapes, with the database's figures read now. */
export async function scrape(db: Pool): Promise<{ contentType: string; body: string }> {
  const m = metrics()
  m.pools.add(db)
  const [orders, jobs, hooks, invariants] = await Promise.all([
    // Every status, those with no order too (a series that appears only once it is non-zero alerts late).
    db.query<{ status: string; n: string }>(
      `SELECT e.enumlabel AS status, count(o.id) AS n FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid AND t.typname = 'enum_orders_status'
         LEFT JOIN orders o ON o.status::text = e.enumlabel GROUP BY e.enumlabel, e.enumsortorder ORDER BY e.enumsortorder`,
    ),
    db.query<{ queue: string; n: string; age: string | null }>(
      `SELECT queue, count(*) AS n, extract(epoch FROM now() - min(coalesce(wait_until, created_at)))::float8 AS age
         FROM payload_jobs WHERE completed_at IS NULL AND NOT coalesce(has_error, false) GROUP BY queue`,
    ),
    db.query<{ n: string; age: string | null }>(
      `SELECT count(*) AS n, extract(epoch FROM now() - min(next_attempt_at))::float8 AS age FROM webhook_deliveries WHERE status IN ('pending', 'retrying')`,
    ),
    invariantCounts(db),
  ])
  const text = [
    '# HELP fsh_orders Orders by status (from the database)',
    '# TYPE fsh_orders gauge',
    ...orders.rows.map((r) => `fsh_orders{status="${r.status}"} ${Number(r.n)}`),
    '# HELP fsh_jobs_queued Jobs waiting or running, by queue (from the database)',
    '# TYPE fsh_jobs_queued gauge',
    ...jobs.rows.map((r) => `fsh_jobs_queued{queue="${r.queue}"} ${Number(r.n)}`),
    '# HELP fsh_jobs_oldest_age_seconds Age of the oldest waiting job past its due time, by queue',
    '# TYPE fsh_jobs_oldest_age_seconds gauge',
    ...jobs.rows.map((r) => `fsh_jobs_oldest_age_seconds{queue="${r.queue}"} ${Math.max(0, Number(r.age ?? 0))}`),
    '# HELP fsh_webhook_backlog Webhook deliveries pending or retrying',
    '# TYPE fsh_webhook_backlog gauge',
    `fsh_webhook_backlog ${Number(hooks.rows[0]?.n ?? 0)}`,
    '# HELP fsh_webhook_oldest_due_seconds How long the most overdue delivery has been due',
    '# TYPE fsh_webhook_oldest_due_seconds gauge',
    `fsh_webhook_oldest_due_seconds ${Math.max(0, Number(hooks.rows[0]?.age ?? 0))}`,
    '# HELP fsh_invariant_violations Rows whose mirrored counter differs from the rows (npm run check:invariants lists them; should stay 0)',
    '# TYPE fsh_invariant_violations gauge',
    ...invariants.map(([name, n]) => `fsh_invariant_violations{invariant="${name}"} ${n}`),
    '',
  ].join('\n')
  return { contentType: m.registry.contentType, body: (await m.registry.metrics()) + text }
}

/** METRICS_TOKEN compared in constant time; no token configured means metrics are off. */
export function metricsAllowed(authorization: string | null, token = process.env.METRICS_TOKEN): 'ok' | 'off' | 'denied' {
  if (!token) return 'off'
  const given = Buffer.from(/^Bearer\s+(.+)$/.exec(authorization ?? '')?.[1] ?? '')
  const want = Buffer.from(token)
  return given.length === want.length && crypto.timingSafeEqual(given, want) ? 'ok' : 'denied'
}
