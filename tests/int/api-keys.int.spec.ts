import type { Payload } from 'payload'
import type { Pool } from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { poolOf } from '../../src/db/pool'
import { apiClient, gatedRoutes, type Api } from '../helpers/rest'
import { closePayload, getTestPayload, makeUser, unique, type TestUser } from '../helpers/payload'
import { makeEvent, makeTicketType } from '../helpers/ticketing'

let payload: Payload
let api: Api
let pool: Pool
let organizer: TestUser
let orgToken: string
const eventData = () => ({
  title: unique('Keyed'),
  type: 'party',
  startDate: '2030-01-01T10:00:00Z',
  endDate: '2030-01-01T12:00:00Z',
  timeZone: 'UTC',
})

beforeAll(async () => {
  process.env.CHECKOUT_RATE_PER_MINUTE = '5'
  payload = await getTestPayload()
  api = apiClient(payload.config, await gatedRoutes())
  pool = poolOf(payload)
  organizer = await makeUser(payload, 'organizer')
  orgToken = await api.login(organizer.email, 'Correct-Horse-9')
})
afterAll(async () => closePayload(payload))

const newKey = async (data: Record<string, unknown>, token = orgToken) => {
  const res = await api.post('/api-keys', { name: unique('key'), ...data }, token)
  if (res.status !== 201) throw new Error(JSON.stringify(res.body))
  return { id: res.body.doc.id as string, key: res.body.doc.key as string, prefix: res.body.doc.prefix as string }
}

