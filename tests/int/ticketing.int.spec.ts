/**
 * Ticketing over the real HTTP handlers, on real PostgreSQL, with the real Stripe SDK talking
 * to a local fake of the Stripe routes we call, and webhooks signed with the SDK's own helper.
 */
import os from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'
import type { Pool } from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createHold, eventAvailability } from '../../src/domain/ticketing/holds'
import { expireCheckouts } from '../../src/domain/ticketing/orders'
import { poolOf } from '../../src/endpoints/http'
import { startFakeStripe, type FakeStripe } from '../../src/dev/fakeStripe'
import { readOutbox } from '../../src/email/outboxAdapter'
import { apiClient, type Api } from '../helpers/rest'
import { closePayload, getTestPayload, makeUser, unique, type TestUser } from '../helpers/payload'
import { makeCode, makeEvent, makeTicketType } from '../helpers/ticketing'

let payload: Payload
let api: Api
let pool: Pool
let stripe: FakeStripe
let organizer: TestUser
let staff: TestUser
let attendee: TestUser
let eventId: string
const SECRET = 'whsec_int_tests'
const billing = (email = `${unique('buyer')}@test.local`) => ({ email, name: 'Bea Buyer', phone: '+33 6 00 00 00 00' })

const outbox = path.join(os.tmpdir(), `fsh-outbox-${process.pid}-${Date.now()}`)

beforeAll(async () => {
  process.env.MAIL_OUTBOX_DIR = outbox
  stripe = await startFakeStripe({ webhookSecret: SECRET })
  process.env.STRIPE_API_BASE = stripe.url
  process.env.STRIPE_WEBHOOK_SECRET = SECRET
  payload = await getTestPayload()
  api = apiClient(payload.config)
  pool = poolOf(payload)
  organizer = await makeUser(payload, 'organizer')
  staff = await makeUser(payload, 'staff')
  attendee = await makeUser(payload, 'attendee')
  eventId = String((await makeEvent(payload, organizer.id)).id)
})
afterAll(async () => {
  await closePayload(payload)
  await stripe.close()
})

const hold = (items: Array<{ ticketType: string; quantity: number }>, token?: string) => api.post('/checkout/holds', { items }, token)
const order = (h: Record<string, any>, extra: Record<string, unknown> = {}) =>
  api.post('/checkout/orders', { hold: h.id, token: h.token, billing: billing(), ...extra })
const deliver = (type: string, object: Record<string, unknown>, id?: string, signature?: string) => {
  const ev = stripe.signedEvent(type, object, id)
  return api.raw('POST', '/stripe/webhook', ev.body, { 'stripe-signature': signature ?? ev.signature })
}
const soldOf = async (id: string) => Number((await pool.query('SELECT sold FROM ticket_types WHERE id = $1', [id])).rows[0].sold)
const ticketsOf = async (orderId: string) => (await pool.query('SELECT code, status FROM tickets WHERE order_id = $1', [orderId])).rows

describe('availability', () => {
  it('reports capacity, sold, unexpired holds and what is left', async () => {
    const tt = await makeTicketType(payload, eventId, { capacity: 20 })
    await hold([{ ticketType: String(tt.id), quantity: 3 }])
    const res = await api.get(`/events/${eventId}/availability`)
    expect(res.status).toBe(200)
    expect(res.body.ticketTypes.find((t: { id: string }) => t.id === tt.id)).toEqual({
      id: tt.id, name: tt.name, price: 2500, currency: 'EUR', capacity: 20, sold: 0, held: 3, available: 17, onSale: true,
    })
  })

  it('hides the availability of a draft event from the public', async () => {
    const draft = await makeEvent(payload, organizer.id, { status: 'draft' })
    expect((await api.get(`/events/${draft.id}/availability`)).status).toBe(404)
    expect((await api.get(`/events/not-a-uuid/availability`)).status).toBe(400)
  })
})

