/**
 * npm run bench:checkout [-- --buyers 64 --seconds 8]
 *
 * Against a production build (`npm run build` first; built here when missing) on a throwaway
 * database, with every limit on (per-address checkout rate limit, hoarding cap): N concurrent
 * buyers placing holds of 1 over HTTP through the platform's front, each request from its own
 * address behind one trusted proxy hop (TRUST_PROXY=loopback, X-Forwarded-For), first on one
 * hot ticket type, then spread over 20 ticket types of one event. Then, on the same database
 * in the same run, the ceiling: the same hold transaction (hoarding-cap lock and count, row
 * lock, conditional insert) called straight through `pg`, no HTTP, on a fresh type and on a
 * type that already carries 10,000 live holds. The seated runs hold one named seat per request
 * on one seated ticket type of 40,000 seats (HTTP, then the same through `pg`).
 *
 * Throughput counts only granted holds (201); refusals and errors are reported by status.
 * The run fails (exit 1) when fewer than half of the HTTP requests were granted: a benchmark
 * of 429s measures nothing. Writes JSON to bench/results/. A benchmark, not a test.
 */
import pg from 'pg'

import { createHold } from '../src/domain/ticketing/holds'
import { over } from '../src/domain/ticketing/organizer'
import { snapshotSeats } from '../src/domain/ticketing/seating'
import { startTestDatabaseServer } from '../tests/helpers/dbServer'
import { arg, ensureBuild, pct, runBench, startApp, stopApp, writeResult } from './lib'

const BUYERS = arg('buyers', 64)
const SECONDS = arg('seconds', 8)

type Run = {
  label: string
  requests: number
  granted: number
  perSecond: number
  p50: number
  p99: number
  outcomes: Record<string, number>
}

/** `once` answers the outcome: '201' when a hold was granted, else the status and error code. */
async function drive(label: string, once: () => Promise<string>): Promise<Run> {
  const latencies: number[] = []
  const outcomes: Record<string, number> = {}
  const deadline = performance.now() + SECONDS * 1000
  const started = performance.now()
  await Promise.all(
    Array.from({ length: BUYERS }, async () => {
      while (performance.now() < deadline) {
        const t = performance.now()
        const outcome = await once().catch((err: unknown) => `thrown ${(err as Error).message?.slice(0, 60)}`)
        outcomes[outcome] = (outcomes[outcome] ?? 0) + 1
        if (outcome === '201') latencies.push(performance.now() - t)
      }
    }),
  )
  const seconds = (performance.now() - started) / 1000
  latencies.sort((a, b) => a - b)
  const requests = Object.values(outcomes).reduce((a, b) => a + b, 0)
  const granted = outcomes['201'] ?? 0
  const run = {
    label,
    requests,
    granted,
    perSecond: Math.round(granted / seconds),
    p50: +pct(latencies, 50).toFixed(2),
    p99: +pct(latencies, 99).toFixed(2),
    outcomes,
  }
  const others =
    Object.entries(outcomes)
      .filter(([k]) => k !== '201')
      .map(([k, v]) => `${k}: ${v}`)
      .join(', ') || 'none'
  console.log(
    `${label.padEnd(34)} ${String(run.perSecond).padStart(6)} holds/s   p50 ${run.p50.toFixed(1).padStart(6)} ms   p99 ${run.p99.toFixed(1).padStart(6)} ms   (${requests} requests; not granted: ${others})`,
  )
  return run
}

/**
 * A seated ticket type on the bench event: a venue with one section of `seats` seats (rows of
 * 100), seating turned on (the event's inventory copied), the type selling the section.
 * Answers the type and its seats, shuffled, with a shared cursor.
 */