describe('api keys', () => {
  it('returns the full key exactly once, in the create response; the row holds only a prefix and a hash', async () => {
    const k = await newKey({ scopes: ['events:create'] })
    expect(k.key).toMatch(/^fsh_[a-z0-9]{8}_[A-Za-z0-9_-]{43}$/)
    expect(k.key.startsWith(`fsh_${k.prefix}_`)).toBe(true)
    const secret = k.key.split('_').slice(2).join('_')
    const { rows } = await pool.query(`SELECT row_to_json(k)::text AS j FROM api_keys k WHERE id = $1`, [k.id])
    expect(rows[0].j).not.toContain(secret)
    expect((await api.get(`/api-keys/${k.id}`, orgToken)).body.key).toBeUndefined()
    const gql = await api.graphql(
      `mutation { createApiKey(data: { name: "gql key", scopes: ["events:create"] }) { key prefix } }`,
      orgToken,
    )
    expect(gql.body.data.createApiKey.key).toMatch(/^fsh_/)
    // The admin UI reveals it once to its creator, then never again.
    expect((await api.post(`/api-keys/${k.id}/reveal`, {}, orgToken)).body.key).toBe(k.key)
    expect((await api.post(`/api-keys/${k.id}/reveal`, {}, orgToken)).status).toBe(410)
    expect((await api.post('/api-keys/not-a-uuid/reveal', {}, orgToken)).status).toBe(400)
  })

  it('keeps the one-time reveal in the database (any instance answers it): sealed, for its creator only, once under a race, within 10 minutes', async () => {
    const k = await newKey({ scopes: [] })
    const row = async () =>
      (await pool.query(`SELECT reveal_secret, reveal_to, reveal_until > now() AS open FROM api_keys WHERE id = $1`, [k.id])).rows[0]
    const before = await row()
    expect(before.reveal_secret).toEqual(expect.any(String))
    expect(before.reveal_secret).not.toContain(k.key.split('_').slice(2).join('_'))
    expect([before.reveal_to, before.open]).toEqual([organizer.id, true])
    // Another signed-in user is refused and takes nothing.
    const other = await makeUser(payload, 'organizer')
    const otherToken = await api.login(other.email, 'Correct-Horse-9')
    expect((await api.post(`/api-keys/${k.id}/reveal`, {}, otherToken)).status).toBe(410)
    expect((await api.post(`/api-keys/${k.id}/reveal`, {})).status).toBe(401)
    // Five reveals at once: exactly one gets the key.
    const answers = await Promise.all(Array.from({ length: 5 }, () => api.post(`/api-keys/${k.id}/reveal`, {}, orgToken)))
    expect(answers.map((a) => a.status).sort()).toEqual([200, 410, 410, 410, 410])
    expect(answers.find((a) => a.status === 200)!.body.key).toBe(k.key)
    expect((await row()).reveal_secret).toBeNull()
    // The reveal's fields are the hooks' alone: a client writing them changes nothing.
    await api.patch(`/api-keys/${k.id}`, { revealSecret: 'forged', revealTo: other.id, revealUntil: '2099-01-01T00:00:00Z' }, orgToken)
    expect(await row()).toMatchObject({ reveal_secret: null, reveal_to: organizer.id })
    // Past its deadline (the database's clock) the key is not shown, and the next key made clears it.
    const late = await newKey({ scopes: [] })
    await pool.query(`UPDATE api_keys SET reveal_until = now() - interval '1 second' WHERE id = $1`, [late.id])
    expect((await api.post(`/api-keys/${late.id}/reveal`, {}, orgToken)).status).toBe(410)
    await newKey({ scopes: [] })
    expect((await pool.query(`SELECT reveal_secret FROM api_keys WHERE id = $1`, [late.id])).rows[0].reveal_secret).toBeNull()
  })

  it("acts with exactly its scopes and its owner's row-level limits, over REST and GraphQL", async () => {
    const writer = await newKey({ scopes: ['events:create', 'events:update-own'] })
    const reader = await newKey({ scopes: [] })
    const created = await api.post('/events', eventData(), writer.key)
    expect(created.status).toBe(201)
    // The organizer is the key's owner; the key (no users:read) sees the id, not the user's record.
    expect(created.body.doc.organizer).toBe(organizer.id)
    expect((await api.post('/events', eventData(), reader.key)).status).toBe(403)
    const others = await makeEvent(payload, (await makeUser(payload, 'organizer')).id, { status: 'draft' })
    expect((await api.patch(`/events/${others.id}`, { shortDescription: 'x' }, writer.key)).status).toBe(403)
    expect((await api.patch(`/events/${created.body.doc.id}`, { shortDescription: 'mine' }, writer.key)).status).toBe(200)
    const gqlDenied = await api.graphql(
      `mutation { createEvent(data: { title: "No", type: fashion_show, status: draft, startDate: "2030-01-01T10:00:00Z", endDate: "2030-01-01T11:00:00Z", timeZone: "UTC" }) { id } }`,
      reader.key,
    )
    expect(gqlDenied.body.errors?.[0]?.message).toMatch(/not allowed/i)
    const gqlOk = await api.graphql(
      `mutation { createEvent(data: { title: "${unique('Yes')}", type: fashion_show, status: draft, startDate: "2030-01-01T10:00:00Z", endDate: "2030-01-01T11:00:00Z", timeZone: "UTC" }) { id } }`,
      writer.key,
    )
    expect(gqlOk.body.data?.createEvent?.id).toBeTruthy()
  })

  it('answers 401 to unknown, revoked and expired keys', async () => {
    expect((await api.get('/events', `fsh_abcdefgh_${'x'.repeat(43)}`)).status).toBe(401)
    const revoked = await newKey({ scopes: [] })
    await api.patch(`/api-keys/${revoked.id}`, { active: false }, orgToken)
    const r = await api.get('/events', revoked.key)
    expect([r.status, r.body.reason]).toEqual([401, 'revoked'])
    const expired = await newKey({ scopes: [], expiresAt: '2020-01-01T00:00:00Z' })
    expect((await api.get('/events', expired.key)).body.reason).toBe('expired')
    expect((await api.graphql('{ Events { docs { id } } }', expired.key)).status).toBe(401)
  })

  it('refuses scopes its owner does not have, and unknown scopes', async () => {
    const res = await api.post('/api-keys', { name: 'greedy', scopes: ['users:delete'] }, orgToken)
    expect(res.status).toBe(400)
    expect(JSON.stringify(res.body)).toMatch(/cannot do more than its owner/)
    expect((await api.post('/api-keys', { name: 'odd', scopes: ['nope:nothing'] }, orgToken)).status).toBe(400)
  })

  it('limits requests per minute per key with 429 and Retry-After, and logs usage', async () => {
    const k = await newKey({ scopes: [], rateLimit: 3 })
    const statuses = []
    for (let i = 0; i < 5; i++) statuses.push(await api.get('/events?limit=1', k.key))
    expect(statuses.map((s) => s.status)).toEqual([200, 200, 200, 429, 429])
    expect(Number(statuses[3].headers.get('retry-after'))).toBeGreaterThan(0)
    const deadline = Date.now() + 5000
    let logged = 0
    while (Date.now() < deadline) {
      logged = Number((await pool.query(`SELECT count(*) AS n FROM usage_logs WHERE key_prefix = $1`, [k.prefix])).rows[0].n)
      if (logged >= 3) break
      await new Promise((r) => setTimeout(r, 50))
    }
    expect(logged).toBeGreaterThanOrEqual(3)
    const { rows } = await pool.query(
      `SELECT method, path, status, duration_ms, response_bytes FROM usage_logs WHERE key_prefix = $1 ORDER BY created_at LIMIT 1`,
      [k.prefix],
    )
    expect(rows[0]).toMatchObject({ method: 'GET', path: '/api/events', status: '200' })
    expect(Number(rows[0].response_bytes)).toBeGreaterThan(0)
  })

  it('limits anonymous checkout per IP', async () => {
    const tt = await makeTicketType(payload, String((await makeEvent(payload, organizer.id)).id), { capacity: 1000 })
    const statuses = []
    for (let i = 0; i < 7; i++) {
      statuses.push(
        (
          await api.call('POST', '/checkout/holds', {
            body: { items: [{ ticketType: tt.id, quantity: 1 }] },
            headers: { 'x-forwarded-for': '198.51.100.9' },
          })
        ).status,
      )
    }
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429, 429])
    expect(
      (
        await api.call('POST', '/checkout/holds', {
          body: { items: [{ ticketType: tt.id, quantity: 1 }] },
          headers: { 'x-forwarded-for': '198.51.100.10' },
        })
      ).status,
    ).toBe(201)
  })
})
