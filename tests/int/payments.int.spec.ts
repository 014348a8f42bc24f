/**
 * Every outcome of a payment, end to end: the real Stripe SDK against the local fake (which
 * signs each webhook and hands it to the app's own route handler), real PostgreSQL, the real
 * jobs. Each test ends in a state a buyer, an organizer and an accountant would all accept.
 */
import os from 'node:os'
import path from 'node:path'

import nodemailer from 'nodemailer'
import type { Payload } from 'payload'
import sharp from 'sharp'
import type { Pool } from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { cancelEventOrders } from '../../src/domain/ticketing/cancellation'
import { renderNotification, sendNotifications } from '../../src/domain/ticketing/notifications'
import { qrContentId, qrPng } from '../../src/domain/ticketing/qr'
import { expireCheckouts } from '../../src/domain/ticketing/paymentEvents'
import { stripeClient } from '../../src/domain/ticketing/payments'
import type { FakeStripe } from '../../src/dev/fakeStripe'
import { readOutbox } from '../../src/email/outboxAdapter'
import { poolOf } from '../../src/db/pool'
import { closePayload, getTestPayload, makeUser, unique, type TestUser } from '../helpers/payload'
import { apiClient, type Api } from '../helpers/rest'
import { startSmtpServer } from '../helpers/smtp'
import { startStripeFor } from '../helpers/stripe'
import { makeCode, makeEvent, makeTicketType } from '../helpers/ticketing'

let payload: Payload
let api: Api
let pool: Pool
let stripe: FakeStripe
let organizer: TestUser
let buyer: TestUser
let orgToken: string
let eventId: string
const SECRET = 'whsec_payments_tests'
const outbox = path.join(os.tmpdir(), `fsh-payments-${process.pid}-${Date.now()}`)

beforeAll(async () => {
  process.env.MAIL_OUTBOX_DIR = outbox
  stripe = await startStripeFor(() => api, SECRET)
  payload = await getTestPayload()
  api = apiClient(payload.config)
  pool = poolOf(payload)
  organizer = await makeUser(payload, 'organizer')
  buyer = await makeUser(payload, 'attendee')
  orgToken = await api.login(organizer.email, 'Correct-Horse-9')
  eventId = String((await makeEvent(payload, organizer.id)).id)
})
afterAll(async () => {
  await closePayload(payload)
  await stripe.close()
})

const hold = async (ticketType: unknown, quantity = 1) => {
  const res = await api.post('/checkout/holds', { items: [{ ticketType: String(ticketType), quantity }] })
  expect(res.status).toBe(201)
  return res.body as { id: string; token: string }
}
const buy = async (ticketType: unknown, quantity = 1, extra: Record<string, unknown> = {}, token?: string) => {
  const h = await hold(ticketType, quantity)
  const res = await api.post(
    '/checkout/orders',
    { hold: h.id, token: h.token, billing: { email: `${unique('b')}@test.local`, name: 'Bea Buyer' }, ...extra },
    token,
  )
  expect(res.status).toBe(201)
  return { order: res.body.order as { id: string; total: number; status: string }, pi: res.body.payment.paymentIntent as string }
}
const paid = async (ticketType: unknown, quantity = 1) => {
  const o = await buy(ticketType, quantity)
  await stripeClient().paymentIntents.confirm(o.pi, { payment_method: 'pm_card_visa' })
  return o
}
const orderRow = async (id: string) => (await pool.query(`SELECT * FROM orders WHERE id = $1`, [id])).rows[0]
const ticketStatuses = async (id: string) =>
  (await pool.query(`SELECT status FROM tickets WHERE order_id = $1 ORDER BY created_at, id`, [id])).rows.map((r) => r.status)
const soldOf = async (id: unknown) => Number((await pool.query('SELECT sold FROM ticket_types WHERE id = $1', [id])).rows[0].sold)
const refundsIn = (pi: string) => [...stripe.refunds.values()].filter((r) => r.payment_intent === pi).map((r) => r.amount)
const lapse = (orderId: string) =>
  Promise.all([
    pool.query(`UPDATE orders SET expires_at = now() - interval '1 second' WHERE id = $1`, [orderId]),
    pool.query(`UPDATE holds SET expires_at = now() - interval '1 second' WHERE order_id = $1`, [orderId]),
  ])
/** What the platform made of the latest Stripe event of `type` about the order. */
const outcomeOf = async (orderId: string, type = 'payment_intent.succeeded') =>
  (
    await pool.query(`SELECT outcome FROM payment_events WHERE order_id = $1 AND type = $2 ORDER BY created_at DESC LIMIT 1`, [
      orderId,
      type,
    ])
  ).rows[0]?.outcome