describe('holds under concurrency', () => {
  for (let run = 1; run <= 5; run++) {
    it(`grants exactly 50 of 300 concurrent holds for 50 seats (run ${run} of 5)`, async () => {
      const tt = await makeTicketType(payload, eventId, { capacity: 50 })
      const results = await Promise.all(Array.from({ length: 300 }, () => hold([{ ticketType: String(tt.id), quantity: 1 }])))
      const statuses = results.map((r) => r.status)
      expect(statuses.filter((s) => s === 201)).toHaveLength(50)
      expect(statuses.filter((s) => s === 409)).toHaveLength(250)
      expect(results.find((r) => r.status === 409)!.body).toMatchObject({ error: 'sold_out', ticketType: tt.id, available: 0 })
      const [a] = (await eventAvailability(pool, eventId, new Date())).filter((t) => t.id === tt.id)
      expect(a).toMatchObject({ held: 50, available: 0 })
    })
  }

  it('holds nothing when any line cannot be met', async () => {
    const a = await makeTicketType(payload, eventId, { capacity: 5 })
    const b = await makeTicketType(payload, eventId, { capacity: 1 })
    const res = await hold([{ ticketType: String(a.id), quantity: 2 }, { ticketType: String(b.id), quantity: 2 }])
    expect(res.status).toBe(409)
    expect(res.body).toMatchObject({ error: 'sold_out', ticketType: b.id, available: 1 })
    const av = await eventAvailability(pool, eventId, new Date())
    expect(av.find((t) => t.id === a.id)!.held).toBe(0)
  })

  it('refuses lines over the per-order maximum, off-sale types and malformed input', async () => {
    const tt = await makeTicketType(payload, eventId, { maxPerOrder: 4 })
    expect((await hold([{ ticketType: String(tt.id), quantity: 5 }])).body).toMatchObject({ error: 'max_per_order', maxPerOrder: 4 })
    const ended = await makeTicketType(payload, eventId, { saleStart: '2020-01-01T00:00:00Z', saleEnd: '2020-02-01T00:00:00Z' })
    const off = await hold([{ ticketType: String(ended.id), quantity: 1 }])
    expect(off.status).toBe(422)
    expect(off.body.error).toBe('not_on_sale')
    const bad = await api.post('/checkout/holds', { items: [{ ticketType: 'nope', quantity: 0 }] })
    expect(bad.status).toBe(400)
    expect(bad.body.message).toMatch(/items\.0\.ticketType/)
    expect((await api.post('/checkout/holds', { items: [], extra: 1 })).status).toBe(400)
  })

  it('gives a hold back at once on DELETE with its token, and refuses a wrong token', async () => {
    const tt = await makeTicketType(payload, eventId, { capacity: 2 })
    const h = (await hold([{ ticketType: String(tt.id), quantity: 2 }])).body
    const wrong = await api.call('DELETE', `/checkout/holds/${h.id}`, { headers: { 'x-hold-token': 'x'.repeat(43) } })
    expect(wrong.status).toBe(403)
    expect((await hold([{ ticketType: String(tt.id), quantity: 1 }])).status).toBe(409)
    const ok = await api.call('DELETE', `/checkout/holds/${h.id}`, { headers: { 'x-hold-token': h.token } })
    expect(ok.status).toBe(204)
    expect((await hold([{ ticketType: String(tt.id), quantity: 2 }])).status).toBe(201)
  })

  it('stops counting an expired hold at once, and refuses an order on it (injected clock)', async () => {
    const tt = await makeTicketType(payload, eventId, { capacity: 1 })
    const past = new Date(Date.now() - 20 * 60_000)
    const h = await createHold(pool, { items: [{ ticketType: String(tt.id), quantity: 1 }] }, past, 15)
    const [a] = (await eventAvailability(pool, eventId, new Date())).filter((t) => t.id === tt.id)
    expect(a).toMatchObject({ held: 0, available: 1 })
    const res = await order(h)
    expect(res.status).toBe(409)
    expect(res.body.error).toBe('hold_expired')
    expect((await hold([{ ticketType: String(tt.id), quantity: 1 }])).status).toBe(201)
  })
})