async function seatedType(pool: pg.Pool, eventId: string, seats: number) {
  const {
    rows: [venue],
  } = await pool.query(
    `INSERT INTO venues (name, address, city, country, status) VALUES ('Bench hall', '1 Bench St', 'Paris', 'France', 'active') RETURNING id`,
  )
  const {
    rows: [section],
  } = await pool.query(
    `INSERT INTO venue_sections (venue_id, name, capacity, section_type, price_multiplier) VALUES ($1, 'Stalls', $2, 'general', 1) RETURNING id`,
    [venue.id, seats],
  )
  await pool.query(
    `INSERT INTO venue_seats (section_id, row_name, seat_number, label, status, coordinates)
     SELECT $1, 'R' || (g / 100), (g % 100)::text, 'R' || (g / 100) || '-' || (g % 100), 'available', jsonb_build_object('x', (g % 100) * 30, 'y', (g / 100) * 40)
       FROM generate_series(0, $2 - 1) g`,
    [section.id, seats],
  )
  const {
    rows: [tt],
  } = await pool.query(
    `INSERT INTO ticket_types (event_id, name, price, currency, capacity, sold, max_per_order, tier, active, venue_section_id)
     VALUES ($1, 'Seated', 1000, 'EUR', 0, 0, 10, 'general', true, $2) RETURNING id`,
    [eventId, section.id],
  )
  await pool.query(`UPDATE events SET venue_id = $2, seating = true WHERE id = $1`, [eventId, venue.id])
  await snapshotSeats(over(pool), eventId)
  const { rows } = await pool.query<{ id: string }>(`SELECT id FROM event_seats WHERE ticket_type_id = $1`, [tt.id])
  const ids = rows.map((r) => r.id)
  for (let i = ids.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1))
    ;[ids[i], ids[j]] = [ids[j], ids[i]]
  }
  let cursor = 0
  return { ticketType: tt.id as string, next: () => ids[cursor++ % ids.length] }
}

type Seated = Awaited<ReturnType<typeof seatedType>>

const httpSeat = (base: string, seated: Seated) => async () => {
  const res = await fetch(`${base}/api/checkout/holds`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': randomAddress() },
    body: JSON.stringify({ items: [{ ticketType: seated.ticketType, seats: [seated.next()] }] }),
  })
  const body = (await res.json().catch(() => ({}))) as { error?: string }
  return res.status === 201 ? '201' : `${res.status} ${body.error ?? ''}`.trim()
}

const sqlSeat = (pool: pg.Pool, seated: Seated) => async () => {
  await createHold(
    pool,
    { items: [{ ticketType: seated.ticketType, seats: [seated.next()] }], holder: { address: randomAddress(), user: null } },
    new Date(),
  )
  return '201'
}

const randomAddress = () =>
  `100.${64 + Math.floor(Math.random() * 64)}.${Math.floor(Math.random() * 256)}.${1 + Math.floor(Math.random() * 254)}`

