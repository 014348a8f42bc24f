/**
 * API keys against the access rules, generated from the config: for every collection whose
 * resource has a `read` permission, a key holding exactly that scope sees every row (as its admin
 * owner would), and a key without it sees no more than the public does. Plus the scopes that
 * unlock endpoints (check-in) and writes.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { RESOURCES } from '../../src/access/vocabulary'
import { apiClient, gatedRoutes, type Api } from '../helpers/rest'
import { closePayload, getTestPayload, makeUser, unique, type TestUser } from '../helpers/payload'
import { makeEvent, makeTicketType } from '../helpers/ticketing'

let payload: Payload
let api: Api
let admin: TestUser
let adminToken: string
const keyWith = async (scopes: string[]) => {
  const res = await api.post('/api-keys', { name: unique('scoped'), scopes, rateLimit: 10_000 }, adminToken)
  if (res.status !== 201) throw new Error(JSON.stringify(res.body))
  return res.body.doc.key as string
}

beforeAll(async () => {
  payload = await getTestPayload()
  api = apiClient(payload.config, await gatedRoutes())
  admin = await makeUser(payload, 'admin')
  adminToken = await api.login(admin.email, 'Correct-Horse-9')
  // Something private in most collections: a draft event, an order, its ticket.
  const organizer = await makeUser(payload, 'organizer')
  const ev = await makeEvent(payload, organizer.id, { status: 'draft' })
  const pub = await makeEvent(payload, organizer.id)
  const tt = await makeTicketType(payload, String(pub.id), { price: 0 })
  const hold = (await api.post('/checkout/holds', { items: [{ ticketType: tt.id, quantity: 1 }] })).body
  await api.post('/checkout/orders', { hold: hold.id, token: hold.token, billing: { email: 'scope@example.com', name: 'S' } })
  expect(ev.id).toBeTruthy()
})
afterAll(async () => closePayload(payload))

describe('API key scopes', () => {
  const collections = () => payload.config.collections.map((c) => c.slug).filter((s) => RESOURCES[s]?.includes('read'))

  it('covers a read scope for most collections', () => {
    expect(collections().length).toBeGreaterThan(15)
  })

  it('a `<collection>:read` key sees every row; a key without it sees no more than anonymous', async () => {
    const none = await keyWith([])
    for (const slug of collections()) {
      const key = await keyWith([`${slug}:read`])
      const all = (await payload.count({ collection: slug as never, overrideAccess: true })).totalDocs
      const scoped = await api.get(`/${slug}?limit=1&depth=0`, key)
      // At least every row counted just before (logs may grow meanwhile).
      expect([slug, scoped.status, scoped.body.totalDocs >= all]).toEqual([slug, 200, true])
      const bare = await api.get(`/${slug}?limit=1&depth=0`, none)
      const anonymous = await api.get(`/${slug}?limit=1&depth=0`)
      const seen = (r: typeof bare) => (r.status === 200 ? r.body.totalDocs : 0)
      expect([slug, seen(bare) <= Math.max(seen(anonymous), 0) || seen(bare) < all]).toEqual([slug, true])
    }
  })

  it('tickets:check-in-any lets a key check tickets in at any door; without it the key is refused', async () => {
    const organizer = await makeUser(payload, 'organizer')
    const event = String((await makeEvent(payload, organizer.id)).id)
    const tt = await makeTicketType(payload, event, { price: 0 })
    const hold = (await api.post('/checkout/holds', { items: [{ ticketType: tt.id, quantity: 1 }] })).body
    const order = (
      await api.post('/checkout/orders', { hold: hold.id, token: hold.token, billing: { email: 'door@example.com', name: 'D' } })
    ).body.order
    const code = (await payload.find({ collection: 'tickets', where: { order: { equals: order.id } }, overrideAccess: true })).docs[0].code
    expect((await api.post('/tickets/check-in', { code, event }, await keyWith(['events:read']))).status).toBe(403)
    // `tickets:check-in` is door staff's: only at the events its owner is assigned to (the admin owner is on none).
    expect((await api.post('/tickets/check-in', { code, event }, await keyWith(['tickets:check-in']))).status).toBe(403)
    expect((await api.post('/tickets/check-in', { code, event }, await keyWith(['tickets:check-in-any']))).status).toBe(200)
  })

  it('an admin-owned key is not a superuser: writes need their scope', async () => {
    const data = {
      title: unique('Scoped'),
      type: 'party',
      startDate: '2030-01-01T10:00:00Z',
      endDate: '2030-01-01T12:00:00Z',
      timeZone: 'UTC',
    }
    expect((await api.post('/events', data, await keyWith(['events:read']))).status).toBe(403)
    expect((await api.post('/events', data, await keyWith(['events:create']))).status).toBe(201)
    // A key is not its owner: without users:read it reads no user, its owner included (finding 1).
    expect((await api.get('/users?limit=1', await keyWith(['events:read']))).status).toBe(403)
    expect((await api.get('/users?limit=1', await keyWith(['users:read']))).body.totalDocs).toBeGreaterThan(1)
  })
})
