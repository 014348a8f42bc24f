import net from 'node:net'

import Redis from 'ioredis'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { poolOf } from '../../src/endpoints/http'
import { postgresStore, redisStore, type RateLimitStore } from '../../src/plugins/api-keys/rateLimit'
import { closePayload, getTestPayload, unique } from '../helpers/payload'

const redisUrl = process.env.REDIS_URL || 'redis://127.0.0.1:6379'
const reachable = await new Promise<boolean>((resolve) => {
  const u = new URL(redisUrl)
  const s = net.connect(Number(u.port || 6379), u.hostname)
  s.once('connect', () => (s.destroy(), resolve(true)))
  s.once('error', () => resolve(false))
})

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
  it.skipIf(!reachable)('counts exactly in Redis (REDIS_URL)', async () => behaves(redisStore(redis!)))
})