async function main() {
  ensureBuild()
  const server = await startTestDatabaseServer()
  const databaseUrl = await server.create('bench')
  const results: Run[] = []
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 })
  // Stopping the throwaway server at the end terminates connections; that is not an error of the run.
  pool.on('error', () => undefined)
  try {
    const { base, app } = await startApp(databaseUrl, { TRUST_PROXY: 'loopback' })
    const {
      rows: [ev],
    } = await pool.query(
      `INSERT INTO events (title, slug, status, type, start_date, end_date, time_zone) VALUES ('Bench', 'bench-${Date.now()}', 'published', 'party', now() + interval '30 days', now() + interval '31 days', 'UTC') RETURNING id`,
    )
    const makeTypes = async (n: number) =>
      (
        await pool.query(
          `INSERT INTO ticket_types (event_id, name, price, currency, capacity, sold, max_per_order, tier, active)
         SELECT $1, 'T' || g, 1000, 'EUR', 1000000000, 0, 10, 'general', true FROM generate_series(1, $2) g RETURNING id`,
          [ev.id, n],
        )
      ).rows.map((r) => r.id as string)
    const httpHold = (types: string[]) => async () => {
      const ticketType = types[Math.floor(Math.random() * types.length)]
      const res = await fetch(`${base}/api/checkout/holds`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': randomAddress() },
        body: JSON.stringify({ items: [{ ticketType, quantity: 1 }] }),
      })
      const body = (await res.json().catch(() => ({}))) as { error?: string }
      return res.status === 201 ? '201' : `${res.status} ${body.error ?? ''}`.trim()
    }
    const sqlHold = (types: string[]) => async () => {
      const ticketType = types[Math.floor(Math.random() * types.length)]
      await createHold(pool, { items: [{ ticketType, quantity: 1 }], holder: { address: randomAddress(), user: null } }, new Date())
      return '201'
    }
    console.log(
      `\ncheckout holds: ${BUYERS} concurrent buyers from distinct addresses, ${SECONDS}s per run, limits on (counters: ${process.env.REDIS_URL ? 'Redis' : 'batched, PostgreSQL'}), app pool ${process.env.DATABASE_POOL_MAX || 10} connections\n`,
    )
    await drive('warm-up (HTTP, discarded)', httpHold(await makeTypes(1)))
    const hot = await makeTypes(1)
    const spread = await makeTypes(20)
    results.push(await drive('HTTP, 1 hot ticket type', httpHold(hot)))
    results.push(await drive('HTTP, 20 ticket types', httpHold(spread)))
    // Reserved seating: one seated ticket type over 40,000 seats; each request names one free
    // seat (the buyers walk one shuffled list of the seats, so a seat is asked for once).
    const seated = await seatedType(pool, ev.id, 40_000)
    results.push(await drive('HTTP, 1 seated type, named seats', httpSeat(base, seated)))
    await stopApp(app)
    results.push(await drive('pg ceiling, 1 hot ticket type', sqlHold(await makeTypes(1))))
    results.push(await drive('pg ceiling, 20 ticket types', sqlHold(await makeTypes(20))))
    results.push(await drive('pg ceiling, 1 seated type, named seats', sqlSeat(pool, seated)))
    // The same hot type with 10,000 live holds already on it (a sale in full swing): the
    // decision reads the maintained count, so it should cost what it cost with none.
    const [crowded] = await makeTypes(1)
    await pool.query(
      `INSERT INTO holds (checkout, ticket_type_id, quantity, token_hash, status, expires_at, holder_address)
       SELECT gen_random_uuid(), $1, 1, md5(g::text), 'active', now() + interval '1 hour', '198.18.' || (g / 250) || '.' || (g % 250)
         FROM generate_series(1, 10000) g`,
      [crowded],
    )
    await pool.query('ANALYZE holds')
    results.push(await drive('pg ceiling, 1 type, 10,000 live holds', sqlHold([crowded])))
    const ratio = (a: Run, b: Run) => +(a.perSecond / b.perSecond).toFixed(2)
    const [httpHot, httpSpread, httpSeated, pgHot, pgSpread, pgSeated, pgCrowded] = results
    const summary = {
      hot: ratio(httpHot, pgHot),
      spread: ratio(httpSpread, pgSpread),
      spreadOverHot: ratio(httpSpread, httpHot),
      crowdedOverEmpty: ratio(pgCrowded, pgHot),
      seated: ratio(httpSeated, pgSeated),
      seatedOverQuantity: ratio(httpSeated, httpHot),
    }
    console.log(
      `\nHTTP / pg ceiling: ${summary.hot} (1 hot type), ${summary.spread} (20 types), ${summary.seated} (named seats); HTTP 20 types / 1 type: ${summary.spreadOverHot}; HTTP seat holds / quantity holds: ${summary.seatedOverQuantity}; pg ceiling with 10,000 live holds / with none: ${summary.crowdedOverEmpty}`,
    )
    const {
      rows: [check],
    } = await pool.query(`SELECT count(*)::int AS holds FROM holds`)
    writeResult('checkout', {
      at: new Date().toISOString(),
      counters: process.env.REDIS_URL ? 'redis' : 'batched',
      buyers: BUYERS,
      seconds: SECONDS,
      node: process.version,
      runs: results,
      ratio: summary,
      holdsWritten: check.holds,
    })
    for (const r of [httpHot, httpSpread, httpSeated]) {
      if (r.granted < r.requests / 2)
        throw new Error(`${r.label}: only ${r.granted} of ${r.requests} requests were granted holds; the figures would not be holds`)
    }
  } finally {
    await pool.end()
    await server.stop()
  }
}

runBench(main)