describe('orders and Stripe', () => {
  it('prices on the server, creates one PaymentIntent per order and completes once however often the webhook comes', async () => {
    const tt = await makeTicketType(payload, eventId, { price: 4200, capacity: 10 })
    const h = (await hold([{ ticketType: String(tt.id), quantity: 3 }])).body
    const res = await api.post('/checkout/orders', { hold: h.id, token: h.token, billing: billing(), total: 1 })
    expect(res.status).toBe(400) // a client-sent total is refused outright
    const ok = await order(h)
    expect(ok.status).toBe(201)
    expect(ok.body.order).toMatchObject({ status: 'pending', subtotal: 12600, discount: 0, total: 12600, currency: 'EUR' })
    expect(ok.body.payment.provider).toBe('stripe')
    const pi = [...stripe.intents.values()].find((p) => p.metadata.orderId === ok.body.order.id)!
    expect(pi).toMatchObject({ amount: 12600, currency: 'eur' })
    expect(ok.body.payment.clientSecret).toBe(pi.client_secret)
    expect(stripe.requests.find((r) => r.path === '/v1/payment_intents' && r.idempotencyKey === `order-${ok.body.order.id}`)).toBeTruthy()

    pi.status = 'succeeded'
    const evId = `evt_${unique('dup').replace(/-/g, '')}`
    const deliveries = await Promise.all(Array.from({ length: 5 }, () => deliver('payment_intent.succeeded', pi, evId)))
    expect(deliveries.map((d) => d.status)).toEqual([200, 200, 200, 200, 200])
    expect(deliveries.map((d) => d.body.outcome).sort()).toEqual(['completed', 'duplicate', 'duplicate', 'duplicate', 'duplicate'])
    // A second, distinct event for the same payment changes nothing either.
    expect((await deliver('payment_intent.succeeded', pi)).body.outcome).toBe('ignored')
    expect(await ticketsOf(ok.body.order.id)).toHaveLength(3)
    expect(await soldOf(String(tt.id))).toBe(3)
    const o = await payload.findByID({ collection: 'orders', id: ok.body.order.id, overrideAccess: true, depth: 0 })
    expect(o.status).toBe('completed')
    expect(o.completedAt).toBeTruthy()
    const holds = (await pool.query('SELECT status FROM holds WHERE checkout = $1', [h.id])).rows
    expect(holds.map((r) => r.status)).toEqual(['consumed'])
    // One confirmation email, with every ticket code, despite five deliveries.
    const codes = (await ticketsOf(ok.body.order.id)).map((t) => t.code as string)
    const mails = readOutbox(outbox).filter((m) => codes.some((c) => m.text?.includes(c)))
    expect(mails).toHaveLength(1)
    for (const c of codes) expect(mails[0].text).toContain(c)
    expect(mails[0].to).toBe(o.billingEmail)
  })

  it('refuses a bad or missing signature and changes nothing', async () => {
    const tt = await makeTicketType(payload, eventId)
    const h = (await hold([{ ticketType: String(tt.id), quantity: 1 }])).body
    const ok = await order(h)
    const pi = [...stripe.intents.values()].find((p) => p.metadata.orderId === ok.body.order.id)!
    const forged = await deliver('payment_intent.succeeded', { ...pi, status: 'succeeded' }, undefined, 't=1,v1=deadbeef')
    expect(forged.status).toBe(400)
    expect(forged.body.error).toBe('invalid_signature')
    const missing = await api.raw('POST', '/stripe/webhook', '{}', {})
    expect(missing.status).toBe(400)
    expect((await payload.findByID({ collection: 'orders', id: ok.body.order.id, overrideAccess: true })).status).toBe('pending')
    expect(await ticketsOf(ok.body.order.id)).toHaveLength(0)
  })

  it('completes a zero-total order at once, without Stripe', async () => {
    const tt = await makeTicketType(payload, eventId, { price: 0, name: 'Free entry' })
    const before = stripe.requests.length
    const h = (await hold([{ ticketType: String(tt.id), quantity: 2 }])).body
    const res = await order(h)
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({ order: { status: 'completed', total: 0 }, payment: { provider: 'none' } })
    expect(stripe.requests.length).toBe(before)
    expect(await ticketsOf(res.body.order.id)).toHaveLength(2)
  })

  it('fails the order on a failed payment and frees what it held', async () => {
    const tt = await makeTicketType(payload, eventId, { capacity: 1 })
    const code = await makeCode(payload, { usageLimit: 1 })
    const h = (await hold([{ ticketType: String(tt.id), quantity: 1 }])).body
    const ok = await order(h, { discountCode: code.code })
    const pi = [...stripe.intents.values()].find((p) => p.metadata.orderId === ok.body.order.id)!
    const failed = await deliver('payment_intent.payment_failed', pi)
    expect(failed.body.outcome).toBe('failed')
    expect((await payload.findByID({ collection: 'orders', id: ok.body.order.id, overrideAccess: true })).status).toBe('failed')
    expect((await payload.findByID({ collection: 'discount-codes', id: code.id, overrideAccess: true })).timesUsed).toBe(0)
    expect((await hold([{ ticketType: String(tt.id), quantity: 1 }])).status).toBe(201)
  })

  it('refunds through Stripe for the organizer; the webhook voids the tickets and returns capacity', async () => {
    const tt = await makeTicketType(payload, eventId, { capacity: 5 })
    const h = (await hold([{ ticketType: String(tt.id), quantity: 2 }])).body
    const ok = await order(h)
    const pi = [...stripe.intents.values()].find((p) => p.metadata.orderId === ok.body.order.id)!
    await stripe.confirm(pi.id)
    await deliver('payment_intent.succeeded', pi)
    expect(await soldOf(String(tt.id))).toBe(2)
    const attendeeToken = await api.login(attendee.email, 'Correct-Horse-9')
    expect((await api.post(`/orders/${ok.body.order.id}/refund`, {}, attendeeToken)).status).toBe(404)
    const orgToken = await api.login(organizer.email, 'Correct-Horse-9')
    const refund = await api.post(`/orders/${ok.body.order.id}/refund`, {}, orgToken)
    expect(refund.status).toBe(202)
    expect(stripe.requests.some((r) => r.path === '/v1/refunds')).toBe(true)
    expect((await deliver('charge.refunded', { id: pi.latest_charge, object: 'charge', payment_intent: pi.id, refunded: true })).body.outcome).toBe('refunded')
    expect((await ticketsOf(ok.body.order.id)).map((t) => t.status)).toEqual(['void', 'void'])
    expect(await soldOf(String(tt.id))).toBe(0)
    expect((await payload.findByID({ collection: 'orders', id: ok.body.order.id, overrideAccess: true })).status).toBe('refunded')
  })

  it('runs the expiry sweep as a Payload job', async () => {
    await payload.jobs.queue({ task: 'expireCheckouts', input: {} })
    const ran = await payload.jobs.run({ limit: 5 })
    expect(ran.jobStatus && Object.values(ran.jobStatus).some((s) => s.status === 'success')).toBe(true)
  })

  it('expires unpaid orders after their payment window and gives their discount use back', async () => {
    const tt = await makeTicketType(payload, eventId, { capacity: 1 })
    const code = await makeCode(payload, { usageLimit: 5 })
    const h = (await hold([{ ticketType: String(tt.id), quantity: 1 }])).body
    const ok = await order(h, { discountCode: code.code })
    expect((await payload.findByID({ collection: 'discount-codes', id: code.id, overrideAccess: true })).timesUsed).toBe(1)
    const later = new Date(Date.now() + 2 * 60 * 60_000)
    const swept = await expireCheckouts(pool, later)
    expect(swept.ordersExpired).toBeGreaterThanOrEqual(1)
    expect((await payload.findByID({ collection: 'orders', id: ok.body.order.id, overrideAccess: true })).status).toBe('failed')
    expect((await payload.findByID({ collection: 'discount-codes', id: code.id, overrideAccess: true })).timesUsed).toBe(0)
    expect((await pool.query('SELECT count(*)::int AS n FROM holds WHERE checkout = $1', [h.id])).rows[0].n).toBe(0)
  })
})

