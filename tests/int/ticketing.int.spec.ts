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
import { expireCheckouts } from '../../src/domain/ticketing/paymentEvents'
import { poolOf } from '../../src/db/pool'
import { withTransaction } from '../../src/db/transaction'
import { voidTickets } from '../../src/domain/ticketing/refunds'
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
  eventId = String((await makeEvent(payload, organizer.id, { staff: [staff.id] })).id)
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
      id: tt.id,
      name: tt.name,
      price: 2500,
      currency: 'EUR',
      capacity: 20,
      sold: 0,
      held: 3,
      available: 17,
      onSale: true,
      seated: false,
      waitlist: { status: 'open', waiting: 0 },
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
    const res = await hold([
      { ticketType: String(a.id), quantity: 2 },
      { ticketType: String(b.id), quantity: 2 },
    ])
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

  it('stops counting an expired hold at once on the database clock, and refuses an order on it', async () => {
    const tt = await makeTicketType(payload, eventId, { capacity: 1 })
    const h = await createHold(pool, { items: [{ ticketType: String(tt.id), quantity: 1 }] }, new Date(), 15)
    await pool.query(`UPDATE holds SET expires_at = now() - interval '1 second' WHERE checkout = $1`, [h.id])
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
    // One confirmation email, with every ticket code, despite five deliveries: queued, then sent by the job.
    expect(readOutbox(outbox).filter((m) => m.to === o.billingEmail)).toHaveLength(0)
    const ran = await payload.jobs.run({ queue: 'transactional' })
    expect(Object.values(ran.jobStatus ?? {}).map((s) => s.status)).toContain('success')
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
    const stranger = await makeUser(payload, 'organizer')
    expect((await api.post(`/orders/${ok.body.order.id}/refund`, {}, await api.login(stranger.email, 'Correct-Horse-9'))).status).toBe(404)
    const refund = await api.post(`/orders/${ok.body.order.id}/refund`, {}, orgToken)
    expect(refund.status).toBe(202)
    expect(refund.body).toMatchObject({
      refund: { amount: 5000, status: 'succeeded' },
      order: { status: 'refunded', refundedAmount: 5000 },
    })
    expect([...stripe.refunds.values()].filter((r) => r.payment_intent === pi.id).map((r) => r.amount)).toEqual([5000])
    // Stripe's own charge.refunded for that refund is an echo: nothing more happens.
    expect(
      (
        await deliver('charge.refunded', {
          id: pi.latest_charge,
          object: 'charge',
          amount: 5000,
          amount_refunded: 5000,
          payment_intent: pi.id,
          refunded: true,
        })
      ).body.outcome,
    ).toBe('refund_known')
    expect((await ticketsOf(ok.body.order.id)).map((t) => t.status)).toEqual(['void', 'void'])
    expect(await soldOf(String(tt.id))).toBe(0)
    expect((await payload.findByID({ collection: 'orders', id: ok.body.order.id, overrideAccess: true })).status).toBe('refunded')
  })

  it('expires unpaid orders after their payment window and gives their discount use back', async () => {
    const tt = await makeTicketType(payload, eventId, { capacity: 1 })
    const code = await makeCode(payload, { usageLimit: 5 })
    const h = (await hold([{ ticketType: String(tt.id), quantity: 1 }])).body
    const ok = await order(h, { discountCode: code.code })
    expect((await payload.findByID({ collection: 'discount-codes', id: code.id, overrideAccess: true })).timesUsed).toBe(1)
    await pool.query(`UPDATE orders SET expires_at = now() - interval '1 second' WHERE id = $1`, [ok.body.order.id])
    const swept = await expireCheckouts(pool)
    expect(swept.ordersExpired).toBeGreaterThanOrEqual(1)
    expect(swept.intentsToCancel.map((i) => i.orderId)).toContain(ok.body.order.id)
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

  // The limit (3) is below the connection pool (10), so racers really wait on one another:
  // remove the `times_used < usage_limit` guard from reserveDiscountUse and this fails.
  for (let run = 1; run <= 5; run++) {
    it(`never uses a code past its limit when 60 orders on three events race for 3 uses (run ${run} of 5)`, async () => {
      const code = await makeCode(payload, { usageLimit: 3, kind: 'fixed', value: 500 })
      const types = await Promise.all(
        [eventId, ...(await Promise.all([1, 2].map(async () => String((await makeEvent(payload, organizer.id)).id))))].map((e) =>
          makeTicketType(payload, e, { capacity: 100, price: 3000 }),
        ),
      )
      const holds = await Promise.all(Array.from({ length: 60 }, (_, i) => hold([{ ticketType: String(types[i % 3].id), quantity: 1 }])))
      expect(holds.every((h) => h.status === 201)).toBe(true)
      const results = await Promise.all(holds.map((r) => order(r.body, { discountCode: code.code.toLowerCase() })))
      const ok = results.filter((r) => r.status === 201)
      expect(ok).toHaveLength(3)
      expect(ok.every((r) => r.body.order.discount === 500 && r.body.order.total === 2500)).toBe(true)
      const refused = results.filter((r) => r.status === 422)
      expect(refused).toHaveLength(57)
      expect(refused.filter((r) => r.body.reason === 'used_up')).toHaveLength(57)
      expect((await payload.findByID({ collection: 'discount-codes', id: code.id, overrideAccess: true })).timesUsed).toBe(3)
      expect(
        Number((await pool.query(`SELECT count(*) FROM discount_redemptions WHERE discount_code_id = $1`, [code.id])).rows[0].count),
      ).toBe(3)
    })
  }

  it('allows one use per buyer even under a race, counting e-mail aliases as one buyer', async () => {
    const code = await makeCode(payload, { onePerBuyer: true })
    const tt = await makeTicketType(payload, eventId, { capacity: 100 })
    const email = `${unique('same')}@test.local`
    const holds = await Promise.all(Array.from({ length: 10 }, () => hold([{ ticketType: String(tt.id), quantity: 1 }])))
    // Aliases of one mailbox count as one buyer.
    const [name, domain] = ['bea.buyer', 'gmail.com']
    const aliases = [
      `${name}@${domain}`,
      `BEA.BUYER@GMAIL.COM`,
      `Bea.Buyer@Gmail.com`,
      `bea.buyer+vip@gmail.com`,
      `b.e.a.buyer@googlemail.com`,
    ]
    const results = await Promise.all(
      holds.map((r, i) =>
        api.post('/checkout/orders', {
          hold: r.body.id,
          token: r.body.token,
          discountCode: code.code,
          billing: billing(i < 5 ? aliases[i] : email),
        }),
      ),
    )
    expect(results.filter((r) => r.status === 201)).toHaveLength(2) // one gmail buyer, one other
    expect(results.filter((r) => r.status === 422)).toHaveLength(8)
    expect(results.filter((r) => r.status === 422 && r.body.reason === 'already_used')).toHaveLength(8)
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
    expect(
      (await api.post('/checkout/orders', { hold: first.id, token: first.token, discountCode: once.code, billing: billing(email) })).status,
    ).toBe(201)
    const second = (await holdOne()).h
    expect(
      (
        await api.post('/checkout/orders', {
          hold: second.id,
          token: second.token,
          discountCode: once.code,
          billing: billing(email.toUpperCase()),
        })
      ).body.reason,
    ).toBe('already_used')
  })

  it('caps percentages by the maximum and never lets a fixed discount exceed the subtotal', async () => {
    const pct = await makeCode(payload, { kind: 'percentage', value: 50, maximumDiscount: 1000 })
    expect((await order((await holdOne(10000)).h, { discountCode: pct.code })).body.order).toMatchObject({
      subtotal: 10000,
      discount: 1000,
      total: 9000,
    })
    const big = await makeCode(payload, { kind: 'fixed', value: 99999 })
    expect((await order((await holdOne(1500)).h, { discountCode: big.code })).body).toMatchObject({
      order: { discount: 1500, total: 0, status: 'completed' },
      payment: { provider: 'none' },
    })
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
    // Voided as a refund or a cancellation voids it (its capacity returns), not by hand.
    await withTransaction(pool, async (tx) => {
      const { rows } = await tx.query(`SELECT id, order_id FROM tickets WHERE code = $1`, [voided])
      await voidTickets(tx, rows[0].order_id, [rows[0].id])
    })
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
    const at = { code, event: eventId }
    expect((await api.post('/tickets/check-in', at)).status).toBe(401)
    expect((await api.post('/tickets/check-in', at, await api.login(attendee.email, 'Correct-Horse-9'))).body.error).toBe('forbidden')
    const other = await makeUser(payload, 'organizer')
    const otherToken = await api.login(other.email, 'Correct-Horse-9')
    expect((await api.post('/tickets/check-in', at, otherToken)).status).toBe(403)
    // Naming their own event does not let them admit a ticket of another event.
    const theirs = String((await makeEvent(payload, other.id)).id)
    const wrong = await api.post('/tickets/check-in', { code, event: theirs }, otherToken)
    expect([wrong.status, wrong.body.error]).toEqual([409, 'wrong_event'])
    expect((await pool.query(`SELECT status FROM tickets WHERE code = $1`, [code])).rows[0].status).toBe('valid')
    expect((await api.post('/tickets/check-in', at, await api.login(organizer.email, 'Correct-Horse-9'))).status).toBe(200)
  })

  it('binds staff to the events they are assigned to', async () => {
    const code = await paidTicket()
    const elsewhere = await makeUser(payload, 'staff')
    const otherEvent = String((await makeEvent(payload, organizer.id, { staff: [elsewhere.id] })).id)
    const token = await api.login(elsewhere.email, 'Correct-Horse-9')
    // Staff of event Y: not at X's door, and X's ticket is refused at Y's door without being used.
    expect((await api.post('/tickets/check-in', { code, event: eventId }, token)).status).toBe(403)
    const wrong = await api.post('/tickets/check-in', { code }, token)
    expect([wrong.status, wrong.body.error]).toEqual([409, 'wrong_event'])
    expect((await api.post('/tickets/check-in', { code, event: otherEvent }, token)).body.error).toBe('wrong_event')
    expect((await pool.query(`SELECT status FROM tickets WHERE code = $1`, [code])).rows[0].status).toBe('valid')
    // The admin may scan anywhere.
    const admin = await makeUser(payload, 'admin')
    expect((await api.post('/tickets/check-in', { code, event: eventId }, await api.login(admin.email, 'Correct-Horse-9'))).status).toBe(
      200,
    )
  })
})

