/**
 * Reserved seating on real PostgreSQL: the seat inventory snapshot, seat prices, seat holds
 * under races (named seats and best-available pairs), every way a seat comes back (expiry,
 * release, a failed order, a refund through the Stripe fake, a cancellation), tickets that name
 * their seat, the public seat map with its ETag, and the organizer's blocking, allowed and
 * denied.
 */
import os from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'
import type { Pool } from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { poolOf } from '../../src/db/pool'
import { cancelOrder } from '../../src/domain/ticketing/cancellation'
import { createHold, eventAvailability, releaseHold, type HoldResult } from '../../src/domain/ticketing/holds'
import { abandonOrder, createOrder } from '../../src/domain/ticketing/orders'
import { expireCheckouts } from '../../src/domain/ticketing/paymentEvents'
import { sendNotifications } from '../../src/domain/ticketing/notifications'
import { stripeClient } from '../../src/domain/ticketing/payments'
import { sectionPriceOf } from '../../src/domain/ticketing/seating'
import type { FakeStripe } from '../../src/dev/fakeStripe'
import { readOutbox } from '../../src/email/outboxAdapter'
import { closePayload, getTestPayload, makeUser, unique, type TestUser } from '../helpers/payload'
import { apiClient, type Api } from '../helpers/rest'
import { startStripeFor } from '../helpers/stripe'
import { makeEvent, makeSection, makeTicketType, makeVenue } from '../helpers/ticketing'

let payload: Payload
let api: Api
let db: Pool
let stripe: FakeStripe
let organizer: TestUser
let orgToken: string
const outbox = path.join(os.tmpdir(), `fsh-seating-${process.pid}-${Date.now()}`)
const SECRET = 'whsec_seating_tests'

beforeAll(async () => {
  process.env.MAIL_OUTBOX_DIR = outbox
  stripe = await startStripeFor(() => api, SECRET)
  payload = await getTestPayload()
  api = apiClient(payload.config)
  db = poolOf(payload)
  organizer = await makeUser(payload, 'organizer')
  orgToken = await api.login(organizer.email, 'Correct-Horse-9')
})
afterAll(async () => {
  await closePayload(payload)
  await stripe.close()
})

/**
 * A venue managed by the organizer with a front row (2 rows of 10, multiplier 2.5) and a
 * balcony (4 rows of 10), seats generated through the API, and a published event with
 * seating on selling both sections plus a general-admission type.
 */
async function seatedEvent(opts: { price?: number; frontPrice?: number } = {}) {
  const venue = await makeVenue(payload, organizer.id)
  const section = (name: string, capacity: number, priceMultiplier: number, y: number) =>
    makeSection(payload, venue.id, { name, capacity, priceMultiplier, coordinates: { x: 0, y, w: 300, h: 200 } })
  const front = await section('Front Row', 20, 2.5, 0)
  const balcony = await section('Balcony', 40, 1, 200)
  for (const [s, rows] of [
    [front, 2],
    [balcony, 4],
  ] as const) {
    const res = await api.post(`/venue-sections/${s.id}/generate-seats`, { rows, seatsPerRow: 10 }, orgToken)
    expect(res.status).toBe(201)
    expect(res.body).toEqual({ created: rows * 10, seats: rows * 10 })
  }
  const event = await makeEvent(payload, organizer.id, { venue: venue.id, holdLimit: 1000 })
  const price = opts.price ?? 4000
  const frontType = await makeTicketType(payload, String(event.id), {
    name: 'Front row',
    price,
    capacity: 1,
    venueSection: front.id,
    ...(opts.frontPrice != null ? { sectionPrice: opts.frontPrice } : {}),
  })
  const balconyType = await makeTicketType(payload, String(event.id), { name: 'Balcony', price, capacity: 1, venueSection: balcony.id })
  const standing = await makeTicketType(payload, String(event.id), { name: 'Standing', price, capacity: 30 })
  await payload.update({ collection: 'events', id: event.id, data: { seating: true } as never, overrideAccess: true, depth: 0 })
  const seats = async (tt: unknown) =>
    (
      await db.query<{ id: string; row_name: string; seat_number: string; x: string; y: string }>(
        `SELECT id, row_name, seat_number, x, y FROM event_seats WHERE ticket_type_id = $1 ORDER BY row_name, x`,
        [String(tt)],
      )
    ).rows
  return {
    eventId: String(event.id),
    venueId: String(venue.id),
    front: String(frontType.id),
    balcony: String(balconyType.id),
    standing: String(standing.id),
    frontSeats: await seats(frontType.id),
    balconySeats: await seats(balconyType.id),
  }
}

