import Redis from 'ioredis'
import type { Pool } from 'pg'

/**
 * Fixed one-minute windows per key. `hit` returns the seconds to wait when over the limit,
 * else 0. Every hit counts, refused ones too (a client hammering a limit stays limited).
 *
 * - `redisStore` (REDIS_URL set): one INCR per hit, shared and exact across every instance.
 * - `batchedStore` (no Redis): each instance counts in memory (exact for itself, no database
 *   round trip and no row lock on the request's path) and folds its counts into
 *   `rate_limit_counters` in one statement every `flushMs` (100 ms), learning the other
 *   instances' counts from the same statement. Accuracy: on one instance exact; across k
 *   instances a key can pass its limit by what the other instances admitted for that key since
 *   their last flush (at most one flush interval of their traffic, so at most (k-1) x limit in
 *   the worst burst), and never by more.
 * - `postgresStore`: one upsert per hit (exact everywhere, but one row lock per request on the
 *   key's row); kept for tests and as a reference.
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

type Counter = { win: number; known: number; inFlight: number; pending: number }

export type BatchedStore = RateLimitStore & { flush: () => Promise<void>; close: () => Promise<void> }

export function batchedStore(db: Pool, opts: { flushMs?: number; onError?: (err: unknown) => void } = {}): BatchedStore {
  const flushMs = opts.flushMs ?? 100
  const counters = new Map<string, Counter>()
  let timer: NodeJS.Timeout | undefined
  let flushing: Promise<void> | undefined

  async function flushOnce() {
    const batch: Array<[string, Counter, number]> = []
    for (const [bucket, c] of counters) {
      if (c.pending > 0) {
        batch.push([bucket, c, c.pending])
        c.inFlight += c.pending
        c.pending = 0
      }
    }
    if (batch.length === 0) return
    // Sorted so that two instances' batches take the rows' locks in one order.
    batch.sort((a, b) => (a[0] < b[0] ? -1 : 1))
    try {
      const { rows } = await db.query<{ bucket: string; count: number }>(
        `INSERT INTO rate_limit_counters (bucket, window_start, count)
         SELECT b, to_timestamp(w * 60), n FROM unnest($1::text[], $2::bigint[], $3::int[]) AS t(b, w, n)
         ON CONFLICT (bucket) DO UPDATE SET count = rate_limit_counters.count + excluded.count
         RETURNING bucket, count`,
        [batch.map((b) => b[0]), batch.map((b) => b[1].win), batch.map((b) => b[2])],
      )
      const totals = new Map(rows.map((r) => [r.bucket, Number(r.count)]))
      for (const [bucket, c, n] of batch) {
        c.inFlight -= n
        c.known = totals.get(bucket) ?? c.known + n
      }
    } catch (err) {
      // The database is away: keep counting locally and send the counts with the next flush.
      for (const [, c, n] of batch) {
        c.inFlight -= n
        c.pending += n
      }
      opts.onError?.(err)
    }
    const current = windowOf(new Date())
    for (const [bucket, c] of counters) if (c.win < current - 1 && c.pending === 0 && c.inFlight === 0) counters.delete(bucket)
  }

  const flush = async () => {
    while (flushing) await flushing
    flushing = flushOnce().finally(() => (flushing = undefined))
    await flushing
  }
  const schedule = () => {
    if (timer) return
    timer = setTimeout(() => {
      timer = undefined
      void flush().then(() => {
        if ([...counters.values()].some((c) => c.pending > 0)) schedule()
      })
    }, flushMs)
    timer.unref()
  }

  return {
    name: 'batched',
    hit: async (key, limit, now = new Date()) => {
      const win = windowOf(now)
      const bucket = `${key}@${win}`
      let c = counters.get(bucket)
      if (!c) counters.set(bucket, (c = { win, known: 0, inFlight: 0, pending: 0 }))
      c.pending++
      schedule()
      return c.known + c.inFlight + c.pending <= limit ? 0 : waitFor(win, now)
    },
    flush,
    close: async () => {
      if (timer) clearTimeout(timer)
      timer = undefined
      await flush()
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

/**
 * Redis first, this instance's batched PostgreSQL store while Redis is away: a hit goes to Redis
 * when its connection is ready and it answers within `timeoutMs`; otherwise it is counted in the
 * batched store, so checkout keeps selling (with the batched store's accuracy) and the limits
 * stay on. Redis is used again as soon as it reconnects. A Redis answer that comes after the
 * timeout has still counted there: such a hit counts twice (a limit errs strict, never loose).
 */
export function redisWithFallback(
  client: Redis,
  fallback: RateLimitStore,
  opts: { timeoutMs?: number; onFallback?: (err: unknown) => void } = {},
): RateLimitStore {
  const primary = redisStore(client)
  const timeoutMs = opts.timeoutMs ?? 250
  // The first connection is waited for (up to a second), so a fresh instance counts in Redis from its first request.
  const firstReady = new Promise<void>((resolve) => {
    if (client.status === 'ready') return resolve()
    client.once('ready', () => resolve())
    setTimeout(resolve, 1000).unref()
  })
  return {
    name: 'redis',
    hit: async (key, limit, now = new Date()) => {
      await firstReady
      if (client.status === 'ready') {
        let timer: NodeJS.Timeout | undefined
        try {
          return await Promise.race([
            primary.hit(key, limit, now),
            new Promise<never>(
              (_, reject) => (timer = setTimeout(() => reject(new Error(`Redis did not answer in ${timeoutMs} ms`)), timeoutMs)),
            ),
          ])
        } catch (err) {
          opts.onFallback?.(err)
        } finally {
          clearTimeout(timer)
        }
      } else opts.onFallback?.(new Error(`Redis is ${client.status}`))
      return fallback.hit(key, limit, now)
    },
  }
}

let redis: { url: string; client: Redis; stores: WeakMap<Pool, RateLimitStore> } | undefined
const batched = new WeakMap<Pool, BatchedStore>()
let warnedAt = 0

function batchedFor(db: Pool, onError?: (err: unknown) => void): BatchedStore {
  let store = batched.get(db)
  if (!store) batched.set(db, (store = batchedStore(db, { onError })))
  return store
}

/** Redis when REDIS_URL is set (the batched store over `db` while Redis is away), else this instance's batched store. */
export function defaultStore(db: Pool, onError?: (err: unknown) => void): RateLimitStore {
  const url = process.env.REDIS_URL
  if (!url) return batchedFor(db, onError)
  if (!redis || redis.url !== url) {
    // Commands fail at once while disconnected (no offline queue): the fallback answers instead of a wait.
    const client = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2000 })
    client.on('error', () => undefined)
    redis = { url, client, stores: new WeakMap() }
  }
  let store = redis.stores.get(db)
  if (!store)
    redis.stores.set(
      db,
      (store = redisWithFallback(redis.client, batchedFor(db, onError), {
        onFallback: (err) => {
          // Said once a minute, not once a request.
          if (Date.now() - warnedAt < 60_000) return
          warnedAt = Date.now()
          onError?.(new Error(`rate limits: Redis unavailable (${(err as Error).message}); counting in PostgreSQL meanwhile`))
        },
      })),
    )
  return store
}