const webhookTypes = async (orderId: string) =>
  (await pool.query(`SELECT type FROM webhook_events WHERE data->'order'->>'id' = $1 ORDER BY created_at`, [orderId])).rows.map(
    (r) => r.type,
  )

describe('a declined card is not the end', () => {
  it('records the decline, keeps the order payable and its seats held, then completes on a retry', async () => {
    const tt = await makeTicketType(payload, eventId, { capacity: 2, price: 3000 })
    const { order, pi } = await buy(tt.id, 2)
    const declined = await stripeClient()
      .paymentIntents.confirm(pi, { payment_method: 'pm_card_chargeDeclined' })
      .catch((e) => e)
    expect(declined.code).toBe('card_declined')
    const afterDecline = await orderRow(order.id)
    expect([afterDecline.status, Number(afterDecline.payment_attempts)]).toEqual(['pending', 1])
    expect(afterDecline.last_payment_error).toMatch(/generic_decline: Your card was declined/)
    // The seats are still this buyer's: nobody else can hold them.
    expect((await api.post('/checkout/holds', { items: [{ ticketType: String(tt.id), quantity: 1 }] })).status).toBe(409)
    await stripeClient().paymentIntents.confirm(pi, { payment_method: 'pm_card_visa' })
    expect((await orderRow(order.id)).status).toBe('completed')
    expect(await ticketStatuses(order.id)).toEqual(['valid', 'valid'])
    // The payment history the admin shows: the failure and the success, in order.
    const doc = await payload.findByID({ collection: 'orders', id: order.id, depth: 1, overrideAccess: true })
    const history = (doc.paymentHistory?.docs ?? []) as Array<{ type: string; outcome: string }>
    expect(history.map((h) => [h.type, h.outcome])).toEqual([
      ['payment_intent.payment_failed', 'payment_failed'],
      ['payment_intent.succeeded', 'completed'],
    ])
  })
})

describe('expiry', () => {
  it('fails a lapsed order and cancels its PaymentIntent through Stripe (the expireCheckouts job)', async () => {
    const tt = await makeTicketType(payload, eventId, { capacity: 1 })
    const code = await makeCode(payload, { usageLimit: 1 })
    const { order, pi } = await buy(tt.id, 1, { discountCode: code.code })
    await lapse(order.id)
    await payload.jobs.queue({ task: 'expireCheckouts', input: {} })
    const ran = await payload.jobs.run({ limit: 10 })
    expect(Object.values(ran.jobStatus ?? {}).map((s) => s.status)).toContain('success')
    // What the job did: the intent was cancelled at Stripe (only this job cancels intents), the order failed.
    expect(stripe.requests.filter((r) => r.path === `/v1/payment_intents/${pi}/cancel`)).toHaveLength(1)
    expect(stripe.intents.get(pi)!.status).toBe('canceled')
    expect((await orderRow(order.id)).status).toBe('failed')
    expect((await payload.findByID({ collection: 'discount-codes', id: code.id, overrideAccess: true })).timesUsed).toBe(0)
    // A cancelled intent cannot be paid any more.
    expect(
      (
        await stripeClient()
          .paymentIntents.confirm(pi, { payment_method: 'pm_card_visa' })
          .catch((e) => e)
      ).code,
    ).toBe('payment_intent_unexpected_state')
    expect((await api.post('/checkout/holds', { items: [{ ticketType: String(tt.id), quantity: 1 }] })).status).toBe(201)
  })
})

describe('a payment that arrives too late', () => {
  it('completes the order when its seats are still free', async () => {
    const tt = await makeTicketType(payload, eventId, { capacity: 3 })
    const { order, pi } = await buy(tt.id, 2)
    await lapse(order.id)
    await expireCheckouts(pool) // the sweep ran, but Stripe had already taken the money
    expect((await orderRow(order.id)).status).toBe('failed')
    await stripeClient().paymentIntents.confirm(pi, { payment_method: 'pm_card_visa' })
    expect(await outcomeOf(order.id)).toBe('late_completed')
    expect((await orderRow(order.id)).status).toBe('completed')
    expect(await soldOf(tt.id)).toBe(2)
  })

  it("refunds it in full when another buyer holds the seats, and tells the buyer, the organizer and the partner's webhook", async () => {
    const tt = await makeTicketType(payload, eventId, { capacity: 1, price: 4500 })
    const { order, pi } = await buy(tt.id, 1)
    await lapse(order.id)
    await expireCheckouts(pool)
    await hold(tt.id, 1) // the seat went to someone else, who is about to pay
    await stripeClient().paymentIntents.confirm(pi, { payment_method: 'pm_card_visa' })
    expect(await outcomeOf(order.id)).toBe('refunded_unfulfilled')
    const row = await orderRow(order.id)
    expect([row.status, Number(row.refunded_amount)]).toEqual(['refunded_unfulfilled', 4500])
    expect(refundsIn(pi)).toEqual([4500])
    expect(await ticketStatuses(order.id)).toEqual([])
    expect(await soldOf(tt.id)).toBe(0)
    expect(await webhookTypes(order.id)).toContain('order.refunded_unfulfilled')
    await payload.jobs.run({ queue: 'transactional' })
    const mails = readOutbox(outbox)
    expect(mails.filter((m) => m.to === row.billing_email && /refunded/.test(m.subject ?? ''))).toHaveLength(1)
    expect(mails.filter((m) => m.to === organizer.email && (m.text ?? '').includes(order.id))).toHaveLength(1)
  })

  it('never takes seats another buyer holds, even before the sweep has run', async () => {
    const tt = await makeTicketType(payload, eventId, { capacity: 2 })
    const { order, pi } = await buy(tt.id, 1)
    await hold(tt.id, 1) // B holds the other seat
    await lapse(order.id) // A's hold lapses (the sweep has not run: A is still pending)
    await hold(tt.id, 1) // C takes A's seat
    await stripeClient().paymentIntents.confirm(pi, { payment_method: 'pm_card_visa' })
    expect(await outcomeOf(order.id)).toBe('refunded_unfulfilled')
    expect(await soldOf(tt.id)).toBe(0)
    expect(refundsIn(pi)).toHaveLength(1)
  })
})