const seatStatus = async (id: string) =>
  (await db.query(`SELECT status::text FROM event_seats WHERE id = $1`, [id])).rows[0].status as string
const billing = { email: 'seat@example.com', name: 'Sam Seat' }
const codeOf = (err: unknown) => (err as { code?: string }).code ?? String(err)

describe('the seat inventory', () => {
  it('copies the venue’s seats when seating is turned on, prices and sizes each seated ticket type', async () => {
    const ev = await seatedEvent({ price: 3999 })
    expect(ev.frontSeats).toHaveLength(20)
    expect(ev.balconySeats).toHaveLength(40)
    const { rows } = await db.query(`SELECT id, capacity, seat_price FROM ticket_types WHERE event_id = $1 ORDER BY name`, [ev.eventId])
    const byId = Object.fromEntries(rows.map((r) => [r.id, r]))
    // 3999 x 2.5 = 9997.5, rounded half-up to 9998.
    expect(sectionPriceOf(3999, 2.5)).toBe(9998)
    expect(Number(byId[ev.front].seat_price)).toBe(9998)
    expect(Number(byId[ev.front].capacity)).toBe(20)
    expect(Number(byId[ev.balcony].seat_price)).toBe(3999)
    expect(Number(byId[ev.balcony].capacity)).toBe(40)
    expect(byId[ev.standing].seat_price).toBeNull()
    expect(Number(byId[ev.standing].capacity)).toBe(30)
    const avail = await eventAvailability(db, ev.eventId, new Date())
    expect(avail.find((a) => a.id === ev.front)).toMatchObject({ price: 9998, available: 20, seated: true })
    expect(avail.find((a) => a.id === ev.standing)).toMatchObject({ price: 3999, available: 30, seated: false })
  })

  it('uses the organizer’s section price when set', async () => {
    const ev = await seatedEvent({ frontPrice: 15000 })
    const { rows } = await db.query(`SELECT seat_price FROM ticket_types WHERE id = $1`, [ev.front])
    expect(Number(rows[0].seat_price)).toBe(15000)
  })

  it('keeps sold seats when the venue changes later, and refuses to turn seating off while seats are sold', async () => {
    const ev = await seatedEvent({ price: 0 })
    const h = await createHold(db, { items: [{ ticketType: ev.front, seats: [ev.frontSeats[0].id] }] }, new Date())
    await createOrder(db, { hold: h.id, token: h.token, billing }, new Date())
    // The venue's seat is renamed; the event's snapshot is not.
    await db.query(`UPDATE venue_seats SET row_name = 'Z' WHERE id = (SELECT venue_seat_id FROM event_seats WHERE id = $1)`, [
      ev.frontSeats[0].id,
    ])
    expect((await db.query(`SELECT row_name FROM event_seats WHERE id = $1`, [ev.frontSeats[0].id])).rows[0].row_name).toBe('A')
    const off = await api.patch(`/events/${ev.eventId}`, { seating: false }, orgToken)
    expect(off.status).toBe(400)
    expect(JSON.stringify(off.body)).toContain('1 seats of this event are held or sold')
  })
})