describe('who reads orders and tickets', () => {
  it('shows buyers their own orders, organizers those of their events, nobody else', async () => {
    const buyer = await makeUser(payload, 'attendee')
    const buyerToken = await api.login(buyer.email, 'Correct-Horse-9')
    const tt = await makeTicketType(payload, eventId, { price: 0 })
    const h = (await hold([{ ticketType: String(tt.id), quantity: 1 }], buyerToken)).body
    const mine = (await api.post('/checkout/orders', { hold: h.id, token: h.token, billing: billing(buyer.email) }, buyerToken)).body.order
      .id
    const list = async (token: string, path: string) => (await api.get(path, token)).body.docs.map((d: { id: string }) => d.id)
    expect(await list(buyerToken, '/orders?limit=500&depth=0')).toEqual([mine])
    expect((await list(buyerToken, '/tickets?limit=500&depth=0')).length).toBe(1)
    expect(await list(await api.login(organizer.email, 'Correct-Horse-9'), '/orders?limit=500&depth=0')).toContain(mine)
    const stranger = await makeUser(payload, 'organizer')
    expect(await list(await api.login(stranger.email, 'Correct-Horse-9'), '/orders?limit=500&depth=0')).toEqual([])
    expect((await api.get('/orders')).status).toBe(403)
  })

  it("keeps status and amounts out of reach of hand edits, even an admin's", async () => {
    const admin = await makeUser(payload, 'admin')
    const tt = await makeTicketType(payload, eventId, { price: 0 })
    const h = (await hold([{ ticketType: String(tt.id), quantity: 1 }])).body
    const id = (await order(h)).body.order.id
    const res = await api.patch(
      `/orders/${id}`,
      { status: 'refunded', total: 1, billingName: 'Corrected Name' },
      await api.login(admin.email, 'Correct-Horse-9'),
    )
    expect(res.status).toBe(200)
    const after = await payload.findByID({ collection: 'orders', id, overrideAccess: true })
    expect([after.status, after.total, after.billingName]).toEqual(['completed', 0, 'Corrected Name'])
  })
})
