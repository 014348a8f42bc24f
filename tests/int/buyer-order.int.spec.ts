/**
 * What a buyer's browser may do with its order and hold by the hold token alone (no account):
 * read the order and its tickets, read the hold, and, in local demo mode only, pay through the
 * Stripe fake. A wrong token is refused; with a real Stripe key the demo step does not exist.
 * And "my tickets" finds a person's tickets by account and by e-mail.
 */
import type { Payload } from 'payload'
import type { Pool } from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { poolOf } from '../../src/db/pool'
import type { FakeStripe } from '../../src/dev/fakeStripe'
import { holdForHolder } from '../../src/domain/ticketing/buyerOrder'
import { myTickets } from '../../src/domain/ticketing/myTickets'
import { closePayload, getTestPayload, makeUser, unique, type TestUser } from '../helpers/payload'
import { apiClient, type Api } from '../helpers/rest'
import { startStripeFor } from '../helpers/stripe'
import { makeEvent, makeTicketType } from '../helpers/ticketing'

let payload: Payload
let api: Api
let db: Pool
let stripe: FakeStripe
let organizer: TestUser

beforeAll(async () => {
  stripe = await startStripeFor(() => api, 'whsec_buyer_order_tests')
  payload = await getTestPayload()
  api = apiClient(payload.config)
  db = poolOf(payload)
  organizer = await makeUser(payload, 'organizer')
})
afterAll(async () => {
  await closePayload(payload)
  await stripe.close()
})

async function pendingOrder(email: string) {
  const event = await makeEvent(payload, organizer.id)
  const tt = await makeTicketType(payload, String(event.id), { price: 4000 })
  const hold = await api.post('/checkout/holds', { items: [{ ticketType: String(tt.id), quantity: 2 }] })
  expect(hold.status).toBe(201)
  const order = await api.post('/checkout/orders', { hold: hold.body.id, token: hold.body.token, billing: { email, name: 'Bo Buyer' } })
  expect(order.status).toBe(201)
  return { hold: hold.body as { id: string; token: string }, order: order.body.order as { id: string } }
}

describe('the buyer’s order by hold token', () => {
  it('pays in demo mode and then shows the tickets; a wrong token is refused at every step', async () => {
    const { hold, order } = await pendingOrder(`${unique('bo')}@example.com`)
    const wrong = 'x'.repeat(43)
    expect((await api.call('GET', `/checkout/orders/${order.id}`, { headers: { 'x-hold-token': wrong } })).status).toBe(403)
    expect((await api.post(`/checkout/orders/${order.id}/demo-pay`, { token: wrong })).status).toBe(403)
    expect((await api.post(`/checkout/orders/${order.id}/demo-pay`, {})).status).toBe(400)
    const before = await api.call('GET', `/checkout/orders/${order.id}`, { headers: { 'x-hold-token': hold.token } })
    expect(before.body).toMatchObject({ status: 'pending', total: 8000, tickets: [] })
    const paid = await api.post(`/checkout/orders/${order.id}/demo-pay`, { token: hold.token })
    expect(paid.status).toBe(200)
    expect(paid.body.status).toBe('succeeded')
    const after = await api.call('GET', `/checkout/orders/${order.id}`, { headers: { 'x-hold-token': hold.token } })
    expect(after.body.status).toBe('completed')
    expect(after.body.tickets).toHaveLength(2)
    // Paid once: a second demo payment has nothing to pay.
    expect((await api.post(`/checkout/orders/${order.id}/demo-pay`, { token: hold.token })).body.error).toBe('not_payable')
  })

  it('has no demo payment when a real Stripe key is configured', async () => {
    const { hold, order } = await pendingOrder(`${unique('bo')}@example.com`)
    const saved = process.env.STRIPE_SECRET_KEY
    process.env.STRIPE_SECRET_KEY = 'sk_live_not_the_demo_key'
    try {
      const res = await api.post(`/checkout/orders/${order.id}/demo-pay`, { token: hold.token })
      expect([res.status, res.body.error]).toEqual([404, 'demo_payments_off'])
    } finally {
      if (saved === undefined) delete process.env.STRIPE_SECRET_KEY
      else process.env.STRIPE_SECRET_KEY = saved
    }
  })

  it('reads a hold for its holder only', async () => {
    const event = await makeEvent(payload, organizer.id)
    const tt = await makeTicketType(payload, String(event.id), { price: 1000, name: 'Standing' })
    const hold = (await api.post('/checkout/holds', { items: [{ ticketType: String(tt.id), quantity: 3 }] })).body
    const seen = await holdForHolder(db, hold.id, hold.token)
    expect(seen).toMatchObject({ live: true, items: [{ name: 'Standing', quantity: 3, price: 1000, seated: false, seats: [] }] })
    await expect(holdForHolder(db, hold.id, 'y'.repeat(43))).rejects.toMatchObject({ code: 'forbidden' })
  })
})

describe('my tickets', () => {
  it('finds a person’s tickets by account and by their verified e-mail, and nobody else’s', async () => {
    const me = await makeUser(payload, 'attendee', { emailVerified: true })
    const someone = await makeUser(payload, 'attendee', { emailVerified: true })
    const event = await makeEvent(payload, organizer.id)
    const tt = await makeTicketType(payload, String(event.id), { price: 0 })
    const buy = async (email: string, token?: string) => {
      const hold = (await api.post('/checkout/holds', { items: [{ ticketType: String(tt.id), quantity: 1 }] })).body
      return api.post('/checkout/orders', { hold: hold.id, token: hold.token, billing: { email, name: 'N' } }, token)
    }
    const myToken = await api.login(me.email, 'Correct-Horse-9')
    await buy('gift-for-me@example.com', myToken) // bought while signed in, for another address
    await buy(me.email.toUpperCase()) // bought anonymously with my address
    await buy(someone.email)
    const mine = await myTickets(db, me.id)
    expect(mine).toHaveLength(2)
    expect(mine.every((t) => t.event.id === String(event.id) && t.status === 'valid')).toBe(true)
    expect(await myTickets(db, someone.id)).toHaveLength(1)
  })

  it('an unverified account with a guest buyer’s e-mail sees none of the guest’s tickets (review finding 2)', async () => {
    const event = await makeEvent(payload, organizer.id)
    const tt = await makeTicketType(payload, String(event.id), { price: 0 })
    const guest = `${unique('guest')}@example.com`
    const hold = (await api.post('/checkout/holds', { items: [{ ticketType: String(tt.id), quantity: 1 }] })).body
    expect(
      (await api.post('/checkout/orders', { hold: hold.id, token: hold.token, billing: { email: guest, name: 'Guest' } })).status,
    ).toBe(201)
    // A stranger signs up with the guest's address and does not open the verification link.
    const signup = await api.post('/users', { email: guest, password: 'Correct-Horse-9', fullName: 'Stranger' })
    expect(signup.status).toBe(201)
    const stranger = String(signup.body.doc.id)
    expect(await myTickets(db, stranger)).toEqual([])
    const token = await api.login(guest, 'Correct-Horse-9')
    const exported = await api.get('/privacy/export', token)
    expect([exported.status, exported.body.orders, exported.body.tickets]).toEqual([200, [], []])
    // Once the address is verified (the link was opened by whoever reads that mailbox), the purchase is theirs.
    await db.query(`UPDATE users SET email_verified = true WHERE id = $1`, [stranger])
    expect(await myTickets(db, stranger)).toHaveLength(1)
  })
})
