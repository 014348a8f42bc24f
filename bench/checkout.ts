/**
 * npm run bench:checkout [-- --buyers 64 --seconds 8]
 *
 * Against a production build (`npm run build` first; built here when missing) on a throwaway
 * database: N concurrent buyers placing holds of 1 over HTTP, first on one hot ticket type,
 * then spread over 20 ticket types of one event. Then, on the same database in the same run,
 * the ceiling: the same hold transaction (row lock + conditional insert) called straight
 * through `pg`, no HTTP. Prints holds/s, p50/p99 and the ratio; writes JSON to bench/results/.
 * A benchmark, not a test: it asserts nothing.
 */
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import pg from 'pg'

import { freePort } from '../src/db/embedded'
import { createHold } from '../src/domain/ticketing/holds'
import { startTestDatabaseServer } from '../tests/helpers/dbServer'

const root = path.resolve(import.meta.dirname, '..')
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? Number(process.argv[i + 1]) : fallback
}
const BUYERS = arg('buyers', 64)
const SECONDS = arg('seconds', 8)

type Run = { label: string; requests: number; errors: number; seconds: number; perSecond: number; p50: number; p99: number }

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0

async function drive(label: string, once: () => Promise<boolean>): Promise<Run> {
  const latencies: number[] = []
  let errors = 0
  const deadline = performance.now() + SECONDS * 1000
  const started = performance.now()
  await Promise.all(
    Array.from({ length: BUYERS }, async () => {
      while (performance.now() < deadline) {
        const t = performance.now()
        const ok = await once().catch(() => false)
        latencies.push(performance.now() - t)
        if (!ok) errors++
      }
    }),
  )
  const seconds = (performance.now() - started) / 1000
  latencies.sort((a, b) => a - b)
  const run = { label, requests: latencies.length, errors, seconds: +seconds.toFixed(2), perSecond: Math.round(latencies.length / seconds), p50: +pct(latencies, 50).toFixed(2), p99: +pct(latencies, 99).toFixed(2) }
  console.log(`${label.padEnd(34)} ${String(run.perSecond).padStart(6)} holds/s   p50 ${run.p50.toFixed(1).padStart(6)} ms   p99 ${run.p99.toFixed(1).padStart(6)} ms   (${run.requests} requests, ${errors} errors)`)
  return run
}

async function main() {
  if (!fs.existsSync(path.join(root, '.next', 'BUILD_ID'))) {
    console.log('no production build: running npm run build')
    const b = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' })
    if (b.status !== 0) throw new Error('build failed')
  }
  const server = await startTestDatabaseServer()
  const databaseUrl = await server.create('bench')
  const port = await freePort()
  const app = spawn(path.join(root, 'node_modules/.bin/tsx'), ['scripts/platform.ts', 'start'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), SEED_DEMO: 'false', PAYLOAD_SECRET: 'bench-only', PAYLOAD_JOBS_AUTORUN: 'false', NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  })
  const base = `http://127.0.0.1:${port}`
  const results: Run[] = []
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 })
  try {
    for (let i = 0; ; i++) {
      if (i > 240) throw new Error('the app did not start')
      try {
        if ((await fetch(`${base}/api/users/me`)).ok) break
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 500))
    }
    const { rows: [ev] } = await pool.query(
      `INSERT INTO events (title, slug, status, type, start_date, end_date, time_zone) VALUES ('Bench', 'bench-${port}', 'published', 'party', now() + interval '30 days', now() + interval '31 days', 'UTC') RETURNING id`,
    )
    const makeTypes = async (n: number) =>
      (await pool.query(
        `INSERT INTO ticket_types (event_id, name, price, currency, capacity, sold, max_per_order, tier, active)
         SELECT $1, 'T' || g, 1000, 'EUR', 1000000000, 0, 10, 'general', true FROM generate_series(1, $2) g RETURNING id`,
        [ev.id, n],
      )).rows.map((r) => r.id as string)
    const httpHold = (types: string[]) => async () => {
      const ticketType = types[Math.floor(Math.random() * types.length)]
      const res = await fetch(`${base}/api/checkout/holds`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ items: [{ ticketType, quantity: 1 }] }) })
      await res.arrayBuffer()
      return res.status === 201
    }
    const sqlHold = (types: string[]) => async () => {
      const ticketType = types[Math.floor(Math.random() * types.length)]
      await createHold(pool, { items: [{ ticketType, quantity: 1 }] }, new Date())
      return true
    }
    console.log(`\ncheckout holds: ${BUYERS} concurrent buyers, ${SECONDS}s per run, app pool ${process.env.DATABASE_POOL_MAX || 10} connections\n`)
    // Warm-up: compile routes, fill caches.
    await drive('warm-up (HTTP, discarded)', httpHold(await makeTypes(1))).then(() => undefined)
    const hot = await makeTypes(1)
    const spread = await makeTypes(20)
    results.push(await drive('HTTP, 1 hot ticket type', httpHold(hot)))
    results.push(await drive('HTTP, 20 ticket types', httpHold(spread)))
    results.push(await drive('pg ceiling, 1 hot ticket type', sqlHold(await makeTypes(1))))
    results.push(await drive('pg ceiling, 20 ticket types', sqlHold(await makeTypes(20))))
    const ratio = (a: Run, b: Run) => +(a.perSecond / b.perSecond).toFixed(2)
    const summary = { hot: ratio(results[0], results[2]), spread: ratio(results[1], results[3]) }
    console.log(`\nHTTP / pg ceiling: ${summary.hot} (1 hot type), ${summary.spread} (20 types)`)
    const { rows: [check] } = await pool.query(`SELECT count(*)::int AS holds FROM holds`)
    const out = { at: new Date().toISOString(), buyers: BUYERS, seconds: SECONDS, node: process.version, runs: results, ratio: summary, holdsWritten: check.holds }
    fs.mkdirSync(path.join(root, 'bench/results'), { recursive: true })
    const file = path.join(root, 'bench/results', `checkout-${out.at.replace(/[:.]/g, '-')}.json`)
    fs.writeFileSync(file, JSON.stringify(out, null, 2))
    console.log(`written ${path.relative(root, file)}`)
  } finally {
    await pool.end()
    if (app.pid) process.kill(-app.pid, 'SIGTERM')
    await new Promise((r) => setTimeout(r, 2000))
    await server.stop()
  }
}

void main().then(
  () => process.exit(0),
  (err) => {
    console.error(err)
    process.exit(1)
  },
)
