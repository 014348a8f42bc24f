/**
 * Whether this instance can serve (for a load balancer's readiness probe): the database answers,
 * every committed migration is applied, and Redis answers when REDIS_URL is configured. Each check
 * has a short deadline, so a probe never hangs on a dead dependency.
 */
import net from 'node:net'

import type { Db } from '../../db/transaction'

export type Check = { ok: boolean; detail?: string }
export type Readiness = { ready: boolean; checks: Record<string, Check> }

const within = <T>(ms: number, p: Promise<T>) =>
  Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms))])

/** A Redis PING over a plain socket (no client library state shared with the limiter). */
function pingRedis(url: string): Promise<void> {
  const u = new URL(url)
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(u.port || 6379), u.hostname)
    const done = (err?: Error) => {
      socket.destroy()
      if (err) reject(err)
      else resolve()
    }
    socket.once('error', (e) => done(e))
    socket.once('connect', () => {
      if (u.password) socket.write(`AUTH ${decodeURIComponent(u.password)}\r\n`)
      socket.write('PING\r\n')
    })
    socket.on('data', (b) =>
      b.toString().includes('PONG') ? done() : b.toString().startsWith('-') ? done(new Error(b.toString().trim())) : undefined,
    )
  })
}

export async function readiness(db: Db, expectedMigrations: string[]): Promise<Readiness> {
  const checks: Record<string, Check> = {}
  try {
    const { rows } = await within(2000, db.query<{ name: string }>(`SELECT name FROM payload_migrations`))
    checks.database = { ok: true }
    const applied = new Set(rows.map((r) => r.name))
    const missing = expectedMigrations.filter((m) => !applied.has(m))
    checks.migrations = missing.length
      ? { ok: false, detail: `${missing.length} not applied: ${missing.slice(0, 3).join(', ')}` }
      : { ok: true }
  } catch (err) {
    checks.database = { ok: false, detail: (err as Error).message }
    checks.migrations = { ok: false, detail: 'the database did not answer' }
  }
  if (process.env.REDIS_URL) {
    checks.redis = await within(1000, pingRedis(process.env.REDIS_URL)).then(
      () => ({ ok: true }),
      (err: Error) => ({ ok: false, detail: err.message }),
    )
  }
  return { ready: Object.values(checks).every((c) => c.ok), checks }
}
