/**
 * npm run bench:reads [-- --events 100000 --clients 16 --seconds 8]
 *
 * Public reads at size: fills a throwaway database with N published and draft events (venues,
 * categories, card images, a ticket type each), starts the production build, and measures in
 * one run, side by side: a bare Next.js route (/healthz: no Payload, no database), the app's
 * floor (anonymous GET /api/users/me), Payload's default list of upcoming events, the site
 * listing (GET /api/site/events) on its first page and on a deep page (200 pages in), and the
 * listing's own query through pg (the database's ceiling). Counts only 200/304 answers;
 * other statuses are reported. Writes JSON to bench/results/. A benchmark, not a test.
 */
import pg from 'pg'

import { listEvents } from '../src/domain/events/listing'
import { fill } from './fill'
import { startTestDatabaseServer } from '../tests/helpers/dbServer'
import { arg, ensureBuild, pct, runBench, startApp, stopApp, writeResult } from './lib'

const EVENTS = arg('events', 100_000)
const DESIGNERS = arg('designers', 10_000)
const CLIENTS = arg('clients', 16)
const SECONDS = arg('seconds', 8)

type Run = { label: string; ok: number; perSecond: number; p50: number; p99: number; other: Record<string, number> }

async function drive(label: string, once: () => Promise<number>): Promise<Run> {
  const lat: number[] = []
  const other: Record<string, number> = {}
  const end = performance.now() + SECONDS * 1000
  const t0 = performance.now()
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
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
    await fill(pool, { events: EVENTS, designers: DESIGNERS })
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
    await stopApp(app)
    runs.push(
      await drive('listing query through pg (ceiling)', async () => {
        await listEvents(pool, { limit: 20 }, new Date())
        return 200
      }),
    )
    const by = (label: string) => runs.find((r) => r.label.startsWith(label))!
    const ratio = (a: Run, b: Run) => +(a.perSecond / b.perSecond).toFixed(2)
    const summary = {
      floorOverBare: ratio(by('app floor'), by('bare')),
      listingOverFloor: ratio(by('site listing, first'), by('app floor')),
      listingOverPayload: ratio(by('site listing, first'), by("Payload's list")),
      deepOverFirst: ratio(by('site listing, page 201'), by('site listing, first')),
    }
    console.log(
      `\nfloor / bare route ${summary.floorOverBare}; listing / floor ${summary.listingOverFloor}; listing / Payload's list ${summary.listingOverPayload}; deep page / first page ${summary.deepOverFirst}`,
    )
    writeResult('reads', { at: new Date().toISOString(), events: EVENTS, clients: CLIENTS, seconds: SECONDS, runs, ratio: summary })
  } finally {
    await pool.end()
    await server.stop()
  }
}

runBench(main)
