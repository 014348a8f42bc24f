// Faults, each with what the user sees: the payment provider unreachable (503 with Retry-After,
// nothing half-made, the hold kept for a retry), and Redis going away (checkout keeps selling,
// the limits count in PostgreSQL meanwhile, and go back to Redis when it returns).
import Redis from 'ioredis'
import type { Payload } from 'payload'
import type { Pool } from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { poolOf } from '../../src/db/pool'
import type { FakeStripe } from '../../src/dev/fakeStripe'
import { closePayload, getTestPayload, makeUser, unique } from '../helpers/payload'
import { apiClient, awayFromMinuteEdge, gatedRoutes, type Api } from '../helpers/rest'
import { startStripeFor } from '../helpers/stripe'
import { needsRedis, REDIS_URL, redisReachable } from '../helpers/redis'
import { tcpProxy, type TcpProxy } from '../helpers/tcpProxy'
import { makeEvent, makeTicketType } from '../helpers/ticketing'

const REDIS = REDIS_URL
const redisUp = await redisReachable()
let payload: Payload
let api: Api
let pool: Pool
let stripe: FakeStripe
let redisProxy: TcpProxy
let redis: Redis
let eventId: string

beforeAll(async () => {
  stripe = await startStripeFor(() => api, 'whsec_faults')
  const target = new URL(REDIS)
  redisProxy = await tcpProxy({ host: target.hostname, port: Number(target.port || 6379) })
  // This file's rate limits go to Redis through the proxy the tests cut.
  process.env.REDIS_URL = redisProxy.url('redis')
  redis = new Redis(REDIS)
  payload = await getTestPayload()
  // The app's own routes: the API-key gate (where the per-address limits are counted) in front.
  api = apiClient(payload.config, await gatedRoutes())
  pool = poolOf(payload)
  eventId = String((await makeEvent(payload, (await makeUser(payload, 'organizer')).id)).id)
})
afterAll(async () => {
  delete process.env.REDIS_URL
  await closePayload(payload)
  await stripe.close()
  await redisProxy.close()
  redis.disconnect()
})

const hold = async (ticketType: string, address: string) => {
  const res = await api.call('POST', '/checkout/holds', {
    body: { items: [{ ticketType, quantity: 1 }] },
    headers: { 'x-forwarded-for': address },
  })
  return res
}

describe('the payment provider cannot be reached', () => {
  it('answers 503 with Retry-After and a clear message, leaves a failed order and a live hold, and takes the order once it is back', async () => {
    const tt = await makeTicketType(payload, eventId, { price: 2500, capacity: 5 })
    const h = (await hold(String(tt.id), '198.51.100.201')).body as { id: string; token: string }
    const order = () =>
      api.post('/checkout/orders', { hold: h.id, token: h.token, billing: { email: `${unique('f')}@test.local`, name: 'Fay Fault' } })
    const working = process.env.STRIPE_API_BASE
    process.env.STRIPE_API_BASE = 'http://127.0.0.1:9' // nothing listens there
    let down
    try {
      down = await order()
    } finally {
      process.env.STRIPE_API_BASE = working
    }
    expect(down.status).toBe(503)
    expect(down.headers.get('retry-after')).toBe('30')
    expect(down.body).toMatchObject({ error: 'payment_unavailable', retryAfter: 30 })
    expect(down.body.message).toMatch(/cannot be reached right now; nothing was charged\. Your tickets stay held until/)
    // Nothing half-made: the order failed without a payment, the hold is live and free for another order.
    const orders = (
      await pool.query(`SELECT status, payment_intent_id FROM orders WHERE event_id = $1 AND billing_name = 'Fay Fault'`, [eventId])
    ).rows
    expect(orders).toEqual([{ status: 'failed', payment_intent_id: null }])
    const held = (await pool.query(`SELECT status, order_id, expires_at > now() AS live FROM holds WHERE checkout = $1`, [h.id])).rows
    expect(held).toEqual([{ status: 'active', order_id: null, live: true }])
    expect(Number((await pool.query(`SELECT held FROM ticket_types WHERE id = $1`, [tt.id])).rows[0].held)).toBe(1)

    const up = await order()
    expect(up.status).toBe(201)
    expect(up.body.payment.paymentIntent).toMatch(/^pi_/)
    expect(stripe.intents.size).toBeGreaterThan(0)
  })
})

describe('Redis goes away', () => {
  it.skipIf(needsRedis(redisUp))(
    'keeps selling, counts the limits in PostgreSQL meanwhile, and goes back to Redis when it returns',
    async () => {
      expect(redisUp, `Redis at ${REDIS} must be reachable in CI`).toBe(true)
      await awayFromMinuteEdge()
      const tt = await makeTicketType(payload, eventId, { capacity: 100 })
      const win = () => Math.floor(Date.now() / 60_000)
      const address = `198.51.100.${Math.floor(Math.random() * 200) + 10}`
      const redisCount = async () => Number((await redis.get(`fsh:rl:ip:checkout:${address}@${win()}`)) ?? 0)
      const pgCount = async () =>
        Number(
          (await pool.query(`SELECT count FROM rate_limit_counters WHERE bucket = $1`, [`ip:checkout:${address}@${win()}`])).rows[0]
            ?.count ?? 0,
        )

      expect((await hold(String(tt.id), address)).status).toBe(201)
      expect(await redisCount()).toBe(1)
      // A Redis answer slower than 250 ms is counted in PostgreSQL as well (over, never under): read
      // what PostgreSQL holds for this address before the cut (the batched store flushes every 100 ms).
      await new Promise((r) => setTimeout(r, 300))
      const before = await pgCount()

      await redisProxy.cut()
      const during = []
      for (let i = 0; i < 3; i++) during.push((await hold(String(tt.id), address)).status)
      expect(during).toEqual([201, 201, 201])
      await expect.poll(pgCount, { timeout: 5000 }).toBe(before + 3)

      await redisProxy.restore()
      // ioredis reconnects on its own (backoff up to 2 s); hits then count in Redis again.
      await expect
        .poll(
          async () => {
            expect((await hold(String(tt.id), address)).status).toBe(201)
            return redisCount()
          },
          { timeout: 15_000, interval: 500 },
        )
        .toBeGreaterThanOrEqual(2)
    },
  )
})