describe('slow payment methods', () => {
  it('keeps a processing order and its seats past the payment window until it settles', async () => {
    const tt = await makeTicketType(payload, eventId, { capacity: 1 })
    const { order, pi } = await buy(tt.id, 1)
    await stripeClient().paymentIntents.confirm(pi, { payment_method: 'pm_processing' })
    expect((await orderRow(order.id)).status).toBe('processing')
    const swept = await expireCheckouts(pool)
    expect(swept.intentsToCancel.map((i) => i.orderId)).not.toContain(order.id)
    expect((await api.post('/checkout/holds', { items: [{ ticketType: String(tt.id), quantity: 1 }] })).status).toBe(409)
    await stripe.settle(pi, 'succeeded')
    expect((await orderRow(order.id)).status).toBe('completed')
    expect(stripe.requests.filter((r) => r.path === `/v1/payment_intents/${pi}/cancel`)).toHaveLength(0)
  })
})

describe('partial refunds', () => {
  it('refunds by tickets, then by amount, then the rest; only refunded tickets are voided and return capacity', async () => {
    const tt = await makeTicketType(payload, eventId, { capacity: 10, price: 2000 })
    const { order, pi } = await paid(tt.id, 3)
    const tickets = (await pool.query(`SELECT id FROM tickets WHERE order_id = $1 ORDER BY created_at, id`, [order.id])).rows.map(
      (r) => r.id,
    )
    const url = `/orders/${order.id}/refund`
    const one = await api.post(url, { tickets: [tickets[0]] }, orgToken)
    expect(one.status).toBe(202)
    expect(one.body).toMatchObject({
      refund: { amount: 2000, status: 'succeeded', tickets: [tickets[0]] },
      order: { status: 'partially_refunded', refundedAmount: 2000 },
    })
    expect(await ticketStatuses(order.id)).toEqual(['void', 'valid', 'valid'])
    expect(await soldOf(tt.id)).toBe(2)
    const some = await api.post(url, { amount: 1000 }, orgToken)
    expect(some.body).toMatchObject({
      refund: { amount: 1000, tickets: [] },
      order: { status: 'partially_refunded', refundedAmount: 3000 },
    })
    expect(await soldOf(tt.id)).toBe(2)
    // Bad input: 400 naming the field, or 422 with what is refundable; nothing changes.
    expect((await api.post(url, { amount: 999999 }, orgToken)).body).toMatchObject({ error: 'amount_too_large', refundable: 3000 })
    expect((await api.post(url, { amount: -5 }, orgToken)).status).toBe(400)
    expect((await api.post(url, { tickets: [tickets[0]] }, orgToken)).body).toMatchObject({
      error: 'unknown_tickets',
      tickets: [tickets[0]],
    })
    expect((await api.post(url, { tickets: [tickets[1]], amount: 5 }, orgToken)).status).toBe(400)
    const rest = await api.post(url, {}, orgToken)
    expect(rest.body).toMatchObject({ refund: { amount: 3000 }, order: { status: 'refunded', refundedAmount: 6000 } })
    expect(await ticketStatuses(order.id)).toEqual(['void', 'void', 'void'])
    expect(await soldOf(tt.id)).toBe(0)
    expect(refundsIn(pi)).toEqual([2000, 1000, 3000])
    expect((await api.post(url, {}, orgToken)).body.error).toBe('not_refundable')
    expect(await webhookTypes(order.id)).toEqual([
      'order.completed',
      'order.partially_refunded',
      'order.partially_refunded',
      'order.refunded',
    ])
  })

  it('does not give back the seat of a checked-in ticket once the event has started', async () => {
    const started = String(
      (
        await makeEvent(payload, organizer.id, {
          startDate: new Date(Date.now() + 3_600_000).toISOString(),
          endDate: '2030-01-01T00:00:00Z',
        })
      ).id,
    )
    const tt = await makeTicketType(payload, started, { capacity: 5 })
    const { order } = await paid(tt.id, 2)
    const [first] = (await pool.query(`SELECT id, code FROM tickets WHERE order_id = $1 ORDER BY created_at, id`, [order.id])).rows
    expect((await api.post('/tickets/check-in', { code: first.code, event: started }, orgToken)).status).toBe(200)
    await pool.query(`UPDATE events SET start_date = now() - interval '1 hour' WHERE id = $1`, [started])
    expect((await api.post(`/orders/${order.id}/refund`, {}, orgToken)).body.order.status).toBe('refunded')
    expect(await soldOf(tt.id)).toBe(1) // the unused ticket's seat came back, the used one did not
  })

  it("records a refund made in Stripe's dashboard once, however often Stripe says so", async () => {
    const tt = await makeTicketType(payload, eventId, { capacity: 10, price: 2500 })
    const { order, pi } = await paid(tt.id, 2)
    await stripe.dashboardRefund(pi, 1500)
    expect(await outcomeOf(order.id, 'charge.refunded')).toBe('refund_recorded')
    const row = await orderRow(order.id)
    expect([row.status, Number(row.refunded_amount)]).toEqual(['partially_refunded', 1500])
    // A duplicate delivery (same event id), and another event with the same cumulative amount.
    const charge = { id: stripe.intents.get(pi)!.latest_charge, object: 'charge', amount: 5000, amount_refunded: 1500, payment_intent: pi }
    const ev = stripe.signedEvent('charge.refunded', charge)
    const send = (e: { body: string; signature: string }) => api.raw('POST', '/stripe/webhook', e.body, { 'stripe-signature': e.signature })
    expect((await send(ev)).body.outcome).toBe('refund_known')
    expect((await send(ev)).body.outcome).toBe('duplicate')
    const refunds = (await pool.query(`SELECT amount, reason, status FROM refunds WHERE order_id = $1`, [order.id])).rows
    expect(refunds.map((r) => [Number(r.amount), r.reason, r.status])).toEqual([[1500, 'provider', 'succeeded']])
    await stripe.dashboardRefund(pi, 3500)
    expect((await orderRow(order.id)).status).toBe('refunded')
    expect(await ticketStatuses(order.id)).toEqual(['void', 'void'])
  })
})

