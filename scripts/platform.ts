/**
 * One entry point for running the platform: `npm run dev`, `npm start`, `npm run build`,
 * `npm run jobs`, `npm run seed`, `npm run migrate`, `npm run migrate:create <name>`.
 *
 * It resolves the environment a newcomer does not have to write: PAYLOAD_SECRET (generated
 * once into .data/), and, when DATABASE_URL is unset, an embedded PostgreSQL kept in
 * .data/postgres. Then it applies pending migrations, seeds an empty database, and hands over
 * to Next.js with that environment. Stopping it (Ctrl-C, SIGTERM) stops Next and Postgres.
 */
import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { freePort, startEmbeddedPostgres, type RunningPostgres } from '../src/db/embedded'
import { DEMO_STRIPE_KEY, DEMO_WEBHOOK_SECRET } from '../src/domain/ticketing/payments'
import { startFakeStripe, type FakeStripe } from '../src/dev/fakeStripe'
import { startFront } from './front'

const root = path.resolve(import.meta.dirname, '..')
const dataDir = path.join(root, '.data')
const [command = 'dev', ...rest] = process.argv.slice(2)

function loadDotEnv() {
  for (const file of ['.env.local', '.env']) {
    const p = path.join(root, file)
    if (fs.existsSync(p)) process.loadEnvFile(p)
  }
}

function ensureSecret() {
  if (process.env.PAYLOAD_SECRET) return
  const file = path.join(dataDir, 'payload-secret')
  fs.mkdirSync(dataDir, { recursive: true })
  if (!fs.existsSync(file)) fs.writeFileSync(file, crypto.randomBytes(32).toString('hex'), { mode: 0o600 })
  process.env.PAYLOAD_SECRET = fs.readFileSync(file, 'utf8').trim()
}

/** Local field-encryption key (one version), generated once into .data/ when none is configured. */
function ensureEncryptionKeys() {
  if (process.env.FIELD_ENCRYPTION_KEYS) return
  const file = path.join(dataDir, 'field-encryption-keys')
  fs.mkdirSync(dataDir, { recursive: true })
  if (!fs.existsSync(file)) fs.writeFileSync(file, `1:${crypto.randomBytes(32).toString('base64')}`, { mode: 0o600 })
  process.env.FIELD_ENCRYPTION_KEYS = fs.readFileSync(file, 'utf8').trim()
}

async function ensureDatabase(): Promise<RunningPostgres | null> {
  if (process.env.DATABASE_URL) return null
  const pgPort = Number(process.env.EMBEDDED_PG_PORT || 54329)
  console.log(`[platform] no DATABASE_URL: starting the embedded PostgreSQL in .data/postgres (127.0.0.1:${pgPort})`)
  const db = await startEmbeddedPostgres({
    dir: path.join(dataDir, 'postgres'),
    port: pgPort,
    persistent: true,
    log: (l) => {
      if (process.env.EMBEDDED_PG_VERBOSE || l.startsWith('port ') || l.includes('already running')) console.log(`[postgres] ${l}`)
    },
  })
  process.env.DATABASE_URL = db.url
  return db
}

/**
 * Local demo mode: without STRIPE_SECRET_KEY, checkout talks to the local fake of the Stripe
 * routes it uses, and that fake sends signed webhooks back to this app when a payment is
 * confirmed or refunded. Production sets STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET instead.
 */
async function ensurePayments(appPort: string): Promise<FakeStripe | null> {
  if (process.env.STRIPE_SECRET_KEY || process.env.STRIPE_API_BASE) return null
  const webhookUrl = `http://127.0.0.1:${appPort}/api/stripe/webhook`
  const webhookSecret = process.env.STRIPE_WEBHOOK_SECRET || DEMO_WEBHOOK_SECRET
  const wanted = Number(process.env.STRIPE_FAKE_PORT || 12111)
  let fake: FakeStripe
  try {
    fake = await startFakeStripe({ port: wanted, webhookUrl, webhookSecret })
  } catch {
    // The usual port is taken (another checkout's demo): any free port does.
    fake = await startFakeStripe({ port: 0, webhookUrl, webhookSecret })
  }
  process.env.STRIPE_API_BASE = fake.url
  console.log(`[platform] no STRIPE_SECRET_KEY: payments run in local demo mode against ${fake.url}`)
  console.log(
    `[platform]   pay an order: curl -X POST ${fake.url}/v1/payment_intents/<pi_id>/confirm -H "Authorization: Bearer ${DEMO_STRIPE_KEY}"`,
  )
  return fake
}

/** Applies migrations (onInit does it) and seeds an empty database, in this process, then lets go. */
async function prepare() {
  const jobs = process.env.PAYLOAD_JOBS_AUTORUN
  process.env.PAYLOAD_JOBS_AUTORUN = 'false'
  const { getPayload } = await import('payload')
  const { default: config } = await import('../payload.config')
  const { seed } = await import('../src/seed')
  const { closePayload } = await import('../src/db/sql')
  const payload = await getPayload({ config })
  try {
    await seed(payload)
  } finally {
    await closePayload(payload)
    if (jobs === undefined) delete process.env.PAYLOAD_JOBS_AUTORUN
    else process.env.PAYLOAD_JOBS_AUTORUN = jobs
  }
}

function run(cmd: string, args: string[], beforeForward?: (sig: NodeJS.Signals) => Promise<void>): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' }, cwd: root })
    let stopping = false
    const forward = (sig: NodeJS.Signals) => {
      if (!beforeForward || stopping) return void child.kill(sig)
      stopping = true
      void beforeForward(sig).finally(() => child.kill(sig))
    }
    process.on('SIGINT', forward)
    process.on('SIGTERM', forward)
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward)
      process.off('SIGTERM', forward)
      resolve(code ?? (signal ? 1 : 0))
    })
  })
}