describe('discount codes', () => {
  const holdOne = async (price = 10000, extra: Record<string, unknown> = {}) => {
    const tt = await makeTicketType(payload, eventId, { price, capacity: 500, ...extra })
    return { tt, h: (await hold([{ ticketType: String(tt.id), quantity: 1 }])).body }
  }

  for (let run = 1; run <= 5; run++) {
    it(`never uses a code past its limit when 100 orders race for 10 uses (run ${run} of 5)`, async () => {
      const code = await makeCode(payload, { usageLimit: 10, kind: 'fixed', value: 500 })
      const tt = await makeTicketType(payload, eventId, { capacity: 200, price: 3000 })
      const holds = await Promise.all(Array.from({ length: 100 }, () => hold([{ ticketType: String(tt.id), quantity: 1 }])))
      const results = await Promise.all(holds.map((r) => order(r.body, { discountCode: code.code.toLowerCase() })))
      const ok = results.filter((r) => r.status === 201)
      expect(ok).toHaveLength(10)
      expect(ok.every((r) => r.body.order.discount === 500 && r.body.order.total === 2500)).toBe(true)
      expect(results.filter((r) => r.status === 422).every((r) => r.body.reason === 'used_up')).toBe(true)
      expect((await payload.findByID({ collection: 'discount-codes', id: code.id, overrideAccess: true })).timesUsed).toBe(10)
    })
  }

  it('allows one use per buyer even under a race', async () => {
    const code = await makeCode(payload, { onePerBuyer: true })
    const tt = await makeTicketType(payload, eventId, { capacity: 100 })
    const email = `${unique('same')}@test.local`
    const holds = await Promise.all(Array.from({ length: 10 }, () => hold([{ ticketType: String(tt.id), quantity: 1 }])))
    const results = await Promise.all(holds.map((r) => api.post('/checkout/orders', { hold: r.body.id, token: r.body.token, discountCode: code.code, billing: billing(email) })))
    expect(results.filter((r) => r.status === 201)).toHaveLength(1)
    expect(results.filter((r) => r.status === 422).every((r) => r.body.reason === 'already_used')).toBe(true)
  })

  it('names each reason a code is refused', async () => {
    const cases: Array<[Record<string, unknown> | string, string]> = [
      ['NO-SUCH-CODE', 'unknown'],
      [{ validUntil: '2020-01-01T00:00:00Z', validFrom: '2019-01-01T00:00:00Z' }, 'expired'],
      [{ validFrom: '2099-01-01T00:00:00Z' }, 'not_yet_valid'],
      [{ appliesTo: 'events', events: [String((await makeEvent(payload, organizer.id)).id)] }, 'not_applicable'],
      [{ minimumOrder: 50000 }, 'minimum_not_met'],
      [{ active: false }, 'unknown'],
    ]
    for (const [spec, reason] of cases) {
      const code = typeof spec === 'string' ? spec : (await makeCode(payload, spec)).code
      const { h } = await holdOne()
      const res = await order(h, { discountCode: code })
      expect([res.status, res.body.error, res.body.reason], `${JSON.stringify(spec)}`).toEqual([422, 'invalid_discount', reason])
    }
    const limited = await makeCode(payload, { usageLimit: 1 })
    expect((await order((await holdOne()).h, { discountCode: limited.code })).status).toBe(201)
    expect((await order((await holdOne()).h, { discountCode: limited.code })).body.reason).toBe('used_up')
    const once = await makeCode(payload, { onePerBuyer: true })
    const email = `${unique('once')}@test.local`
    const first = (await holdOne()).h
    expect((await api.post('/checkout/orders', { hold: first.id, token: first.token, discountCode: once.code, billing: billing(email) })).status).toBe(201)
    const second = (await holdOne()).h
    expect((await api.post('/checkout/orders', { hold: second.id, token: second.token, discountCode: once.code, billing: billing(email.toUpperCase()) })).body.reason).toBe('already_used')
  })

  it('caps percentages by the maximum and never lets a fixed discount exceed the subtotal', async () => {
    const pct = await makeCode(payload, { kind: 'percentage', value: 50, maximumDiscount: 1000 })
    expect((await order((await holdOne(10000)).h, { discountCode: pct.code })).body.order).toMatchObject({ subtotal: 10000, discount: 1000, total: 9000 })
    const big = await makeCode(payload, { kind: 'fixed', value: 99999 })
    expect((await order((await holdOne(1500)).h, { discountCode: big.code })).body).toMatchObject({ order: { discount: 1500, total: 0, status: 'completed' }, payment: { provider: 'none' } })
    const odd = await makeCode(payload, { kind: 'percentage', value: 12.5 })
    expect((await order((await holdOne(1999)).h, { discountCode: odd.code })).body.order).toMatchObject({ discount: 250, total: 1749 })
  })
})