describe('disputes', () => {
  const dispute = (pi: string, status: string, id: string) => {
    const ev = stripe.signedEvent(status === 'needs_response' ? 'charge.dispute.created' : 'charge.dispute.closed', {
      id,
      object: 'dispute',
      amount: 3000,
      payment_intent: pi,
      reason: 'fraudulent',
      status,
    })
    return api.raw('POST', '/stripe/webhook', ev.body, { 'stripe-signature': ev.signature })
  }

  it('records a dispute, tells the organizer, and keeps the tickets when it is won', async () => {
    const tt = await makeTicketType(payload, eventId, { price: 3000 })
    const { order, pi } = await paid(tt.id, 1)
    const id = `dp_${unique('w').replace(/-/g, '')}`
    expect((await dispute(pi, 'needs_response', id)).body.outcome).toBe('dispute_recorded')
    const row = await orderRow(order.id)
    expect([row.dispute_status, Number(row.dispute_amount), row.dispute_reason]).toEqual(['needs_response', 3000, 'fraudulent'])
    await dispute(pi, 'won', id)
    expect((await orderRow(order.id)).dispute_status).toBe('won')
    expect(await ticketStatuses(order.id)).toEqual(['valid'])
    await payload.jobs.run({ queue: 'transactional' })
    expect(
      readOutbox(outbox)
        .filter((m) => m.to === organizer.email && (m.subject ?? '').includes(order.id))
        .map((m) => m.subject),
    ).toHaveLength(2)
  })

  it('voids the remaining tickets when it is lost', async () => {
    const tt = await makeTicketType(payload, eventId, { price: 3000, capacity: 5 })
    const { order, pi } = await paid(tt.id, 2)
    const id = `dp_${unique('l').replace(/-/g, '')}`
    await dispute(pi, 'needs_response', id)
    await dispute(pi, 'lost', id)
    expect((await orderRow(order.id)).dispute_status).toBe('lost')
    expect(await ticketStatuses(order.id)).toEqual(['void', 'void'])
    expect(await soldOf(tt.id)).toBe(0)
    expect(await webhookTypes(order.id)).toEqual(['order.completed', 'order.disputed', 'order.disputed'])
  })
})