describe('holding seats', () => {
  it('gives 5 seats to exactly 5 of 200 buyers racing for them; the rest get seat_taken and hold nothing', async () => {
    const ev = await seatedEvent()
    const five = ev.frontSeats.slice(0, 5).map((s) => s.id)
    const results = await Promise.allSettled(
      Array.from({ length: 200 }, (_, i) => createHold(db, { items: [{ ticketType: ev.front, seats: [five[i % 5]] }] }, new Date())),
    )
    const granted = results.filter((r): r is PromiseFulfilledResult<HoldResult> => r.status === 'fulfilled')
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => codeOf(r.reason))
    expect(granted).toHaveLength(5)
    expect(refused).toEqual(Array(195).fill('seat_taken'))
    expect(new Set(granted.map((g) => g.value.items[0].seats![0].id))).toEqual(new Set(five))
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM holds WHERE ticket_type_id = $1 AND status = 'active'`, [ev.front])
    expect(rows[0].n).toBe(5)
    const { rows: tt } = await db.query(`SELECT held::int FROM ticket_types WHERE id = $1`, [ev.front])
    expect(tt[0].held).toBe(5)
  })

  it('holds several seats all or nothing, in seat-id order (no deadlock between overlapping requests)', async () => {
    const ev = await seatedEvent()
    const ids = ev.frontSeats.map((s) => s.id)
    // 60 requests of 3 overlapping seats each, named in shuffled order.
    const results = await Promise.allSettled(
      Array.from({ length: 60 }, (_, i) => {
        const set = [ids[i % 18], ids[(i % 18) + 1], ids[(i % 18) + 2]].sort(() => Math.random() - 0.5)
        return createHold(db, { items: [{ ticketType: ev.front, seats: set }] }, new Date())
      }),
    )
    const refusals = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => codeOf(r.reason))
    // Refused because a named seat is taken, or (once all 20 are held) because none is left: never a deadlock or an error.
    expect(refusals.filter((c) => c !== 'seat_taken' && c !== 'sold_out')).toEqual([])
    const granted = results.filter((r): r is PromiseFulfilledResult<HoldResult> => r.status === 'fulfilled').map((r) => r.value)
    const seats = granted.flatMap((g) => g.items[0].seats!.map((s) => s.id))
    expect(new Set(seats).size).toBe(seats.length)
    expect(granted.length).toBeGreaterThan(0)
    // Every seat of a refused request that nobody else holds is still available: nothing half-held.
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM event_seats WHERE ticket_type_id = $1 AND status = 'held'`, [ev.front])
    expect(rows[0].n).toBe(seats.length)
  })

  it('seats 50 buyers asking best-available pairs in a 40-seat section: 20 pairs side by side, never a seat twice', async () => {
    const ev = await seatedEvent()
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, () => createHold(db, { items: [{ ticketType: ev.balcony, quantity: 2, together: true }] }, new Date())),
    )
    const granted = results.filter((r): r is PromiseFulfilledResult<HoldResult> => r.status === 'fulfilled').map((r) => r.value)
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => codeOf(r.reason))
    expect(granted).toHaveLength(20)
    expect(refused).toEqual(Array(30).fill('sold_out'))
    const seats = granted.flatMap((g) => g.items[0].seats!)
    expect(new Set(seats.map((s) => s.id)).size).toBe(40)
    const pos = new Map(ev.balconySeats.map((s) => [s.id, s]))
    for (const g of granted) {
      const [a, b] = g.items[0].seats!.map((s) => pos.get(s.id)!)
      expect(a.row_name).toBe(b.row_name)
      expect(Math.abs(Number(a.x) - Number(b.x))).toBe(30)
    }
    // The first pair went to row A (nearest the stage), in its middle (seats 5 and 6).
    const fresh = await seatedEvent()
    const first = await createHold(db, { items: [{ ticketType: fresh.front, quantity: 2, together: true }] }, new Date())
    expect(first.items[0].seats!.map((s) => s.label).sort()).toEqual(['A-5', 'A-6'])
  })

  it('answers no_adjacent_seats when only single seats are left, and not_seated for seats of a standing type', async () => {
    const ev = await seatedEvent()
    // Take every other seat of the front row.
    const odd = ev.frontSeats.filter((_, i) => i % 2 === 0).map((s) => s.id)
    await createHold(db, { items: [{ ticketType: ev.front, seats: odd }] }, new Date())
    await expect(createHold(db, { items: [{ ticketType: ev.front, quantity: 2, together: true }] }, new Date())).rejects.toMatchObject({
      code: 'no_adjacent_seats',
    })
    const apart = await createHold(db, { items: [{ ticketType: ev.front, quantity: 2 }] }, new Date())
    expect(apart.items[0].seats).toHaveLength(2)
    await expect(createHold(db, { items: [{ ticketType: ev.standing, seats: [ev.frontSeats[1].id] }] }, new Date())).rejects.toMatchObject({
      code: 'not_seated',
    })
    await expect(createHold(db, { items: [{ ticketType: ev.balcony, seats: [ev.frontSeats[1].id] }] }, new Date())).rejects.toMatchObject({
      code: 'unknown_seat',
    })
  })

  it('grants seats and standing tickets of one request together, or neither', async () => {
    const ev = await seatedEvent()
    const seat = ev.frontSeats[3].id
    await createHold(db, { items: [{ ticketType: ev.front, seats: [seat] }] }, new Date())
    await expect(
      createHold(
        db,
        {
          items: [
            { ticketType: ev.standing, quantity: 4 },
            { ticketType: ev.front, seats: [seat, ev.frontSeats[4].id] },
          ],
        },
        new Date(),
      ),
    ).rejects.toMatchObject({ code: 'seat_taken', details: { seats: [expect.objectContaining({ id: seat, label: 'A-4' })] } })
    const avail = await eventAvailability(db, ev.eventId, new Date())
    expect(avail.find((a) => a.id === ev.standing)!.available).toBe(30)
    expect(await seatStatus(ev.frontSeats[4].id)).toBe('available')
  })
})

