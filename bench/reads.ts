/**
 * npm run bench:reads [-- --events 100000 --designers 10000 --engagement 1000000 --clients 16 --seconds 8]
 *
 * Public reads at size: fills a throwaway database with N published and draft events (venues,
 * categories, card images, a ticket type each), starts the production build, and measures in
 * one run, side by side: a bare Next.js route (/healthz: no Payload, no database), the app's
 * floor (anonymous GET /api/users/me), Payload's default list of upcoming events, the site
 * listing (GET /api/site/events) on its first page, on a deep page (200 pages in), filtered and
 * through GraphQL, the event page, availability, search (500 distinct queries drawn from the
 * data, a hot query, a query that matches nothing), three reports at 4 clients over a million
 * engagement rows, and the listing's own query through pg (the database's ceiling). Counts only 200/304 answers;
 * other statuses are reported. Writes JSON to bench/results/. A benchmark, not a test.
 */
import pg from 'pg'

import { listEvents } from '../src/domain/events/listing'
import { refreshEngagementRollup } from '../src/domain/reports/rollups'
import { DEFAULT_ADMIN } from '../src/seed/constants'
import { fill } from './fill'
import { startTestDatabaseServer } from '../tests/helpers/dbServer'
import { arg, ensureBuild, pct, runBench, startApp, stopApp, writeResult } from './lib'

const EVENTS = arg('events', 100_000)
const DESIGNERS = arg('designers', 10_000)
const ENGAGEMENT = arg('engagement', 1_000_000)
const CLIENTS = arg('clients', 16)
const SECONDS = arg('seconds', 8)

type Run = { label: string; ok: number; perSecond: number; p50: number; p99: number; other: Record<string, number> }

async function drive(label: string, once: () => Promise<number>, clients = CLIENTS): Promise<Run> {
  const lat: number[] = []
  const other: Record<string, number> = {}
  const end = performance.now() + SECONDS * 1000
  const t0 = performance.now()
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < end) {
        const t = performance.now()
        const status = await once().catch(() => 599)
        if (status === 200 || status === 304) lat.push(performance.now() - t)
        else other[status] = (other[status] ?? 0) + 1
      }
    }),
  )
  const secs = (performance.now() - t0) / 1000
  lat.sort((a, b) => a - b)
  const r = {
    label,
    ok: lat.length,
    perSecond: Math.round(lat.length / secs),
    p50: +pct(lat, 50).toFixed(1),
    p99: +pct(lat, 99).toFixed(1),
    other,
  }
  const bad =
    Object.entries(other)
      .map(([k, v]) => `${k}: ${v}`)
      .join(', ') || 'none'
  console.log(
    `${label.padEnd(44)} ${String(r.perSecond).padStart(6)} req/s   p50 ${String(r.p50).padStart(7)} ms   p99 ${String(r.p99).padStart(7)} ms   (errors: ${bad})`,
  )
  return r
}