describe('cancelling without Stripe', () => {
  it('lets the organizer cancel a free order, and the buyer only before the cut-off', async () => {
    const ev = String((await makeEvent(payload, organizer.id, { buyerCancellationHours: 24 })).id)
    const tt = await makeTicketType(payload, ev, { price: 0, capacity: 3 })
    const buyerToken = await api.login(buyer.email, 'Correct-Horse-9')
    const mine = (await buy(tt.id, 1, {}, buyerToken)).order
    const other = (await buy(tt.id, 1)).order
    expect(await soldOf(tt.id)).toBe(2)
    const stranger = await makeUser(payload, 'organizer')
    expect((await api.post(`/orders/${other.id}/cancel`, {}, await api.login(stranger.email, 'Correct-Horse-9'))).status).toBe(404)
    expect((await api.post(`/orders/${other.id}/cancel`, {}, buyerToken)).status).toBe(404)
    expect((await api.post(`/orders/${other.id}/cancel`, {})).status).toBe(401)
    expect((await api.post(`/orders/${other.id}/cancel`, {}, orgToken)).body).toMatchObject({ order: { status: 'cancelled' } })
    expect((await api.post(`/orders/${mine.id}/cancel`, {}, buyerToken)).body).toMatchObject({ order: { status: 'cancelled' } })
    expect(await soldOf(tt.id)).toBe(0)
    expect((await api.post(`/orders/${mine.id}/cancel`, {}, buyerToken)).body.error).toBe('not_cancellable')
    // Past the cut-off the buyer cannot; the organizer still can.
    await pool.query(`UPDATE events SET start_date = now() + interval '2 hours' WHERE id = $1`, [ev])
    const late = (await buy(tt.id, 1, {}, buyerToken)).order
    expect((await api.post(`/orders/${late.id}/cancel`, {}, buyerToken)).status).toBe(403)
    expect((await api.post(`/orders/${late.id}/cancel`, {}, orgToken)).status).toBe(200)
    // A paid order is refunded, not cancelled.
    const paidTt = await makeTicketType(payload, eventId, { price: 1000 })
    const p = await paid(paidTt.id, 1)
    expect((await api.post(`/orders/${p.order.id}/cancel`, {}, orgToken)).body.error).toBe('not_cancellable')
  })
})

describe('cancelling an event', () => {
  it('stops sales at once and refunds 30 paid orders exactly once, even with the job running twice at the same time', async () => {
    const ev = String((await makeEvent(payload, organizer.id)).id)
    const tt = await makeTicketType(payload, ev, { capacity: 100, price: 1200 })
    const free = await makeTicketType(payload, ev, { capacity: 10, price: 0 })
    const orders = []
    for (let i = 0; i < 30; i++) orders.push(await paid(tt.id, 1 + (i % 2)))
    const freeOrder = (await buy(free.id, 1)).order
    const unpaid = await buy(tt.id, 1)
    await payload.update({ collection: 'events', id: ev, data: { status: 'cancelled' }, overrideAccess: true })
    expect((await api.post('/checkout/holds', { items: [{ ticketType: String(tt.id), quantity: 1 }] })).body.error).toBe('not_on_sale')
    const [a, b] = await Promise.all([cancelEventOrders(pool, ev), cancelEventOrders(pool, ev)])
    expect(a.refunds + b.refunds).toBe(30)
    // The queued job finds nothing left to do and reports the event done.
    const ran = await payload.jobs.run({ limit: 20 })
    expect(Object.values(ran.jobStatus ?? {}).map((s) => s.status)).toContain('success')
    for (const o of orders) {
      expect(refundsIn(o.pi)).toEqual([o.order.total])
      expect((await orderRow(o.order.id)).status).toBe('refunded')
    }
    expect((await orderRow(freeOrder.id)).status).toBe('cancelled')
    expect((await orderRow(unpaid.order.id)).status).toBe('cancelled')
    expect(stripe.intents.get(unpaid.pi)!.status).toBe('canceled')
    const event = await payload.findByID({ collection: 'events', id: ev, overrideAccess: true })
    expect([event.cancellationStatus, event.cancellationOrders, event.cancellationOrdersDone]).toEqual(['done', 31, 31])
    expect(
      Number(
        (await pool.query(`SELECT count(*) FROM refunds r JOIN orders o ON o.id = r.order_id WHERE o.event_id = $1`, [ev])).rows[0].count,
      ),
    ).toBe(30)
    expect(
      Number((await pool.query(`SELECT count(*) FROM notifications WHERE event_id = $1 AND kind = 'event_cancelled'`, [ev])).rows[0].count),
    ).toBe(31)
    expect(await soldOf(tt.id)).toBe(0)
  })
})