describe('a seat comes back, exactly once', () => {
  /** Ten buyers race for the seat: exactly one gets it. */
  async function sellableOnce(ticketType: string, seat: string) {
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () => createHold(db, { items: [{ ticketType, seats: [seat] }] }, new Date())),
    )
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    expect(results.filter((r) => r.status === 'rejected').map((r) => codeOf((r as PromiseRejectedResult).reason))).toEqual(
      Array(9).fill('seat_taken'),
    )
  }

  it('after its hold expires', async () => {
    const ev = await seatedEvent()
    const seat = ev.frontSeats[0].id
    await createHold(db, { items: [{ ticketType: ev.front, seats: [seat] }] }, new Date(), 0.5 / 60)
    await new Promise((r) => setTimeout(r, 700))
    // The public map already reads it as available; the next hold sweeps the lapsed one.
    const map = await api.get(`/events/${ev.eventId}/seats`)
    expect(map.body.seats.find((s: { id: string }) => s.id === seat).status).toBe('available')
    await sellableOnce(ev.front, seat)
  })

  it('after its hold is released, and after the expiry job fails its unpaid order', async () => {
    const ev = await seatedEvent()
    const [a, b] = [ev.frontSeats[0].id, ev.frontSeats[1].id]
    const h = await createHold(db, { items: [{ ticketType: ev.front, seats: [a] }] }, new Date())
    await releaseHold(db, h.id, h.token)
    expect(await seatStatus(a)).toBe('available')
    await sellableOnce(ev.front, a)

    const h2 = await createHold(db, { items: [{ ticketType: ev.front, seats: [b] }] }, new Date())
    const order = await createOrder(db, { hold: h2.id, token: h2.token, billing }, new Date())
    await db.query(`UPDATE orders SET expires_at = now() - interval '1 minute' WHERE id = $1`, [order.id])
    await db.query(`UPDATE holds SET expires_at = now() - interval '1 minute' WHERE order_id = $1`, [order.id])
    await expireCheckouts(db)
    expect(await seatStatus(b)).toBe('available')
    await sellableOnce(ev.front, b)
  })

  it('after a failed payment start (once its kept hold ends), a refund through Stripe and a cancellation', async () => {
    const ev = await seatedEvent()
    const [a, b, c] = ev.frontSeats.slice(0, 3).map((s) => s.id)
    // A payment that could not start fails the order; the hold keeps the seat for a retry until it ends.
    const h = await createHold(db, { items: [{ ticketType: ev.front, seats: [a] }] }, new Date())
    const o = await createOrder(db, { hold: h.id, token: h.token, billing }, new Date())
    await abandonOrder(db, o.id)
    expect(await seatStatus(a)).toBe('held')
    await releaseHold(db, h.id, h.token)
    expect(await seatStatus(a)).toBe('available')

    // Paid through the fake, then refunded by the organizer: the ticket's seat is free again.
    const hb = await api.post('/checkout/holds', { items: [{ ticketType: ev.front, seats: [b] }] })
    expect(hb.status).toBe(201)
    const ob = await api.post('/checkout/orders', { hold: hb.body.id, token: hb.body.token, billing })
    expect(ob.status).toBe(201)
    await stripeClient().paymentIntents.confirm(ob.body.payment.paymentIntent, { payment_method: 'pm_card_visa' })
    expect(await seatStatus(b)).toBe('sold')
    const refund = await api.post(`/orders/${ob.body.order.id}/refund`, {}, orgToken)
    expect(refund.status).toBe(202)
    expect(await seatStatus(b)).toBe('available')
    await sellableOnce(ev.front, b)

    // A free seat, cancelled by the organizer.
    const free = await seatedEvent({ price: 0 })
    const seat = free.frontSeats[0].id
    const hf = await createHold(db, { items: [{ ticketType: free.front, seats: [seat] }] }, new Date())
    const of = await createOrder(db, { hold: hf.id, token: hf.token, billing }, new Date())
    expect(of.status).toBe('completed')
    const principal = { id: organizer.id, roles: ['organizer'], permissions: new Set(['orders:cancel-own']), superuser: false } as never
    await cancelOrder(db, of.id, principal)
    expect(await seatStatus(seat)).toBe('available')
    await sellableOnce(free.front, seat)
    void c
  })
})

