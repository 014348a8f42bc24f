import Redis from 'ioredis'
import type { Pool } from 'pg'

/**
 * Fixed one-minute windows per key, shared by every app instance: counted in Redis when
 * REDIS_URL is set, else in PostgreSQL with one upsert. `hit` returns the seconds to wait when
 * over the limit, else 0.
 */
export type RateLimitStore = { name: string; hit: (key: string, limit: number, now?: Date) => Promise<number> }

const windowOf = (now: Date) => Math.floor(now.getTime() / 60_000)
const waitFor = (win: number, now: Date) => Math.max(1, Math.ceil(((win + 1) * 60_000 - now.getTime()) / 1000))

export function postgresStore(db: Pool): RateLimitStore {
  return {
    name: 'postgres',
    hit: async (key, limit, now = new Date()) => {
      const win = windowOf(now)
      const { rows } = await db.query<{ count: number }>(
        `INSERT INTO rate_limit_counters (bucket, window_start, count) VALUES ($1, $2, 1)
         ON CONFLICT (bucket) DO UPDATE SET count = rate_limit_counters.count + 1
         RETURNING count`,
        [`${key}@${win}`, new Date(win * 60_000)],
      )
      return rows[0].count <= limit ? 0 : waitFor(win, now)
    },
  }
}

export function redisStore(client: Redis): RateLimitStore {
  return {
    name: 'redis',
    hit: async (key, limit, now = new Date()) => {
      const win = windowOf(now)
      const bucket = `fsh:rl:${key}@${win}`
      const res = await client.multi().incr(bucket).pexpire(bucket, 120_000).exec()
      const count = Number(res?.[0]?.[1] ?? 0)
      return count <= limit ? 0 : waitFor(win, now)
    },
  }
}

let redis: { url: string; client: Redis } | undefined
export function defaultStore(db: Pool): RateLimitStore {
  const url = process.env.REDIS_URL
  if (!url) return postgresStore(db)
  if (!redis || redis.url !== url) redis = { url, client: new Redis(url, { maxRetriesPerRequest: 2, enableOfflineQueue: true, lazyConnect: false }) }
  return redisStore(redis.client)
}
