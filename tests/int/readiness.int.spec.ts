/**
 * Liveness and readiness for load balancers: /api/health asks nothing; /api/ready answers 200
 * only when the database answers, every committed migration is applied and (when REDIS_URL is
 * set) Redis answers, and 503 with Retry-After naming what is not.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { poolOf } from '../../src/db/pool'
import { closePayload, getTestPayload } from '../helpers/payload'
import { apiClient, type Api } from '../helpers/rest'

let payload: Payload
let api: Api

beforeAll(async () => {
  payload = await getTestPayload()
  api = apiClient(payload.config)
})
afterAll(async () => closePayload(payload))

const withEnv = async (key: string, value: string | undefined, fn: () => Promise<void>) => {
  const saved = process.env[key]
  if (value === undefined) delete process.env[key]
  else process.env[key] = value
  try {
    await fn()
  } finally {
    if (saved === undefined) delete process.env[key]
    else process.env[key] = saved
  }
}

describe('health and readiness', () => {
  it('answers alive, and ready with every check named', async () => {
    expect((await api.get('/health')).body).toEqual({ ok: true })
    await withEnv('REDIS_URL', undefined, async () => {
      const ready = await api.get('/ready')
      expect([ready.status, ready.body]).toEqual([200, { ready: true, checks: { database: { ok: true }, migrations: { ok: true } } }])
    })
  })

  it('is not ready when Redis is configured but does not answer, nor when a migration is missing', async () => {
    await withEnv('REDIS_URL', 'redis://127.0.0.1:1', async () => {
      const res = await api.get('/ready')
      expect(res.status).toBe(503)
      expect(res.headers.get('retry-after')).toBe('5')
      expect(res.body.checks.redis.ok).toBe(false)
      expect(res.body.checks.database).toEqual({ ok: true })
    })
    const db = poolOf(payload)
    const {
      rows: [last],
    } = await db.query(`SELECT id, name, batch FROM payload_migrations ORDER BY name DESC LIMIT 1`)
    await db.query(`DELETE FROM payload_migrations WHERE id = $1`, [last.id])
    try {
      const res = await api.get('/ready')
      expect(res.status).toBe(503)
      expect(res.body.checks.migrations).toEqual({ ok: false, detail: `1 not applied: ${last.name}` })
    } finally {
      await db.query(`INSERT INTO payload_migrations (name, batch) VALUES ($1, $2)`, [last.name, last.batch])
    }
  })
})