describe('tickets name their seat', () => {
  it('in the confirmation e-mail, the ticket’s API and check-in’s answer', async () => {
    const ev = await seatedEvent({ price: 0 })
    const seat = ev.frontSeats[11] // row B, seat 2
    const h = await createHold(db, { items: [{ ticketType: ev.front, seats: [seat.id] }] }, new Date())
    const email = `${unique('seated')}@example.com`
    const o = await createOrder(db, { hold: h.id, token: h.token, billing: { email, name: 'Sam Seat' } }, new Date())
    while ((await sendNotifications(payload, db, 100)).sent > 0);
    const mail = readOutbox(outbox).filter((m) => m.to === email)
    expect(mail).toHaveLength(1)
    expect(mail[0].text).toContain('Front Row, row B, seat 2')
    expect(mail[0].html).toContain('Front Row, row B, seat 2')
    const { rows } = await db.query(
      `SELECT id, code, seat_section, seat_row, seat_number, event_seat_id FROM tickets WHERE order_id = $1`,
      [o.id],
    )
    expect(rows).toEqual([expect.objectContaining({ seat_section: 'Front Row', seat_row: 'B', seat_number: '2', event_seat_id: seat.id })])
    const ticket = await api.get(`/tickets/${rows[0].id}?depth=0`, orgToken)
    expect(ticket.body).toMatchObject({ seatSection: 'Front Row', seatRow: 'B', seatNumber: '2' })
    const checkIn = await api.post(`/tickets/check-in`, { code: rows[0].code, event: ev.eventId }, orgToken)
    expect(checkIn.status).toBe(200)
    expect(checkIn.body.seat).toEqual({ section: 'Front Row', row: 'B', number: '2' })
    expect(await seatStatus(seat.id)).toBe('sold')
  })
})

