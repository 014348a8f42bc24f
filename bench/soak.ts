/**
 * npm run bench:soak [-- --minutes 10 --clients 24]
 *
 * Against a production build (built here when missing) on a throwaway database: two app
 * instances (`npm start`, jobs off) behind a round-robin balancer, one jobs runner
 * (`npm run jobs`), and one local Stripe fake shared by both (its signed webhooks come back
 * through the balancer). `clients` concurrent clients repeat a visitor's journey for `minutes`:
 * browse (site listing), open the event, search, hold a ticket, order, pay (the fake confirms;
 * the webhook completes the order on whichever instance it reaches), wait for the ticket, and
 * the door checks it in. The ceiling beside it, measured in the same run first: a bare route
 * (`/healthz`) through the same balancer for 10 s.
 *
 * Prints, per step, successful operations per second, p50 and p99, and errors by status; and each
 * process's memory (RSS of its process group) at start and at the end, sampled every minute, so
 * growth shows. Writes JSON to bench/results/. A benchmark, not a test: it asserts no timing;
 * it exits 1 when more than 1 % of requests failed (5xx or no answer).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import path from 'node:path'

import pg from 'pg'

import { startFakeStripe } from '../src/dev/fakeStripe'
import { DEMO_STRIPE_KEY, DEMO_WEBHOOK_SECRET } from '../src/domain/ticketing/payments'
import { DEFAULT_ADMIN } from '../src/seed/constants'
import { balancer } from '../tests/helpers/balancer'
import { startTestDatabaseServer } from '../tests/helpers/dbServer'
import { arg, ensureBuild, pct, root, runBench, startApp, writeResult } from './lib'

const MINUTES = arg('minutes', 10)
const CLIENTS = arg('clients', 24)

type Step = 'browse' | 'event' | 'search' | 'hold' | 'order' | 'pay' | 'ticket' | 'check-in'
const STEPS: Step[] = ['browse', 'event', 'search', 'hold', 'order', 'pay', 'ticket', 'check-in']

/** RSS in MB of every process in a process group (an instance is its front plus Next.js). */
function rssOfGroup(pgid: number): number {
  const out = spawnSync('ps', ['-o', 'rss=', '-g', String(pgid)], { encoding: 'utf8' }).stdout
  return Math.round(out.split('\n').reduce((n, l) => n + (Number(l.trim()) || 0), 0) / 1024)
}

const randomAddress = () =>
  `100.${64 + Math.floor(Math.random() * 64)}.${Math.floor(Math.random() * 256)}.${1 + Math.floor(Math.random() * 254)}`