describe('the confirmation e-mail', () => {
  it('goes through the jobs queue, is retried when the mail server fails, and names the date, time and zone, the venue and every code with its QR image', async () => {
    const venue = await payload.create({
      collection: 'venues',
      data: {
        name: 'Palais Test',
        address: '1 Rue de Rivoli',
        city: 'Paris',
        postalCode: '75001',
        country: 'France',
        capacity: 500,
      } as never,
      overrideAccess: true,
    })
    const ev = String(
      (
        await makeEvent(payload, organizer.id, {
          venue: venue.id,
          startDate: '2030-05-01T18:00:00Z',
          endDate: '2030-05-01T22:00:00Z',
          timeZone: 'Europe/Paris',
        })
      ).id,
    )
    const tt = await makeTicketType(payload, ev, { price: 0 })
    // Earlier tests' mail is out of the way first.
    while ((await sendNotifications(payload, pool, 100)).sent > 0);
    const { order } = await buy(tt.id, 2)
    const row = await orderRow(order.id)
    // The mail server is down for the first attempt.
    const sendEmail = payload.sendEmail
    payload.sendEmail = async () => {
      throw new Error('connect ECONNREFUSED')
    }
    await payload.jobs.run({ queue: 'transactional' })
    payload.sendEmail = sendEmail
    const n = (
      await pool.query(`SELECT status, attempts, last_error FROM notifications WHERE dedupe_key = $1`, [`order_confirmation:${order.id}`])
    ).rows[0]
    expect([n.status, Number(n.attempts), n.last_error]).toEqual(['pending', 1, 'connect ECONNREFUSED'])
    await pool.query(`UPDATE notifications SET next_attempt_at = now() WHERE dedupe_key = $1`, [`order_confirmation:${order.id}`])
    await payload.jobs.queue({ task: 'sendNotifications', input: {} })
    await payload.jobs.run({ limit: 10 })
    const mails = readOutbox(outbox).filter((m) => m.to === row.billing_email)
    expect(mails).toHaveLength(1)
    const text = mails[0].text ?? ''
    expect(text).toContain('Wednesday, 1 May 2030, 20:00–00:00 Central European Summer Time (Europe/Paris)')
    expect(text).toContain('Palais Test, 1 Rue de Rivoli, 75001 Paris, France')
    const codes: string[] = (await pool.query(`SELECT code FROM tickets WHERE order_id = $1`, [order.id])).rows.map((t) => t.code)
    expect(codes).toHaveLength(2)
    for (const code of codes) expect(text).toContain(code)

    // Each ticket's QR code is in the e-mail as an inline PNG of that code, shown by the HTML by content id.
    const attachments = mails[0].attachments ?? []
    expect(attachments.map((a) => a.cid).sort()).toEqual(codes.map(qrContentId).sort())
    for (const code of codes) {
      expect(mails[0].html).toContain(`<img src="cid:${qrContentId(code)}"`)
      const png = attachments.find((a) => a.cid === qrContentId(code))!
      expect(png.contentType).toBe('image/png')
      expect(Buffer.from(png.contentBase64, 'base64').equals(await qrPng(code))).toBe(true)
      expect((await sharp(Buffer.from(png.contentBase64, 'base64')).metadata()).format).toBe('png')
    }

    // The same message through a real SMTP server arrives with the images inline (related parts).
    const smtp = await startSmtpServer()
    try {
      const row = (await pool.query(`SELECT * FROM notifications WHERE dedupe_key = $1`, [`order_confirmation:${order.id}`])).rows[0]
      const message = await renderNotification(pool, row)
      await nodemailer.createTransport(smtp.url).sendMail({ from: 'tickets@fashionistas.local', ...message })
      expect(smtp.received).toHaveLength(1)
      const got = smtp.received[0].attachments
      expect(got.map((a) => [a.cid, a.contentType, a.related]).sort()).toEqual(codes.map((c) => [qrContentId(c), 'image/png', true]).sort())
      for (const code of codes) expect(got.find((a) => a.cid === qrContentId(code))!.content.equals(await qrPng(code))).toBe(true)
    } finally {
      await smtp.close()
    }
  })
})

