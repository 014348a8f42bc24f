// Several instances, one truth: two app instances (each its own process, behind its own front)
// behind a small round-robin balancer. 300 buyers race for 50 tickets across both: exactly 50
// holds. The per-address checkout limit is counted once across the instances: exact with Redis;
// with the batched PostgreSQL store every hit lands in the shared counter once, and admissions
// stay within the documented slack ((instances - 1) x limit).
import type { Payload } from 'payload'
import type { Pool } from 'pg'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { poolOf } from '../../src/db/pool'
import { closePayload, getTestPayload, makeUser } from '../helpers/payload'
import { balancer, type Balancer } from '../helpers/balancer'
import { startScript, type Proc } from '../helpers/processes'
import { awayFromMinuteEdge } from '../helpers/rest'
import { needsRedis, REDIS_URL, redisReachable } from '../helpers/redis'
import { makeEvent, makeTicketType } from '../helpers/ticketing'

const LIMIT = 20
const redisUp = await redisReachable()
let payload: Payload
let pool: Pool
const procs: Proc[] = []

async function startInstances(extra: Record<string, string>): Promise<number[]> {
  const env = {
    DATABASE_URL: inject('databaseUrl'),
    PAYLOAD_SECRET: inject('payloadSecret'),
    FIELD_ENCRYPTION_KEYS: `1:${Buffer.alloc(32, 7).toString('base64')}`,
    PAYLOAD_JOBS_AUTORUN: 'false',
    TRUST_PROXY: 'loopback',
    HOLD_LIMIT_PER_EVENT: '10',
    CHECKOUT_RATE_PER_MINUTE: String(LIMIT),
    // 150 buyers at once per instance on a pool of 10: they wait for a connection rather than being shed after 5 s.
    DATABASE_CONNECT_TIMEOUT_MS: '60000',
    STRIPE_API_BASE: 'http://127.0.0.1:9',
    ...extra,
  }
  // An instance that dies before it is ready is started once more, with its output shown (seen
  // once: exit code 13 on a first run, not reproduced since).
  const start = async (): Promise<number> => {
    for (let attempt = 1; ; attempt++) {
      const p = startScript(['tests/helpers/instance.ts'], env)
      procs.push(p)
      try {
        await p.waitFor(/instance ready \d+/, 180_000)
        return Number(/instance ready (\d+)/.exec(p.output())![1])
      } catch (err) {
        if (attempt >= 2) throw err
        console.error(`instance failed to start, starting it again: ${(err as Error).message}`)
      }
    }
  }
  return Promise.all([start(), start()])
}

const post = (url: string, body: unknown, address: string) =>
  fetch(`${url}/api/checkout/holds`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify(body),
  })

let plain: Balancer
let redis: Balancer
let organizerId: string

beforeAll(async () => {
  payload = await getTestPayload()
  pool = poolOf(payload)
  organizerId = (await makeUser(payload, 'organizer')).id
  const [a, b] = await Promise.all([startInstances({}), needsRedis(redisUp) ? Promise.resolve(null) : startInstances({ REDIS_URL })])
  plain = await balancer(a)
  if (b) redis = await balancer(b)
}, 300_000)

afterAll(async () => {
  await Promise.all([plain?.close(), redis?.close()])
  await Promise.all(procs.map((p) => p.stop()))
  await closePayload(payload)
})

describe('two instances behind a round-robin balancer', () => {
  it('sells exactly 50 tickets to 300 racing buyers, across both instances', async () => {
    const event = await makeEvent(payload, organizerId)
    const tt = await makeTicketType(payload, String(event.id), { capacity: 50 })
    const answers = await Promise.all(
      Array.from({ length: 300 }, async (_, i) => {
        const res = await post(
          plain.url,
          { items: [{ ticketType: tt.id, quantity: 1 }] },
          `198.51.${100 + Math.floor(i / 250)}.${(i % 250) + 1}`,
        )
        return { status: res.status, body: (await res.json()) as { error?: string } }
      }),
    )
    const granted = answers.filter((a) => a.status === 201)
    const refused = answers.filter((a) => a.status !== 201)
    expect(granted).toHaveLength(50)
    expect(refused.map((a) => `${a.status} ${a.body.error}`)).toEqual(Array(250).fill('409 sold_out'))
    expect(plain.served).toEqual([150, 150])
    const { rows } = await pool.query(
      `SELECT held::int, (SELECT count(*)::int FROM holds WHERE ticket_type_id = $1 AND status = 'active') AS active FROM ticket_types WHERE id = $1`,
      [tt.id],
    )
    expect(rows[0]).toEqual({ held: 50, active: 50 })
  })

  it.skipIf(needsRedis(redisUp))('with Redis, admits exactly the per-address limit across both instances', async () => {
    expect(redisUp, `Redis at ${REDIS_URL} must be reachable in CI`).toBe(true)
    await awayFromMinuteEdge()
    const address = `2001:db8:${Math.floor(Math.random() * 0xffff).toString(16)}:${Math.floor(Math.random() * 0xffff).toString(16)}::1`
    const statuses: number[] = []
    // A body the guard refuses (400) when the limit lets it through: cheap, and nothing is held.
    for (let i = 0; i < 2 * LIMIT; i++) statuses.push((await post(redis.url, { items: 'none' }, address)).status)
    expect(statuses.filter((s) => s === 400)).toHaveLength(LIMIT)
    expect(statuses.filter((s) => s === 429)).toHaveLength(LIMIT)
  })

  it('without Redis, counts every hit once in the shared counter, and admits between the limit and the documented slack', async () => {
    await awayFromMinuteEdge()
    const address = `203.0.113.${Math.floor(Math.random() * 250) + 1}`
    const statuses: number[] = []
    for (let i = 0; i < 2 * LIMIT; i++) statuses.push((await post(plain.url, { items: 'none' }, address)).status)
    const admitted = statuses.filter((s) => s === 400).length
    expect(admitted + statuses.filter((s) => s === 429).length).toBe(2 * LIMIT)
    expect(admitted).toBeGreaterThanOrEqual(LIMIT)
    expect(admitted).toBeLessThanOrEqual(2 * LIMIT - 1)
    const bucket = `ip:checkout:${address}@${Math.floor(Date.now() / 60_000)}`
    await expect
      .poll(async () => (await pool.query(`SELECT count FROM rate_limit_counters WHERE bucket = $1`, [bucket])).rows[0]?.count, {
        timeout: 5000,
      })
      .toBe(2 * LIMIT)
  })
})