describe('the seat map', () => {
  it('is public, carries no buyer data, and its ETag changes when a seat’s status does', async () => {
    const ev = await seatedEvent()
    const first = await api.get(`/events/${ev.eventId}/seats`)
    expect(first.status).toBe(200)
    expect(first.headers.get('cache-control')).toBe('public, no-cache')
    expect(first.body.sections.map((s: { name: string; price: number }) => [s.name, s.price])).toEqual([
      ['Balcony', 4000],
      ['Front Row', 10000],
    ])
    expect(first.body.seats).toHaveLength(60)
    expect(Object.keys(first.body.seats[0]).sort()).toEqual(['accessible', 'id', 'label', 'number', 'row', 'section', 'status', 'x', 'y'])
    const etag = first.headers.get('etag')!
    expect((await api.call('GET', `/events/${ev.eventId}/seats`, { headers: { 'if-none-match': etag } })).status).toBe(304)
    await createHold(db, { items: [{ ticketType: ev.front, seats: [ev.frontSeats[0].id] }] }, new Date())
    const after = await api.call('GET', `/events/${ev.eventId}/seats`, { headers: { 'if-none-match': etag } })
    expect(after.status).toBe(200)
    expect(after.body.seats.find((s: { id: string }) => s.id === ev.frontSeats[0].id).status).toBe('held')
    expect((await api.get(`/events/not-a-uuid/seats`)).status).toBe(400)
  })

  it('lets the organizer block and unblock free seats (capacity follows); others are refused', async () => {
    const ev = await seatedEvent()
    const [a, b] = [ev.frontSeats[0].id, ev.frontSeats[1].id]
    await createHold(db, { items: [{ ticketType: ev.front, seats: [b] }] }, new Date())
    const res = await api.post(`/events/${ev.eventId}/seats/block`, { seats: [a, b], blocked: true }, orgToken)
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ changed: [a], unchanged: [{ id: b, status: 'held' }] })
    const cap = async () => Number((await db.query(`SELECT capacity FROM ticket_types WHERE id = $1`, [ev.front])).rows[0].capacity)
    expect(await cap()).toBe(19)
    await expect(createHold(db, { items: [{ ticketType: ev.front, seats: [a] }] }, new Date())).rejects.toMatchObject({
      code: 'seat_taken',
    })

    const other = await makeUser(payload, 'organizer')
    const otherToken = await api.login(other.email, 'Correct-Horse-9')
    const attendee = await makeUser(payload, 'attendee')
    const attendeeToken = await api.login(attendee.email, 'Correct-Horse-9')
    expect((await api.post(`/events/${ev.eventId}/seats/block`, { seats: [a], blocked: false }, otherToken)).status).toBe(403)
    expect((await api.post(`/events/${ev.eventId}/seats/block`, { seats: [a], blocked: false }, attendeeToken)).status).toBe(403)
    expect((await api.post(`/events/${ev.eventId}/seats/block`, { seats: [a], blocked: false })).status).toBe(401)
    expect((await api.post(`/events/${ev.eventId}/seats/block`, { seats: ['x'], blocked: false }, orgToken)).status).toBe(400)
    const unblock = await api.post(`/events/${ev.eventId}/seats/block`, { seats: [a], blocked: false }, orgToken)
    expect(unblock.body).toEqual({ changed: [a], unchanged: [] })
    expect(await cap()).toBe(20)

    // Who holds a seat: the organizer sees it, another organizer and the public do not.
    const holders = await api.get(`/events/${ev.eventId}/seats/holders`, orgToken)
    expect(holders.status).toBe(200)
    expect(holders.body.holders.map((h: { seat: string; status: string }) => [h.seat, h.status])).toEqual([[b, 'held']])
    expect((await api.get(`/events/${ev.eventId}/seats/holders`, otherToken)).status).toBe(403)
    expect((await api.get(`/events/${ev.eventId}/seats/holders`)).status).toBe(401)
    // The seat rows themselves: the organizer reads them, the public does not.
    expect((await api.get(`/event-seats?where[event][equals]=${ev.eventId}&limit=1`, orgToken)).body.totalDocs).toBe(60)
    expect((await api.get(`/event-seats?where[event][equals]=${ev.eventId}&limit=1`, otherToken)).body.totalDocs).toBe(0)
    expect((await api.get(`/event-seats?where[event][equals]=${ev.eventId}&limit=1`)).status).toBe(403)
  })
})

describe('holds over HTTP', () => {
  it('takes seats, best available and quantities; bad lines are 400s naming the field', async () => {
    const ev = await seatedEvent()
    const res = await api.post('/checkout/holds', {
      items: [
        { ticketType: ev.front, quantity: 2, together: true },
        { ticketType: ev.standing, quantity: 1 },
      ],
    })
    expect(res.status).toBe(201)
    const front = res.body.items.find((i: { ticketType: string }) => i.ticketType === ev.front)
    expect(front.seats.map((s: { label: string }) => s.label).sort()).toEqual(['A-5', 'A-6'])
    const taken = await api.post('/checkout/holds', { items: [{ ticketType: ev.front, seats: [front.seats[0].id] }] })
    expect(taken.status).toBe(409)
    expect(taken.body).toMatchObject({ error: 'seat_taken', seats: [{ id: front.seats[0].id, label: front.seats[0].label }] })
    for (const bad of [
      { ticketType: ev.front },
      { ticketType: ev.front, quantity: 1, seats: [front.seats[0].id] },
      { ticketType: ev.front, seats: [] },
      { ticketType: ev.front, seats: ['nope'] },
      { ticketType: ev.front, seats: [front.seats[0].id], together: true },
    ]) {
      const r = await api.post('/checkout/holds', { items: [bad] })
      expect(r.status, JSON.stringify(bad)).toBe(400)
    }
    const dup = await api.post('/checkout/holds', { items: [{ ticketType: ev.front, seats: [ev.frontSeats[9].id, ev.frontSeats[9].id] }] })
    expect(dup.status).toBe(422)
    expect(dup.body.error).toBe('duplicate_seat')
  })
})