describe('organizers are fenced to their own events', () => {
  it("refuses another organizer's code on an event, and scopes an organizer's 'all' to their own events", async () => {
    const other = await makeUser(payload, 'organizer')
    const otherToken = await api.login(other.email, 'Correct-Horse-9')
    const created = await api.post(
      '/discount-codes',
      {
        code: unique('FREE')
          .replace(/[^A-Za-z0-9-]/g, '')
          .slice(0, 30),
        kind: 'percentage',
        value: 100,
        appliesTo: 'all',
      },
      otherToken,
    )
    expect(created.status).toBe(201)
    expect(created.body.doc.organizer.id).toBe(other.id)
    const theirEvent = String((await makeEvent(payload, other.id)).id)
    const mine = await makeTicketType(payload, eventId, { price: 1000 })
    const h = await hold(mine.id, 1)
    const refused = await api.post('/checkout/orders', {
      hold: h.id,
      token: h.token,
      discountCode: created.body.doc.code,
      billing: { email: 'x@test.local', name: 'X' },
    })
    expect([refused.status, refused.body.error, refused.body.reason]).toEqual([422, 'invalid_discount', 'not_applicable'])
    const theirs = await makeTicketType(payload, theirEvent, { price: 1000 })
    const h2 = await hold(theirs.id, 1)
    const ok = await api.post('/checkout/orders', {
      hold: h2.id,
      token: h2.token,
      discountCode: created.body.doc.code,
      billing: { email: 'y@test.local', name: 'Y' },
    })
    expect(ok.body.order).toMatchObject({ total: 0, status: 'completed' })
    // Naming someone else's event, or making a platform-wide code, is refused.
    expect(
      (
        await api.post(
          '/discount-codes',
          {
            code: unique('STEAL')
              .replace(/[^A-Za-z0-9-]/g, '')
              .slice(0, 30),
            kind: 'percentage',
            value: 100,
            appliesTo: 'events',
            events: [eventId],
          },
          otherToken,
        )
      ).status,
    ).toBe(403)
    const sneaky = await api.post(
      '/discount-codes',
      {
        code: unique('PLAT')
          .replace(/[^A-Za-z0-9-]/g, '')
          .slice(0, 30),
        kind: 'percentage',
        value: 100,
        organizer: null,
      },
      otherToken,
    )
    expect(sneaky.body.doc.organizer.id).toBe(other.id)
  })

  it('applies amounts only in their currency', async () => {
    const usd = await makeTicketType(payload, eventId, { price: 5000, currency: 'USD' })
    const tryCode = async (spec: Record<string, unknown>) => {
      const code = await makeCode(payload, spec)
      const h = await hold(usd.id, 1)
      return (
        await api.post('/checkout/orders', {
          hold: h.id,
          token: h.token,
          discountCode: code.code,
          billing: { email: 'c@test.local', name: 'C' },
        })
      ).body
    }
    expect((await tryCode({ kind: 'fixed', value: 500 })).reason).toBe('not_applicable') // no currency: EUR
    expect((await tryCode({ kind: 'percentage', value: 10, minimumOrder: 1000 })).reason).toBe('not_applicable')
    expect((await tryCode({ kind: 'fixed', value: 500, currency: 'usd' })).order).toMatchObject({ discount: 500, currency: 'USD' })
    expect((await tryCode({ kind: 'percentage', value: 10 })).order).toMatchObject({ discount: 500 })
  })
})

describe('a refund Stripe refuses outright (review finding 5)', () => {
  it('before the event: nothing says refunded; the amount is refundable again and the tickets are valid again; the organizer is told', async () => {
    const tt = await makeTicketType(payload, eventId, { capacity: 5, price: 2500 })
    const { order, pi } = await paid(tt.id, 2)
    stripe.refuseRefunds.add(pi)
    const res = await api.post(`/orders/${order.id}/refund`, {}, orgToken)
    expect(res.body.refund.status).toBe('failed')
    const row = await orderRow(order.id)
    expect([row.status, Number(row.refunded_amount)]).toEqual(['completed', 0])
    expect(await ticketStatuses(order.id)).toEqual(['valid', 'valid'])
    expect(await soldOf(tt.id)).toBe(2)
    expect(refundsIn(pi)).toEqual([])
    const { rows: refunds } = await pool.query(`SELECT status, last_error FROM refunds WHERE order_id = $1`, [order.id])
    expect(refunds.map((r) => r.status)).toEqual(['failed'])
    expect(refunds[0].last_error).toMatch(/refund refused/)
    const { rows: told } = await pool.query(`SELECT recipient FROM notifications WHERE kind = 'refund_failed' AND order_id = $1`, [
      order.id,
    ])
    expect(told.map((t) => t.recipient)).toEqual([organizer.email])
    // Stripe accepts again: the same order refunds in full.
    stripe.refuseRefunds.delete(pi)
    const again = await api.post(`/orders/${order.id}/refund`, {}, orgToken)
    expect([again.body.refund.status, again.body.order.status]).toEqual(['succeeded', 'refunded'])
    expect(refundsIn(pi)).toEqual([5000])
  })

  it('once the event has started: the order is refund_failed (visible), the tickets stay void, and the admin can refund it again', async () => {
    const started = String(
      (
        await makeEvent(payload, organizer.id, {
          startDate: new Date(Date.now() - 3600_000).toISOString(),
          endDate: '2030-01-01T00:00:00Z',
        })
      ).id,
    )
    const tt = await makeTicketType(payload, started, { capacity: 5, price: 1500 })
    const { order, pi } = await paid(tt.id, 1)
    stripe.refuseRefunds.add(pi)
    expect((await api.post(`/orders/${order.id}/refund`, {}, orgToken)).body.refund.status).toBe('failed')
    const row = await orderRow(order.id)
    expect([row.status, Number(row.refunded_amount)]).toEqual(['refund_failed', 0])
    expect(await ticketStatuses(order.id)).toEqual(['void'])
    stripe.refuseRefunds.delete(pi)
    const again = await api.post(`/orders/${order.id}/refund`, {}, orgToken)
    expect([again.status, again.body.order.status]).toEqual([202, 'refunded'])
    expect(refundsIn(pi)).toEqual([1500])
  })

  it('a second full refund of a refunded order is 409 not_refundable: no refund row, no call to Stripe', async () => {
    const tt = await makeTicketType(payload, eventId, { capacity: 5, price: 1000 })
    const { order, pi } = await paid(tt.id, 1)
    expect((await api.post(`/orders/${order.id}/refund`, {}, orgToken)).body.order.status).toBe('refunded')
    const calls = stripe.requests.filter((r) => r.path === '/v1/refunds').length
    // The order is refunded: the status check answers first. Make the status look refundable to reach refundInTx's own guard.
    await pool.query(`UPDATE orders SET status = 'partially_refunded' WHERE id = $1`, [order.id])
    const second = await api.post(`/orders/${order.id}/refund`, {}, orgToken)
    expect([second.status, second.body.error]).toEqual([409, 'not_refundable'])
    expect((await pool.query(`SELECT count(*)::int AS n FROM refunds WHERE order_id = $1`, [order.id])).rows[0].n).toBe(1)
    expect(stripe.requests.filter((r) => r.path === '/v1/refunds').length).toBe(calls)
  })
})

