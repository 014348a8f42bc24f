/**
 * npm run bench:search [-- --events 100000 --designers 10000 --clients 8 --seconds 6]
 *
 * Site search at size: a production build on a throwaway database filled with 100,000 events
 * and 10,000 designers (SQL generate_series), then, in the same run and over HTTP, p50/p99 of
 * GET /api/search against Payload's own `like` query on the same words
 * (GET /api/events?where[title][like]=... and /api/designers?where[name][like]=...).
 * Prints the figures and writes JSON to bench/results/. A benchmark, not a test.
 */
import pg from 'pg'

import { startTestDatabaseServer } from '../tests/helpers/dbServer'
import { arg, ensureBuild, pct, runBench, startApp, stopApp, writeResult } from './lib'

const EVENTS = arg('events', 100_000)
const DESIGNERS = arg('designers', 10_000)
const CLIENTS = arg('clients', 8)
const SECONDS = arg('seconds', 6)

const ADJ = [
  'velvet',
  'silk',
  'neon',
  'midnight',
  'golden',
  'urban',
  'nordic',
  'couture',
  'vintage',
  'crystal',
  'linen',
  'scarlet',
  'denim',
  'ivory',
  'electric',
  'pastel',
]
const NOUN = [
  'runway',
  'gala',
  'showcase',
  'atelier',
  'soiree',
  'market',
  'salon',
  'parade',
  'exhibition',
  'workshop',
  'lounge',
  'festival',
]
const QUERIES = [
  'velvet runway',
  'midnight gala',
  'couture',
  'nordic salon',
  'crystal parade',
  'electric festival',
  'vintage',
  'scarlet atelier',
]

async function fill(databaseUrl: string) {
  const db = new pg.Client({ connectionString: databaseUrl })
  await db.connect()
  const t0 = performance.now()
  await db.query(
    `INSERT INTO events (title, slug, status, type, start_date, end_date, time_zone, short_description)
     SELECT initcap(($1::text[])[1 + i % 16] || ' ' || ($2::text[])[1 + (i / 16) % 12]) || ' ' || i, 'bench-event-' || i,
            CASE WHEN i % 10 = 0 THEN 'draft' ELSE 'published' END::enum_events_status, 'fashion_show',
            now() + (i % 365) * interval '1 day', now() + (i % 365) * interval '1 day' + interval '4 hours', 'Europe/Paris',
            'A ' || ($1::text[])[1 + (i / 7) % 16] || ' evening with ' || ($2::text[])[1 + (i / 3) % 12] || ' looks and live music.'
       FROM generate_series(1, $3::int) i`,
    [ADJ, NOUN, EVENTS],
  )
  await db.query(
    `INSERT INTO designers (name, slug, status, brand, specialty, bio)
     SELECT initcap(($1::text[])[1 + i % 16]) || ' House ' || i, 'bench-designer-' || i, CASE WHEN i % 5 = 0 THEN 'pending' ELSE 'active' END::enum_designers_status,
            'Maison ' || i, ($2::text[])[1 + i % 12], 'Designer of ' || ($1::text[])[1 + (i / 5) % 16] || ' collections.'
       FROM generate_series(1, $3::int) i`,
    [ADJ, NOUN, DESIGNERS],
  )
  await db.query('ANALYZE events; ANALYZE designers')
  console.log(`filled ${EVENTS} events and ${DESIGNERS} designers in ${((performance.now() - t0) / 1000).toFixed(1)}s`)
  await db.end()
}

async function drive(label: string, urls: string[]) {
  const lat: number[] = []
  let errors = 0
  let hits = 0
  const end = performance.now() + SECONDS * 1000
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, c) => {
      for (let n = c; performance.now() < end; n++) {
        const t = performance.now()
        const res = await fetch(urls[n % urls.length])
        const body = (await res.json()) as { hits?: unknown[]; docs?: unknown[] }
        if (res.status !== 200) errors++
        hits += (body.hits ?? body.docs ?? []).length
        lat.push(performance.now() - t)
      }
    }),
  )
  lat.sort((a, b) => a - b)
  const r = {
    label,
    requests: lat.length,
    errors,
    avgResults: +(hits / Math.max(1, lat.length)).toFixed(1),
    p50: +pct(lat, 50).toFixed(2),
    p99: +pct(lat, 99).toFixed(2),
  }
  console.log(
    `${label.padEnd(44)} p50 ${r.p50.toFixed(1).padStart(7)} ms   p99 ${r.p99.toFixed(1).padStart(7)} ms   (${r.requests} requests, ${r.avgResults} results each, ${errors} errors)`,
  )
  return r
}

async function main() {
  ensureBuild()
  const server = await startTestDatabaseServer()
  const databaseUrl = await server.create('bench_search')
  try {
    const { base, app } = await startApp(databaseUrl)
    await fill(databaseUrl)
    const enc = encodeURIComponent
    const search = QUERIES.map((q) => `${base}/api/search?q=${enc(q)}&types=events,designers&limit=20`)
    const likeEvents = QUERIES.map((q) => `${base}/api/events?where[title][like]=${enc(q)}&limit=20&depth=0`)
    const likeDesigners = QUERIES.map((q) => `${base}/api/designers?where[name][like]=${enc(q.split(' ')[0])}&limit=20&depth=0`)
    console.log(`\nSearch at ${EVENTS} events and ${DESIGNERS} designers: ${CLIENTS} clients, ${SECONDS}s per run\n`)
    await drive('warm-up (discarded)', search)
    const runs = [
      await drive('GET /api/search (full text, ranked)', search),
      await drive('Payload events where[title][like]', likeEvents),
      await drive('Payload designers where[name][like]', likeDesigners),
    ]
    await stopApp(app)
    writeResult('search', { events: EVENTS, designers: DESIGNERS, clients: CLIENTS, seconds: SECONDS, runs })
  } finally {
    await server.stop()
  }
}

runBench(main)
