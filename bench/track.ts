/**
 * npm run bench:track [-- --clients 8 --seconds 6 --batch 100]
 *
 * Engagement tracking throughput: POST /api/track batches against a production build on a
 * throwaway database, in events per second, next to the same run's ceiling: the same batches
 * written straight into user_engagement with one INSERT ... SELECT FROM unnest per batch
 * over pg (no HTTP, no validation, no Payload). Prints both and their ratio, writes JSON to
 * bench/results/. A benchmark, not a test.
 */
import pg from 'pg'

import { startTestDatabaseServer } from '../tests/helpers/dbServer'
import { arg, ensureBuild, pct, runBench, startApp, stopApp, writeResult } from './lib'

const CLIENTS = arg('clients', 8)
const SECONDS = arg('seconds', 6)
const BATCH = arg('batch', 100)

const batch = (client: number, n: number) =>
  Array.from({ length: BATCH }, (_, i) => ({
    type: i % 4 ? 'page_view' : 'ticket_click',
    source: i % 3 ? 'web' : 'app',
    sessionId: `bench-${client}-${n % 50}`,
    data: { i, path: `/events/${i % 17}` },
  }))

async function run(label: string, send: (client: number, n: number) => Promise<boolean>) {
  const lat: number[] = []
  let errors = 0
  const end = performance.now() + SECONDS * 1000
  const t0 = performance.now()
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, c) => {
      for (let n = 0; performance.now() < end; n++) {
        const t = performance.now()
        if (!(await send(c, n))) errors++
        lat.push(performance.now() - t)
      }
    }),
  )
  const secs = (performance.now() - t0) / 1000
  lat.sort((a, b) => a - b)
  const r = {
    label,
    batches: lat.length,
    errors,
    eventsPerSecond: Math.round(((lat.length - errors) * BATCH) / secs),
    p50: +pct(lat, 50).toFixed(2),
    p99: +pct(lat, 99).toFixed(2),
  }
  console.log(
    `${label.padEnd(34)} ${String(r.eventsPerSecond).padStart(8)} events/s   batch p50 ${r.p50.toFixed(1).padStart(6)} ms   p99 ${r.p99.toFixed(1).padStart(6)} ms   (${r.batches} batches, ${errors} errors)`,
  )
  return r
}

async function main() {
  ensureBuild()
  const server = await startTestDatabaseServer()
  const databaseUrl = await server.create('bench_track')
  try {
    const { base, app } = await startApp(databaseUrl, { TRACK_BATCHES_PER_MINUTE: '100000000' })
    console.log(`\nEngagement tracking: ${CLIENTS} concurrent clients, batches of ${BATCH}, ${SECONDS}s per run\n`)
    const post = async (c: number, n: number) => {
      const res = await fetch(`${base}/api/track`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.0.0.${c + 1}`, 'user-agent': 'bench' },
        body: JSON.stringify({ events: batch(c, n) }),
      })
      await res.arrayBuffer()
      return res.status === 202
    }
    await run('warm-up (discarded)', post)
    const http = await run('POST /api/track', post)
    await stopApp(app)

    const pool = new pg.Pool({ connectionString: databaseUrl, max: CLIENTS })
    const insert = async (c: number, n: number) => {
      const b = batch(c, n)
      await pool.query(
        `INSERT INTO user_engagement (type, source, session_id, data, ip, user_agent, occurred_at)
         SELECT u.type, u.source, u.session_id, u.data::jsonb, $5, 'bench', now() FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS u(type, source, session_id, data)`,
        [b.map((e) => e.type), b.map((e) => e.source), b.map((e) => e.sessionId), b.map((e) => JSON.stringify(e.data)), `10.0.0.${c + 1}`],
      )
      return true
    }
    await run('warm-up (discarded)', insert)
    const raw = await run('raw INSERT ... unnest (ceiling)', insert)
    await pool.end()
    console.log(`\nHTTP path reaches ${(http.eventsPerSecond / raw.eventsPerSecond).toFixed(2)} of the raw-insert ceiling`)
    writeResult('track', {
      clients: CLIENTS,
      seconds: SECONDS,
      batch: BATCH,
      runs: [http, raw],
      ratio: http.eventsPerSecond / raw.eventsPerSecond,
    })
  } finally {
    await server.stop()
  }
}

runBench(main)
