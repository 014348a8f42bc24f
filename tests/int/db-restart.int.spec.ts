// PostgreSQL restarts under a checkout load (a real server of this test's own, stopped and
// started again on the same data): requests during the outage answer 503 with Retry-After (no
// 500, no hang), the app serves again within 10 s of the database coming back without a restart,
// and no completed order is lost or half-written.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'
import { Pool } from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startEmbeddedPostgres, type RunningPostgres } from '../../src/db/embedded'
import { closePayload, getTestPayload, makeUser, unique } from '../helpers/payload'
import { apiClient, gatedRoutes, type Api } from '../helpers/rest'
import { makeEvent, makeTicketType } from '../helpers/ticketing'

let dir: string
let server: RunningPostgres
let payload: Payload
let api: Api
let url: string

beforeAll(async () => {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'fsh-restart-'))
  fs.chmodSync(base, 0o755)
  dir = path.join(base, 'pg')
  server = await startEmbeddedPostgres({ dir, persistent: true, database: 'restart' })
  url = server.url
  payload = await getTestPayload(url)
  api = apiClient(payload.config, await gatedRoutes())
}, 180_000)

afterAll(async () => {
  await closePayload(payload)
  await server?.stop()
  fs.rmSync(path.dirname(dir), { recursive: true, force: true })
})

type Outcome = { at: number; ms: number; status: number; step: 'hold' | 'order'; retryAfter: string | null; error?: string; order?: string }

describe('PostgreSQL restarts during a checkout load', () => {
  it('answers 503 with Retry-After meanwhile, serves again within 10 s of its return, and loses no completed order', async () => {
    const event = await makeEvent(payload, (await makeUser(payload, 'organizer')).id)
    const tt = await makeTicketType(payload, String(event.id), { price: 0, capacity: 100_000 })
    const outcomes: Outcome[] = []
    let stop = false
    const timed = async (step: Outcome['step'], fn: () => Promise<{ status: number; body: any; headers: Headers }>) => {
      const t = Date.now()
      const res = await fn()
      outcomes.push({
        at: t,
        ms: Date.now() - t,
        status: res.status,
        step,
        retryAfter: res.headers.get('retry-after'),
        error: res.body?.error ?? JSON.stringify(res.body)?.slice(0, 200),
        order: res.body?.order?.id,
      })
      return res
    }
    const buyer = async (n: number) => {
      const address = `203.0.113.${n + 101}`
      while (!stop) {
        const h = await timed('hold', () =>
          api.call('POST', '/checkout/holds', {
            body: { items: [{ ticketType: tt.id, quantity: 1 }] },
            headers: { 'x-forwarded-for': address },
          }),
        )
        if (h.status !== 201) {
          await new Promise((r) => setTimeout(r, 200))
          continue
        }
        await timed('order', () =>
          api.call('POST', '/checkout/orders', {
            body: { hold: h.body.id, token: h.body.token, billing: { email: `${unique('r')}@test.local`, name: 'Rae Restart' } },
            headers: { 'x-forwarded-for': address },
          }),
        )
      }
    }
    const load = Promise.all(Array.from({ length: 16 }, (_, i) => buyer(i)))
    await new Promise((r) => setTimeout(r, 1500))
    const downAt = Date.now()
    await server.stop()
    await new Promise((r) => setTimeout(r, 3000))
    server = await startEmbeddedPostgres({ dir, persistent: true, database: 'restart' })
    const upAt = Date.now()
    await expect.poll(() => outcomes.some((o) => o.at >= upAt && o.status === 201), { timeout: 15_000, interval: 100 }).toBe(true)
    await new Promise((r) => setTimeout(r, 1500))
    stop = true
    await load

    const statuses = [...new Set(outcomes.map((o) => o.status))].sort()
    expect(statuses).toEqual([201, 503])
    const unavailable = outcomes.filter((o) => o.status === 503)
    expect(unavailable.every((o) => o.retryAfter === '5')).toBe(true)
    expect(unavailable.filter((o) => o.at + o.ms < downAt - 1000).map((o) => `${o.step} ${o.error}`)).toEqual([])
    expect([...new Set(unavailable.map((o) => o.error))]).toEqual(['database_unavailable'])
    // Nothing hangs: every answer within the pool's connection timeout and a margin.
    expect(Math.max(...outcomes.map((o) => o.ms))).toBeLessThan(10_000)
    // Back within 10 s of the database's return.
    const firstBack = Math.min(...outcomes.filter((o) => o.at >= upAt && o.status === 201).map((o) => o.at + o.ms))
    expect(firstBack - upAt).toBeLessThan(10_000)
    console.log(
      `restart: ${outcomes.length} answers, ${unavailable.length} × 503 during the outage, slowest ${Math.max(...outcomes.map((o) => o.ms))} ms, served again ${firstBack - upAt} ms after the database's return`,
    )

    // No completed order lost or half-written.
    const db = new Pool({ connectionString: url, max: 1 })
    try {
      const answered = outcomes.filter((o) => o.step === 'order' && o.status === 201).map((o) => o.order!)
      expect(answered.length).toBeGreaterThan(0)
      const { rows } = await db.query<{ id: string; status: string; tickets: number }>(
        `SELECT o.id, o.status, (SELECT count(*)::int FROM tickets t WHERE t.order_id = o.id) AS tickets FROM orders o WHERE o.event_id = $1`,
        [event.id],
      )
      const byId = new Map(rows.map((r) => [r.id, r]))
      for (const id of answered) expect(byId.get(id)).toMatchObject({ status: 'completed', tickets: 1 })
      expect(rows.filter((r) => r.status === 'completed' && r.tickets !== 1)).toEqual([])
      const counts = (
        await db.query(
          `SELECT sold::int, held::int,
                  (SELECT count(*)::int FROM tickets WHERE ticket_type_id = $1 AND status <> 'void') AS tickets,
                  (SELECT count(*)::int FROM holds WHERE ticket_type_id = $1 AND status = 'active') AS active
             FROM ticket_types WHERE id = $1`,
          [tt.id],
        )
      ).rows[0]
      expect(counts.sold).toBe(counts.tickets)
      expect(counts.held).toBe(counts.active)
    } finally {
      await db.end()
    }
  }, 120_000)
})
