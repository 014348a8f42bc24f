import Redis from 'ioredis'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { poolOf } from '../../src/db/pool'
import { batchedStore, postgresStore, redisStore, type RateLimitStore } from '../../src/plugins/api-keys/rateLimit'
import { REDIS_URL, redisReachable } from '../helpers/redis'
import { closePayload, getTestPayload, unique } from '../helpers/payload'

const redisUrl = REDIS_URL
// CI sets CI=true: a Redis that cannot be reached there is a failure, not a skip.
const reachable = await redisReachable()

let payload: Payload
let redis: Redis | undefined
beforeAll(async () => {
  payload = await getTestPayload()
  if (reachable) redis = new Redis(redisUrl)
})
afterAll(async () => {
  await redis?.quit()
  await closePayload(payload)
})

async function behaves(store: RateLimitStore) {
  const key = unique(`t-${store.name}`)
  const at = new Date('2030-01-01T10:00:30Z')
  // 40 concurrent hits on a limit of 25: exactly 25 pass, whichever instance counts them.
  const waits = await Promise.all(Array.from({ length: 40 }, () => store.hit(key, 25, at)))
  expect(waits.filter((w) => w === 0)).toHaveLength(25)
  expect(Math.max(...waits)).toBe(30)
  // The next minute starts afresh.
  expect(await store.hit(key, 25, new Date('2030-01-01T10:01:01Z'))).toBe(0)
}

describe('shared rate limits', () => {
  it('counts exactly in PostgreSQL', async () => behaves(postgresStore(poolOf(payload))))
  it.skipIf(!reachable && !process.env.CI)('counts exactly in Redis (REDIS_URL)', async () => {
    expect(reachable, `Redis at ${redisUrl} must be reachable in CI`).toBe(true)
    await behaves(redisStore(redis!))
  })
  it('counts exactly on one instance without Redis, with no database round trip per hit', async () => {
    const store = batchedStore(poolOf(payload), { flushMs: 60_000 })
    await behaves(store)
    await store.close()
  })
})

describe('the batched store across instances', () => {
  it('folds every instance’s counts into PostgreSQL in one statement, and each instance learns the others’ at its flush', async () => {
    const key = unique('batched')
    const at = new Date('2030-01-01T11:00:10Z')
    const a = batchedStore(poolOf(payload), { flushMs: 60_000 })
    const b = batchedStore(poolOf(payload), { flushMs: 60_000 })
    // Instance A admits 12 of a limit of 20 and flushes.
    expect((await Promise.all(Array.from({ length: 12 }, () => a.hit(key, 20, at)))).filter((w) => w === 0)).toHaveLength(12)
    await a.flush()
    // B has not flushed yet: it knows only its own counts (the stated lag) and admits 3.
    expect((await Promise.all(Array.from({ length: 3 }, () => b.hit(key, 20, at)))).filter((w) => w === 0)).toHaveLength(3)
    await b.flush()
    // Now B knows 15 and admits exactly 5 of the next 10; the database holds every hit.
    const waits = await Promise.all(Array.from({ length: 10 }, () => b.hit(key, 20, at)))
    expect(waits.filter((w) => w === 0)).toHaveLength(5)
    await b.flush()
    const { rows } = await poolOf(payload).query(`SELECT count FROM rate_limit_counters WHERE bucket = $1`, [
      `${key}@${Math.floor(at.getTime() / 60_000)}`,
    ])
    expect(rows[0].count).toBe(25)
    await a.close()
    await b.close()
  })

  it('keeps counting locally when the database refuses, and sends the counts later', async () => {
    const key = unique('offline')
    const at = new Date('2030-01-01T12:00:10Z')
    const errors: unknown[] = []
    const pool = new (poolOf(payload).constructor as typeof import('pg').Pool)({
      connectionString: 'postgres://nobody@127.0.0.1:1/none',
      connectionTimeoutMillis: 500,
    })
    const store = batchedStore(pool, { flushMs: 60_000, onError: (e) => errors.push(e) })
    expect((await Promise.all(Array.from({ length: 6 }, () => store.hit(key, 4, at)))).filter((w) => w === 0)).toHaveLength(4)
    await store.flush()
    expect(errors).toHaveLength(1)
    // Still limited locally after the failed flush.
    expect(await store.hit(key, 4, at)).toBeGreaterThan(0)
    await pool.end()
  })
})