describe('discount uses are the count of redemptions on every path (review finding 6)', () => {
  const used = async (id: unknown) =>
    Number((await pool.query(`SELECT times_used FROM discount_codes WHERE id = $1`, [id])).rows[0].times_used)
  const redemptions = async (id: unknown) =>
    Number((await pool.query(`SELECT count(*) FROM discount_redemptions WHERE discount_code_id = $1`, [id])).rows[0].count)

  it('a late payment refunded unfulfilled gives its use back', async () => {
    const tt = await makeTicketType(payload, eventId, { capacity: 1, price: 4000 })
    const code = await makeCode(payload, { usageLimit: 5 })
    const { order, pi } = await buy(tt.id, 1, { discountCode: code.code })
    expect([await used(code.id), await redemptions(code.id)]).toEqual([1, 1])
    await lapse(order.id)
    await expireCheckouts(pool)
    expect([await used(code.id), await redemptions(code.id)]).toEqual([0, 0])
    await hold(tt.id, 1) // the seat went to someone else
    await stripeClient().paymentIntents.confirm(pi, { payment_method: 'pm_card_visa' })
    expect(await outcomeOf(order.id)).toBe('refunded_unfulfilled')
    expect([await used(code.id), await redemptions(code.id)]).toEqual([0, 0])
  })

  it('a late payment re-reserves with the buyer key: a one-per-buyer code is not used twice by the same buyer', async () => {
    const tt = await makeTicketType(payload, eventId, { capacity: 5, price: 4000 })
    const code = await makeCode(payload, { onePerBuyer: true })
    const email = `${unique('once')}@test.local`
    const first = await hold(tt.id, 1)
    const a = await api.post('/checkout/orders', {
      hold: first.id,
      token: first.token,
      billing: { email, name: 'Once' },
      discountCode: code.code,
    })
    expect(a.status).toBe(201)
    await lapse(a.body.order.id)
    await expireCheckouts(pool)
    // The use was given back: the same buyer uses the code on a second order, and pays it.
    const second = await hold(tt.id, 1)
    const b = await api.post('/checkout/orders', {
      hold: second.id,
      token: second.token,
      billing: { email, name: 'Once' },
      discountCode: code.code,
    })
    expect(b.status).toBe(201)
    // The first order's payment arrives late: it may not take the code a second time.
    await stripeClient().paymentIntents.confirm(a.body.payment.paymentIntent, { payment_method: 'pm_card_visa' })
    expect(await outcomeOf(a.body.order.id)).toBe('refunded_unfulfilled')
    const { rows } = await pool.query(`SELECT buyer_key FROM discount_redemptions WHERE discount_code_id = $1`, [code.id])
    expect(rows).toHaveLength(1)
    expect(rows[0].buyer_key).toBeTruthy()
    expect([await used(code.id), await redemptions(code.id)]).toEqual([1, 1])
  })
})