async function main() {
  ensureBuild()
  const server = await startTestDatabaseServer()
  const databaseUrl = await server.create('bench_reads')
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 })
  pool.on('error', () => undefined)
  try {
    const { base, app } = await startApp(databaseUrl)
    await fill(pool, { events: EVENTS, designers: DESIGNERS, engagement: ENGAGEMENT })
    const rollup = performance.now()
    await refreshEngagementRollup(pool)
    console.log(`engagement rollup built over ${ENGAGEMENT.toLocaleString()} rows in ${Math.round(performance.now() - rollup)} ms`)
    const get = (path: string) => async () => {
      const res = await fetch(`${base}${path}`)
      await res.arrayBuffer()
      return res.status
    }
    const nowIso = new Date().toISOString()
    const payloadList = `/api/events?where[status][equals]=published&where[endDate][greater_than]=${nowIso}&sort=startDate&limit=20&depth=1`
    // A deep cursor: 200 pages of 20 into the upcoming events.
    let cursor: string | null = null
    for (let i = 0; i < 200; i++) {
      const page = (await (await fetch(`${base}/api/site/events?limit=20${cursor ? `&cursor=${cursor}` : ''}`)).json()) as {
        nextCursor: string | null
      }
      if (!page.nextCursor) break
      cursor = page.nextCursor
    }
    console.log(`\npublic reads: ${EVENTS.toLocaleString()} events, ${CLIENTS} clients, ${SECONDS}s per run\n`)
    await drive('warm-up (discarded)', get('/api/site/events?limit=20'))
    const runs: Run[] = []
    runs.push(await drive('bare Next.js route (/healthz)', get('/healthz')))
    runs.push(await drive('app floor (GET /api/users/me, anonymous)', get('/api/users/me')))
    runs.push(await drive("Payload's list, upcoming, 20, depth 1", get(payloadList)))
    runs.push(await drive('site listing, first page', get('/api/site/events?limit=20')))
    runs.push(await drive('site listing, page 201 (cursor)', get(`/api/site/events?limit=20&cursor=${cursor}`)))
    runs.push(await drive('site listing, category + city filter', get('/api/site/events?limit=20&category=category-3&city=Paris')))
    const gql = async () => {
      const res = await fetch(`${base}/api/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query:
            '{ siteEvents(limit: 20) { events { id title startDate timeZone venue { name city } priceFrom { amount currency } } nextCursor } }',
        }),
      })
      const body = (await res.json()) as { errors?: unknown }
      return res.status === 200 && !body.errors ? 200 : res.status === 200 ? 590 : res.status
    }
    runs.push(await drive('site listing through GraphQL (siteEvents)', gql))
    // Event pages and availability over many upcoming events, so no single row stays hot.
    const { rows: upcoming } = await pool.query(
      `SELECT e.slug, e.id FROM events e WHERE e.status = 'published' AND e.end_date > now() ORDER BY e.start_date LIMIT 2000`,
    )
    const pick = () => upcoming[Math.floor(Math.random() * upcoming.length)]
    runs.push(await drive('event page by slug (2,000 events)', () => get(`/api/site/events/${pick().slug}`)()))
    runs.push(await drive('availability (2,000 events)', () => get(`/api/events/${pick().id}/availability`)()))
    // Search: 500 distinct queries drawn from the data (event and designer names, as typed), one hot query, one that matches nothing.
    const { rows: words } = await pool.query(
      `(SELECT split_part(title, ' ', 3) || ' ' || split_part(title, ' ', 2) AS q FROM events TABLESAMPLE SYSTEM (5) LIMIT 400)
       UNION ALL (SELECT split_part(name, ' ', 1) || ' ' || left(split_part(name, ' ', 2), 4) FROM designers TABLESAMPLE SYSTEM (50) LIMIT 400)`,
    )
    const queries = [...new Set(words.map((w) => String(w.q)))]
    console.log(
      `search: ${queries.length} distinct queries, e.g. ${queries
        .slice(0, 3)
        .map((q) => JSON.stringify(q))
        .join(', ')}`,
    )
    let next = 0
    runs.push(await drive('search, distinct queries', () => get(`/api/search?q=${encodeURIComponent(queries[next++ % queries.length])}`)()))
    runs.push(await drive('search, hot query ("couture")', get('/api/search?q=couture')))
    runs.push(await drive('search, matches nothing', get('/api/search?q=zzqxvwk')))
    // Reports, as the admin the platform seeds on a new database, at 4 clients.
    const login = await fetch(`${base}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(DEFAULT_ADMIN),
    })
    const { token } = (await login.json()) as { token?: string }
    if (!token) throw new Error(`login answered ${login.status}`)
    const authed = (path: string) => async () => {
      const res = await fetch(`${base}${path}`, { headers: { authorization: `JWT ${token}` } })
      await res.arrayBuffer()
      return res.status
    }
    for (const name of ['engagement', 'sponsor-roi', 'campaign-channels'])
      runs.push(await drive(`report ${name} (4 clients)`, authed(`/api/reports/${name}`), 4))
    await stopApp(app)
    runs.push(
      await drive('listing query through pg (ceiling)', async () => {
        await listEvents(pool, { limit: 20 }, new Date())
        return 200
      }),
    )
    const by = (label: string) => runs.find((r) => r.label.startsWith(label))!
    const ratio = (a: Run, b: Run) => +(a.perSecond / b.perSecond).toFixed(2)
    const floor = by('app floor')
    const summary = {
      floorOverBare: ratio(floor, by('bare')),
      listingOverFloor: ratio(by('site listing, first'), floor),
      listingP99OverFloorP99: +(by('site listing, first').p99 / floor.p99).toFixed(2),
      listingOverPayload: ratio(by('site listing, first'), by("Payload's list")),
      deepOverFirst: ratio(by('site listing, page 201'), by('site listing, first')),
      graphqlOverFloor: ratio(by('site listing through GraphQL'), floor),
      eventPageOverFloor: ratio(by('event page'), floor),
      availabilityOverFloor: ratio(by('availability'), floor),
      searchDistinctOverFloor: ratio(by('search, distinct'), floor),
      searchHotOverFloor: ratio(by('search, hot'), floor),
      searchNothingOverFloor: ratio(by('search, matches nothing'), floor),
    }
    console.log('\nratios (goal in brackets):')
    const goals: Array<[string, number, string]> = [
      ['floor / bare route', summary.floorOverBare, '>= 0.70'],
      ['listing / floor', summary.listingOverFloor, '>= 0.50'],
      ['listing p99 / floor p99', summary.listingP99OverFloorP99, '<= 2'],
      ["listing / Payload's list", summary.listingOverPayload, '>= 15'],
      ['deep page / first page', summary.deepOverFirst, '>= 1 (no slower)'],
      ['GraphQL listing / floor', summary.graphqlOverFloor, '(none set)'],
      ['event page / floor', summary.eventPageOverFloor, '>= 0.50'],
      ['availability / floor', summary.availabilityOverFloor, '>= 0.70'],
      ['search distinct / floor', summary.searchDistinctOverFloor, '>= 0.25'],
      ['search hot / floor', summary.searchHotOverFloor, '(none set)'],
      ['search nothing / floor', summary.searchNothingOverFloor, '>= 0.60'],
    ]
    for (const [label, value, goal] of goals) console.log(`  ${label.padEnd(28)} ${String(value).padStart(6)}   [${goal}]`)
    for (const name of ['engagement', 'sponsor-roi', 'campaign-channels'])
      console.log(`  report ${name} p99 at 4 clients: ${by(`report ${name}`).p99} ms   [< 100 ms]`)
    writeResult('reads', {
      at: new Date().toISOString(),
      events: EVENTS,
      designers: DESIGNERS,
      engagement: ENGAGEMENT,
      clients: CLIENTS,
      seconds: SECONDS,
      runs,
      ratio: summary,
    })
  } finally {
    await pool.end()
    await server.stop()
  }
}

runBench(main)