const bin = (name: string) => path.join(root, 'node_modules', '.bin', name)

/**
 * Next.js on a loopback port, behind the front on the public port: the front sets the client's
 * socket address for the rate limits (scripts/front.ts). NEXT_PORT pins the internal port.
 */
async function serve(mode: 'dev' | 'start', port: string): Promise<number> {
  const internal = Number(process.env.NEXT_PORT) || (await freePort())
  const front = await startFront({ port: Number(port), host: process.env.HOST || undefined, target: { host: '127.0.0.1', port: internal } })
  console.log(
    `[platform] listening on http://localhost:${front.port} (Next.js ${mode} behind it on 127.0.0.1:${internal}; TRUST_PROXY=${process.env.TRUST_PROXY || 'unset'})`,
  )
  // Links in e-mail point at the front, not Next's internal port (PAYLOAD_PUBLIC_SERVER_URL wins when set).
  process.env.SITE_URL ||= process.env.PAYLOAD_PUBLIC_SERVER_URL || `http://localhost:${front.port}`
  try {
    // SIGTERM: stop taking requests, let those in flight finish (SHUTDOWN_GRACE_MS, 25 s), then stop Next.js.
    return await run(bin('next'), [mode, '-p', String(internal), '-H', '127.0.0.1'], async (sig) => {
      console.log(`[platform] ${sig}: draining (${front.inFlight()} requests in flight)`)
      const cut = await front.drain(Number(process.env.SHUTDOWN_GRACE_MS || 25_000))
      console.log(`[platform] drained${cut ? ` (${cut} cut off at the deadline)` : ''}; stopping Next.js`)
    })
  } finally {
    await front.close()
  }
}

/**
 * `npm run jobs`: the jobs runner alone (no HTTP): Payload with its job crons, in this process.
 * Several may run; one holds the runner lock and works the queues, the others stand by
 * (src/jobs/leader.ts). SIGTERM/SIGINT: stop the crons, give the lock up, let the current run
 * finish, close the database.
 */
async function runJobs(): Promise<number> {
  delete process.env.PAYLOAD_JOBS_AUTORUN
  process.env.SITE_URL ||= process.env.PAYLOAD_PUBLIC_SERVER_URL || `http://localhost:${process.env.PORT || 3000}`
  // Demo mode: the app's process runs the Stripe fake; refunds and cancellations go there too.
  if (!process.env.STRIPE_SECRET_KEY) process.env.STRIPE_API_BASE ||= `http://127.0.0.1:${process.env.STRIPE_FAKE_PORT || 12111}`
  const { getPayload } = await import('payload')
  const { default: config } = await import('../payload.config')
  const { isJobsLeader, resignJobsLeader } = await import('../src/jobs/leader')
  const payload = await getPayload({ config, cron: true })
  console.log(`[platform] jobs runner started (pid ${process.pid})`)
  await isJobsLeader(payload)
  await new Promise<void>((resolve) => {
    process.once('SIGTERM', () => resolve())
    process.once('SIGINT', () => resolve())
  })
  console.log('[platform] jobs runner stopping')
  const crons = payload.crons.splice(0)
  for (const c of crons) c.stop()
  // A run in progress finishes (up to a minute) before the lock and the database go.
  for (let i = 0; i < 600 && crons.some((c) => c.isBusy()); i++) await new Promise((r) => setTimeout(r, 100))
  await resignJobsLeader(payload)
  await payload.destroy()
  return 0
}

/**
 * `npm run check:invariants`: every counter that mirrors rows checked against the rows
 * (src/domain/ops/invariants.ts); prints what drifted and exits 1 when anything did.
 */
async function checkInvariantsCommand(): Promise<number> {
  const { Pool } = await import('pg')
  const { checkInvariants } = await import('../src/domain/ops/invariants')
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 2 })
  try {
    const drift = await checkInvariants(pool, 50)
    let bad = 0
    for (const d of drift) {
      console.log(
        `${d.rows.length ? 'DRIFT' : 'ok   '} ${d.invariant}${d.rows.length ? ` (${d.rows.length}${d.rows.length === 50 ? '+' : ''})` : ''}`,
      )
      for (const r of d.rows) console.log(`      ${JSON.stringify(r)}`)
      bad += d.rows.length
    }
    return bad ? 1 : 0
  } finally {
    await pool.end()
  }
}

async function main() {
  loadDotEnv()
  ensureSecret()
  ensureEncryptionKeys()
  process.env.NEXT_TELEMETRY_DISABLED = '1'
  const db = await ensureDatabase()
  let code = 0
  try {
    const port = process.env.PORT || '3000'
    const payments = command === 'dev' || command === 'start' ? await ensurePayments(port) : null
    switch (command) {
      case 'dev':
        await prepare()
        code = await serve('dev', port)
        break
      case 'start':
        await prepare()
        code = await serve('start', port)
        break
      case 'build':
        code = await run(bin('next'), ['build'])
        break
      case 'jobs':
        code = await runJobs()
        break
      case 'seed':
      case 'migrate':
        await prepare()
        break
      case 'invariants':
        code = await checkInvariantsCommand()
        break
      case 'payload':
        // Payload's own CLI with this environment, e.g. `npm run payload -- migrate:create add_x`.
        code = await run(bin('payload'), rest)
        break
      default:
        console.error(`unknown command "${command}" (dev, start, build, jobs, seed, migrate, payload)`)
        code = 2
    }
    await payments?.close()
  } catch (err) {
    console.error(err)
    code = 1
  } finally {
    await db?.stop()
  }
  process.exit(code)
}

void main()