describe('check-in', () => {
  const paidTicket = async () => {
    const tt = await makeTicketType(payload, eventId, { price: 0 })
    const h = (await hold([{ ticketType: String(tt.id), quantity: 1 }])).body
    const res = await order(h)
    return (await ticketsOf(res.body.order.id))[0].code as string
  }

  it('admits a valid ticket once, names when it was used, and refuses unknown and void tickets', async () => {
    const code = await paidTicket()
    const token = await api.login(staff.email, 'Correct-Horse-9')
    const first = await api.post('/tickets/check-in', { code }, token)
    expect(first.status).toBe(200)
    expect(first.body).toMatchObject({ checkedIn: true, code, attendeeName: 'Bea Buyer' })
    const again = await api.post('/tickets/check-in', { code }, token)
    expect(again.status).toBe(409)
    expect(again.body).toMatchObject({ error: 'already_checked_in', checkedInAt: first.body.checkedInAt })
    expect((await api.post('/tickets/check-in', { code: 'FSH-NOPE-NOPE' }, token)).status).toBe(404)
    const voided = await paidTicket()
    await pool.query(`UPDATE tickets SET status = 'void' WHERE code = $1`, [voided])
    expect((await api.post('/tickets/check-in', { code: voided }, token)).body.error).toBe('void_ticket')
    expect((await api.post('/tickets/check-in', {}, token)).status).toBe(400)
  })

  it('admits a ticket once when two doors scan it at the same moment', async () => {
    const code = await paidTicket()
    const token = await api.login(staff.email, 'Correct-Horse-9')
    const results = await Promise.all(Array.from({ length: 5 }, () => api.post('/tickets/check-in', { code }, token)))
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409])
  })

  it('refuses attendees and anonymous callers; an organizer checks in only their own events', async () => {
    const code = await paidTicket()
    expect((await api.post('/tickets/check-in', { code })).status).toBe(401)
    expect((await api.post('/tickets/check-in', { code }, await api.login(attendee.email, 'Correct-Horse-9'))).status).toBe(403)
    const other = await makeUser(payload, 'organizer')
    expect((await api.post('/tickets/check-in', { code }, await api.login(other.email, 'Correct-Horse-9'))).status).toBe(404)
    expect((await api.post('/tickets/check-in', { code }, await api.login(organizer.email, 'Correct-Horse-9'))).status).toBe(200)
  })
})