async function main() {
  ensureBuild()
  const server = await startTestDatabaseServer()
  const databaseUrl = await server.create('soak')
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 })
  pool.on('error', () => undefined)
  const procs: ChildProcess[] = []
  // The fake reads its webhook address when it sends: set once the balancer is up.
  const fakeOptions = { webhookUrl: '', webhookSecret: DEMO_WEBHOOK_SECRET }
  const fake = await startFakeStripe(fakeOptions)
  try {
    const env = {
      TRUST_PROXY: 'loopback',
      STRIPE_API_BASE: fake.url,
      CHECKOUT_RATE_PER_MINUTE: '100000',
      HOLD_LIMIT_PER_EVENT: '1000',
      PAYLOAD_JOBS_AUTORUN: 'false',
    }
    const a = await startApp(databaseUrl, env)
    const b = await startApp(databaseUrl, env)
    procs.push(a.app, b.app)
    const lb = await balancer([Number(new URL(a.base).port), Number(new URL(b.base).port)])
    fakeOptions.webhookUrl = `${lb.url}/api/stripe/webhook`
    const jobs = spawn(path.join(root, 'node_modules/.bin/tsx'), ['scripts/platform.ts', 'jobs'], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseUrl, PAYLOAD_SECRET: 'bench-only', STRIPE_API_BASE: fake.url, NODE_ENV: 'production' },
      stdio: ['ignore', 'ignore', 'inherit'],
      detached: true,
    })
    procs.push(jobs)

    // The event: published, tomorrow, a paid ticket type with room for the whole run.
    const login = await fetch(`${lb.url}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: DEFAULT_ADMIN.email, password: DEFAULT_ADMIN.password }),
    })
    const { token, user } = (await login.json()) as { token: string; user: { id: string } }
    const slug = `soak-${Date.now()}`
    const {
      rows: [ev],
    } = await pool.query(
      `INSERT INTO events (title, slug, status, type, start_date, end_date, time_zone, organizer_id)
       VALUES ('Soak Runway Night', $1, 'published', 'fashion_show', now() + interval '1 day', now() + interval '1 day 4 hours', 'Europe/Paris', $2) RETURNING id`,
      [slug, user.id],
    )
    const {
      rows: [tt],
    } = await pool.query(
      `INSERT INTO ticket_types (event_id, name, price, currency, capacity, sold, max_per_order, tier, active)
       VALUES ($1, 'Soak seat', 2500, 'EUR', 10000000, 0, 10, 'general', true) RETURNING id`,
      [ev.id],
    )

    // The ceiling: a bare Next.js route through the same balancer (5 s of warm-up discarded, then 10 s).
    const floor = { n: 0, lat: [] as number[] }
    for (const [seconds, counted] of [
      [5, false],
      [10, true],
    ] as const) {
      const floorUntil = performance.now() + seconds * 1000
      await Promise.all(
        Array.from({ length: CLIENTS }, async () => {
          while (performance.now() < floorUntil) {
            const t = performance.now()
            const r = await fetch(`${lb.url}/healthz`).catch(() => null)
            await r?.arrayBuffer()
            if (r?.ok && counted) {
              floor.n++
              floor.lat.push(performance.now() - t)
            }
          }
        }),
      )
    }
    floor.lat.sort((x, y) => x - y)

    const groups = { 'instance A': a.app.pid!, 'instance B': b.app.pid!, 'jobs runner': jobs.pid! }
    const memory: Array<Record<string, number>> = []
    const sample = () => memory.push(Object.fromEntries(Object.entries(groups).map(([k, pid]) => [k, rssOfGroup(pid)])))
    sample()
    const timer = setInterval(sample, 60_000)

    const stats = Object.fromEntries(STEPS.map((s) => [s, { ok: 0, lat: [] as number[], errors: {} as Record<string, number> }]))
    const call = async (step: Step, url: string, init: RequestInit = {}, okStatus = [200]) => {
      const t = performance.now()
      let status = 'no answer'
      let body: Record<string, any> | null = null
      try {
        const res = await fetch(url, init)
        status = String(res.status)
        body = (await res.json().catch(() => null)) as Record<string, any> | null
        if (okStatus.includes(res.status)) {
          stats[step].ok++
          stats[step].lat.push(performance.now() - t)
          return body
        }
      } catch {
        // counted below
      }
      stats[step].errors[status] = (stats[step].errors[status] ?? 0) + 1
      return null
    }
    const json = (address: string, extra: Record<string, string> = {}) => ({
      'content-type': 'application/json',
      'x-forwarded-for': address,
      ...extra,
    })

    const until = performance.now() + MINUTES * 60_000
    const started = performance.now()
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (performance.now() < until) {
          const address = randomAddress()
          await call('browse', `${lb.url}/api/site/events?limit=10`, { headers: json(address) })
          await call('event', `${lb.url}/api/site/events/${slug}`, { headers: json(address) })
          await call('search', `${lb.url}/api/search?q=runway`, { headers: json(address) })
          const hold = await call(
            'hold',
            `${lb.url}/api/checkout/holds`,
            { method: 'POST', headers: json(address), body: JSON.stringify({ items: [{ ticketType: tt.id, quantity: 1 }] }) },
            [201],
          )
          if (!hold) continue
          const order = await call(
            'order',
            `${lb.url}/api/checkout/orders`,
            {
              method: 'POST',
              headers: json(address),
              body: JSON.stringify({
                hold: hold.id,
                token: hold.token,
                billing: { email: `soak-${Math.random().toString(36).slice(2)}@example.com`, name: 'Soak Buyer' },
              }),
            },
            [201],
          )
          if (!order) continue
          const paid = await call('pay', `${fake.url}/v1/payment_intents/${order.payment.paymentIntent}/confirm`, {
            method: 'POST',
            headers: { authorization: `Bearer ${DEMO_STRIPE_KEY}`, 'content-type': 'application/x-www-form-urlencoded' },
            body: 'payment_method=pm_card_visa',
          })
          if (!paid) continue
          // The ticket exists once the webhook has completed the order (on either instance).
          let code: string | null = null
          const t = performance.now()
          for (let i = 0; i < 50 && !code; i++) {
            const o = await fetch(`${lb.url}/api/checkout/orders/${order.order.id}`, {
              headers: json(address, { 'x-hold-token': hold.token }),
            })
              .then((r) => r.json() as Promise<{ status: string; tickets: Array<{ code: string }> }>)
              .catch(() => null)
            if (o?.status === 'completed') code = o.tickets[0]?.code ?? null
            else await new Promise((r) => setTimeout(r, 100))
          }
          if (!code) {
            stats.ticket.errors['not completed in 5 s'] = (stats.ticket.errors['not completed in 5 s'] ?? 0) + 1
            continue
          }
          stats.ticket.ok++
          stats.ticket.lat.push(performance.now() - t)
          await call('check-in', `${lb.url}/api/tickets/check-in`, {
            method: 'POST',
            headers: json(address, { authorization: `JWT ${token}` }),
            body: JSON.stringify({ code, event: ev.id }),
          })
        }
      }),
    )
    const seconds = (performance.now() - started) / 1000
    clearInterval(timer)
    sample()

    const rows = STEPS.map((s) => {
      const st = stats[s]
      st.lat.sort((x, y) => x - y)
      return {
        step: s,
        perSecond: +(st.ok / seconds).toFixed(1),
        p50: Math.round(pct(st.lat, 50)),
        p99: Math.round(pct(st.lat, 99)),
        ok: st.ok,
        errors: st.errors,
      }
    })
    const floorRow = { perSecond: +(floor.n / 10).toFixed(1), p50: Math.round(pct(floor.lat, 50)), p99: Math.round(pct(floor.lat, 99)) }
    console.log(`\nsoak: ${MINUTES} min, ${CLIENTS} clients, two instances (${lb.served.join(' / ')} requests) and a jobs runner\n`)
    console.log(
      `ceiling (same run): GET /healthz through the balancer ${floorRow.perSecond}/s, p50 ${floorRow.p50} ms, p99 ${floorRow.p99} ms`,
    )
    console.log('| step | ok/s | p50 ms | p99 ms | ok | errors |')
    console.log('|---|---|---|---|---|---|')
    for (const r of rows) console.log(`| ${r.step} | ${r.perSecond} | ${r.p50} | ${r.p99} | ${r.ok} | ${JSON.stringify(r.errors)} |`)
    console.log('\nmemory (RSS MB) per minute:')
    for (const name of Object.keys(groups)) console.log(`  ${name}: ${memory.map((m) => m[name]).join(' → ')}`)
    const journeys = stats['check-in'].ok
    const failures = rows.reduce(
      (n, r) =>
        n +
        Object.entries(r.errors)
          .filter(([k]) => k === 'no answer' || k.startsWith('5'))
          .reduce((m, [, v]) => m + v, 0),
      0,
    )
    const total = rows.reduce((n, r) => n + r.ok, 0) + failures
    console.log(`\n${journeys} whole journeys (browse to check-in); ${failures} failed requests of ${total}`)
    writeResult('soak', { minutes: MINUTES, clients: CLIENTS, seconds, floor: floorRow, steps: rows, memory, served: lb.served })
    await lb.close()
    if (failures > total * 0.01) throw new Error(`more than 1 % of requests failed (${failures} of ${total})`)
  } finally {
    for (const p of procs) if (p.pid) process.kill(-p.pid, 'SIGTERM')
    await new Promise((r) => setTimeout(r, 3000))
    await fake.close()
    await pool.end()
    await server.stop()
  }
}

runBench(main)