describe('who reads orders and tickets', () => {
  it('shows buyers their own orders, organizers those of their events, nobody else', async () => {
    const buyer = await makeUser(payload, 'attendee')
    const buyerToken = await api.login(buyer.email, 'Correct-Horse-9')
    const tt = await makeTicketType(payload, eventId, { price: 0 })
    const h = (await hold([{ ticketType: String(tt.id), quantity: 1 }], buyerToken)).body
    const mine = (await api.post('/checkout/orders', { hold: h.id, token: h.token, billing: billing(buyer.email) }, buyerToken)).body.order.id
    const list = async (token: string, path: string) => (await api.get(path, token)).body.docs.map((d: { id: string }) => d.id)
    expect(await list(buyerToken, '/orders?limit=500&depth=0')).toEqual([mine])
    expect((await list(buyerToken, '/tickets?limit=500&depth=0')).length).toBe(1)
    expect(await list(await api.login(organizer.email, 'Correct-Horse-9'), '/orders?limit=500&depth=0')).toContain(mine)
    const stranger = await makeUser(payload, 'organizer')
    expect(await list(await api.login(stranger.email, 'Correct-Horse-9'), '/orders?limit=500&depth=0')).toEqual([])
    expect((await api.get('/orders')).status).toBe(403)
  })

  it('keeps status and amounts out of reach of hand edits, even an admin\'s', async () => {
    const admin = await makeUser(payload, 'admin')
    const tt = await makeTicketType(payload, eventId, { price: 0 })
    const h = (await hold([{ ticketType: String(tt.id), quantity: 1 }])).body
    const id = (await order(h)).body.order.id
    const res = await api.patch(`/orders/${id}`, { status: 'refunded', total: 1, billingName: 'Corrected Name' }, await api.login(admin.email, 'Correct-Horse-9'))
    expect(res.status).toBe(200)
    const after = await payload.findByID({ collection: 'orders', id, overrideAccess: true })
    expect([after.status, after.total, after.billingName]).toEqual(['completed', 0, 'Corrected Name'])
  })
})
