/**
 * Waitlists on real PostgreSQL: joining (once per e-mail), freed tickets kept from the public
 * and offered in line order, a lapsed offer passing on, two offer runners at once, an offer
 * claimed by paying for it, leaving, closing, seated offers, the offer e-mail, and who may read
 * the line.
 */
import os from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'
import type { Pool } from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { poolOf } from '../../src/db/pool'
import { createHold, eventAvailability, releaseHold } from '../../src/domain/ticketing/holds'
import { sendNotifications } from '../../src/domain/ticketing/notifications'
import { createOrder } from '../../src/domain/ticketing/orders'
import { offerWaitlist } from '../../src/domain/ticketing/waitlist'
import { readOutbox } from '../../src/email/outboxAdapter'
import { decryptValue } from '../../src/plugins/field-encryption'
import { closePayload, getTestPayload, makeUser, unique, type TestUser } from '../helpers/payload'
import { apiClient, type Api } from '../helpers/rest'
import { makeEvent, makeSection, makeTicketType, makeVenue } from '../helpers/ticketing'

let payload: Payload
let api: Api
let db: Pool
let organizer: TestUser
let orgToken: string
const outbox = path.join(os.tmpdir(), `fsh-waitlist-${process.pid}-${Date.now()}`)

beforeAll(async () => {
  process.env.MAIL_OUTBOX_DIR = outbox
  payload = await getTestPayload()
  api = apiClient(payload.config)
  db = poolOf(payload)
  organizer = await makeUser(payload, 'organizer')
  orgToken = await api.login(organizer.email, 'Correct-Horse-9')
})
afterAll(async () => closePayload(payload))

/** A published event with one ticket type of `capacity`, sold out by holds that the test can release. */
async function soldOut(capacity: number, price = 0) {
  const event = await makeEvent(payload, organizer.id, { holdLimit: 1000 })
  const tt = String((await makeTicketType(payload, String(event.id), { capacity, price, maxPerOrder: 10 })).id)
  const holds = []
  for (let i = 0; i < capacity; i++) holds.push(await createHold(db, { items: [{ ticketType: tt, quantity: 1 }] }, new Date()))
  return { eventId: String(event.id), tt, holds }
}

/** The confirmation token e-mailed for an entry (double opt-in), read from the outbox row. */
const confirmToken = async (entry: string) => {
  const { rows } = await db.query<{ data: { token: string } }>(`SELECT data FROM notifications WHERE dedupe_key = $1`, [
    `waitlist_confirm:${entry}`,
  ])
  return String(decryptValue(rows[0].data.token))
}
const ask = (eventId: string, body: Record<string, unknown>) => api.post(`/events/${eventId}/waitlist`, body)
const confirm = async (eventId: string, entry: string) =>
  api.post(`/events/${eventId}/waitlist/${entry}/confirm`, { token: await confirmToken(entry) })
/** Joins and opens the e-mailed link, as a person does: answers the join merged with the confirmation. */
const join = async (eventId: string, body: Record<string, unknown>) => {
  const asked = await ask(eventId, body)
  if (asked.status !== 201) return asked
  const done = await confirm(eventId, asked.body.id)
  return { ...done, status: asked.status, body: { ...asked.body, ...done.body } }
}
const person = (i: number | string) => ({ email: `${unique(`w${i}`)}@example.com`, name: `Waiter ${i}` })
const entries = async (tt: string) =>
  (
    await db.query<{ id: string; email: string; status: string; seq: string; offer_checkout: string | null }>(
      `SELECT id, email, status::text, seq, offer_checkout FROM waitlist_entries WHERE ticket_type_id = $1 ORDER BY seq`,
      [tt],
    )
  ).rows

describe('joining', () => {
  it('places people in line, once per e-mail, only when sold out; bad input is a 400 naming the field', async () => {
    const ev = await soldOut(2)
    const a = person('a')
    const first = await join(ev.eventId, { ticketType: ev.tt, quantity: 1, ...a })
    expect(first.status).toBe(201)
    expect(first.body).toMatchObject({ position: 1 })
    expect(first.body.token.length).toBeGreaterThan(20)
    const second = await join(ev.eventId, { ticketType: ev.tt, quantity: 2, ...person('b') })
    expect(second.body.position).toBe(2)
    const again = await join(ev.eventId, { ticketType: ev.tt, quantity: 1, email: a.email.toUpperCase(), name: 'Again' })
    expect([again.status, again.body.error]).toEqual([409, 'already_waiting'])

    const open = await makeTicketType(payload, ev.eventId, { capacity: 5, price: 0 })
    const available = await join(ev.eventId, { ticketType: String(open.id), quantity: 1, ...person('c') })
    expect([available.status, available.body.error]).toEqual([409, 'tickets_available'])
    for (const [bad, field] of [
      [{ ticketType: ev.tt, quantity: 0, ...person('d') }, 'quantity'],
      [{ ticketType: ev.tt, quantity: 1, email: 'nope', name: 'D' }, 'email'],
      [{ ticketType: 'x', quantity: 1, ...person('d') }, 'ticketType'],
      [{ ticketType: ev.tt, quantity: 1, ...person('d'), extra: true }, 'extra'],
    ] as const) {
      const r = await join(ev.eventId, bad)
      expect(r.status).toBe(400)
      expect(JSON.stringify(r.body)).toContain(field)
    }
    const other = await makeEvent(payload, organizer.id)
    expect((await join(String(other.id), { ticketType: ev.tt, quantity: 1, ...person('e') })).status).toBe(404)
    // The line is where one stands, with the token; leaving needs it.
    const me = await api.call('GET', `/events/${ev.eventId}/waitlist/${second.body.id}`, {
      headers: { 'x-waitlist-token': second.body.token },
    })
    expect(me.body).toMatchObject({ status: 'waiting', position: 2 })
    const wrong = await api.call('DELETE', `/events/${ev.eventId}/waitlist/${first.body.id}`, {
      headers: { 'x-waitlist-token': second.body.token },
    })
    expect(wrong.status).toBe(403)
    const left = await api.call('DELETE', `/events/${ev.eventId}/waitlist/${first.body.id}`, {
      headers: { 'x-waitlist-token': first.body.token },
    })
    expect(left.status).toBe(204)
    const now = await api.call('GET', `/events/${ev.eventId}/waitlist/${second.body.id}`, {
      headers: { 'x-waitlist-token': second.body.token },
    })
    expect(now.body.position).toBe(1)
  })
})

describe('offers', () => {
  it('keeps freed tickets from the public, and offers 10 freed at once to the first 10 of 20, in order', async () => {
    const ev = await soldOut(10)
    const people = []
    for (let i = 0; i < 20; i++) people.push((await join(ev.eventId, { ticketType: ev.tt, quantity: 1, ...person(i) })).body.id as string)
    for (const h of ev.holds) await releaseHold(db, h.id, h.token)
    // Released, but the public cannot take them: people are waiting.
    await expect(createHold(db, { items: [{ ticketType: ev.tt, quantity: 1 }] }, new Date())).rejects.toMatchObject({ code: 'sold_out' })
    const [avail] = await eventAvailability(db, ev.eventId, new Date())
    expect(avail).toMatchObject({ available: 0, waitlist: { status: 'open', waiting: 20 } })

    expect(await offerWaitlist(db)).toMatchObject({ offered: 10 })
    const line = await entries(ev.tt)
    expect(line.map((e) => e.id)).toEqual(people)
    expect(line.map((e) => e.status)).toEqual([...Array(10).fill('offered'), ...Array(10).fill('waiting')])
    const { rows } = await db.query(
      `SELECT count(*)::int AS n, sum(quantity)::int AS q FROM holds WHERE ticket_type_id = $1 AND status = 'active'`,
      [ev.tt],
    )
    expect(rows[0]).toEqual({ n: 10, q: 10 })
    // A second run has nothing more to offer.
    expect(await offerWaitlist(db)).toMatchObject({ offered: 0 })
    const [after] = await eventAvailability(db, ev.eventId, new Date())
    expect(after).toMatchObject({ available: 0, held: 10, waitlist: { waiting: 10 } })
  })

  it('passes a lapsed offer on to the next person, and serves the line in order', async () => {
    const ev = await soldOut(2)
    const a = (await join(ev.eventId, { ticketType: ev.tt, quantity: 1, ...person('a') })).body.id
    const b = (await join(ev.eventId, { ticketType: ev.tt, quantity: 2, ...person('b') })).body.id
    const c = (await join(ev.eventId, { ticketType: ev.tt, quantity: 1, ...person('c') })).body.id
    await releaseHold(db, ev.holds[0].id, ev.holds[0].token)
    await offerWaitlist(db)
    // One ticket free: a gets it; b needs two, so c (behind b) waits too.
    expect((await entries(ev.tt)).map((e) => [e.id, e.status])).toEqual([
      [a, 'offered'],
      [b, 'waiting'],
      [c, 'waiting'],
    ])
    // a lets the offer lapse; the other hold is released too: two free, b gets both.
    await db.query(
      `UPDATE holds SET expires_at = now() - interval '1 second' WHERE checkout = (SELECT offer_checkout FROM waitlist_entries WHERE id = $1)`,
      [a],
    )
    await releaseHold(db, ev.holds[1].id, ev.holds[1].token)
    expect(await offerWaitlist(db)).toMatchObject({ offered: 1, lapsed: 1 })
    expect((await entries(ev.tt)).map((e) => [e.id, e.status])).toEqual([
      [a, 'lapsed'],
      [b, 'offered'],
      [c, 'waiting'],
    ])
  })

  it('makes no double offer when two runners run at once', async () => {
    const ev = await soldOut(5)
    for (let i = 0; i < 12; i++) await join(ev.eventId, { ticketType: ev.tt, quantity: 1, ...person(i) })
    for (const h of ev.holds) await releaseHold(db, h.id, h.token)
    const runs = await Promise.all([offerWaitlist(db), offerWaitlist(db), offerWaitlist(db)])
    expect(runs.reduce((n, r) => n + r.offered, 0)).toBe(5)
    const line = await entries(ev.tt)
    expect(line.filter((e) => e.status === 'offered')).toHaveLength(5)
    expect(line.slice(0, 5).every((e) => e.status === 'offered')).toBe(true)
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM holds WHERE ticket_type_id = $1 AND status = 'active'`, [ev.tt])
    expect(rows[0].n).toBe(5)
    const { rows: mails } = await db.query(
      `SELECT count(*)::int AS n FROM notifications WHERE kind = 'waitlist_offer' AND recipient = ANY($1)`,
      [line.map((e) => e.email)],
    )
    expect(mails[0].n).toBe(5)
  })

  it('is claimed by paying for the offered hold (waitlist.claimed), with the link from the e-mail', async () => {
    const ev = await soldOut(1)
    const p = person('claim')
    const entry = (await join(ev.eventId, { ticketType: ev.tt, quantity: 1, ...p })).body.id
    await releaseHold(db, ev.holds[0].id, ev.holds[0].token)
    await offerWaitlist(db)
    while ((await sendNotifications(payload, db, 100)).sent > 0);
    const all = readOutbox(outbox).filter((m) => m.to === p.email)
    // The double opt-in's link, then the offer.
    expect(all.map((m) => m.subject.split(':')[0]).sort()).toEqual(['Confirm your place on the waitlist', 'Tickets are waiting for you'])
    const mail = all.filter((m) => m.subject.startsWith('Tickets are waiting for you'))
    expect(mail[0].text).toContain('(Europe/Paris)')
    const link = new URL(/https?:\/\/\S+/.exec(mail[0].text ?? '')![0])
    const hold = link.searchParams.get('hold')!
    const token = link.searchParams.get('token')!
    const { rows: n } = await db.query(`SELECT data FROM notifications WHERE dedupe_key = $1`, [`waitlist_offer:${entry}`])
    expect(decryptValue(n[0].data.token)).toBe(token)
    expect(JSON.stringify(n[0].data)).not.toContain(token)
    const order = await createOrder(db, { hold, token, billing: { email: p.email, name: p.name } }, new Date())
    expect(order.status).toBe('completed')
    expect((await entries(ev.tt))[0]).toMatchObject({ status: 'claimed' })
    const { rows } = await db.query(`SELECT type FROM webhook_events WHERE data->'entry'->>'id' = $1 ORDER BY created_at`, [entry])
    expect(rows.map((r) => r.type)).toEqual(['waitlist.offered', 'waitlist.claimed'])
  })

  it('offers seats, side by side, on a seated ticket type', async () => {
    const venue = await makeVenue(payload, organizer.id, { capacity: 100 })
    const section = await makeSection(payload, venue.id, { name: 'Front', capacity: 4, sectionType: 'vip' })
    expect((await api.post(`/venue-sections/${section.id}/generate-seats`, { rows: 1, seatsPerRow: 4 }, orgToken)).status).toBe(201)
    const event = await makeEvent(payload, organizer.id, { venue: venue.id, holdLimit: 1000 })
    const tt = String((await makeTicketType(payload, String(event.id), { capacity: 1, price: 0, venueSection: section.id })).id)
    await payload.update({ collection: 'events', id: event.id, data: { seating: true } as never, overrideAccess: true, depth: 0 })
    const all = await createHold(db, { items: [{ ticketType: tt, quantity: 4 }] }, new Date())
    const entry = (await join(String(event.id), { ticketType: tt, quantity: 2, ...person('seated') })).body.id
    await releaseHold(db, all.id, all.token)
    expect(await offerWaitlist(db)).toMatchObject({ offered: 1 })
    const { rows } = await db.query(
      `SELECT s.label FROM event_seats s JOIN holds h ON h.id = s.hold_id JOIN waitlist_entries w ON w.offer_checkout = h.checkout
        WHERE w.id = $1 AND s.status = 'held' ORDER BY s.x`,
      [entry],
    )
    expect(rows.map((r) => r.label)).toEqual(['A-2', 'A-3'])
  })
})

describe('the organizer', () => {
  it('closes a waitlist (everyone waiting is told), pauses one (freed tickets go on public sale), and alone reads it', async () => {
    const ev = await soldOut(1)
    const p = person('closed')
    await join(ev.eventId, { ticketType: ev.tt, quantity: 1, ...p })
    const other = await makeUser(payload, 'organizer')
    const otherToken = await api.login(other.email, 'Correct-Horse-9')
    expect((await api.get(`/waitlist-entries?where[ticketType][equals]=${ev.tt}`, orgToken)).body.totalDocs).toBe(1)
    expect((await api.get(`/waitlist-entries?where[ticketType][equals]=${ev.tt}`, otherToken)).body.totalDocs).toBe(0)
    expect((await api.get(`/waitlist-entries?where[ticketType][equals]=${ev.tt}`)).status).toBe(403)
    expect(
      (
        await api.post(
          `/waitlist-entries`,
          { event: ev.eventId, ticketType: ev.tt, email: 'x@y.z', name: 'X', quantity: 1, tokenHash: 'x' },
          orgToken,
        )
      ).status,
    ).toBe(403)

    const paused = await api.patch(`/ticket-types/${ev.tt}`, { waitlist: 'paused' }, orgToken)
    expect(paused.status).toBe(200)
    await releaseHold(db, ev.holds[0].id, ev.holds[0].token)
    expect(await offerWaitlist(db)).toMatchObject({ offered: 0 })
    const publicHold = await createHold(db, { items: [{ ticketType: ev.tt, quantity: 1 }] }, new Date())
    expect(publicHold.items[0].quantity).toBe(1)
    expect((await join(ev.eventId, { ticketType: ev.tt, quantity: 1, ...person('late') })).body.error).toBe('waitlist_closed')

    expect((await api.patch(`/ticket-types/${ev.tt}`, { waitlist: 'closed' }, otherToken)).status).toBe(403)
    expect((await api.patch(`/ticket-types/${ev.tt}`, { waitlist: 'closed' }, orgToken)).status).toBe(200)
    expect((await entries(ev.tt)).map((e) => e.status)).toEqual(['closed'])
    const { rows } = await db.query(`SELECT kind::text FROM notifications WHERE recipient = $1 ORDER BY created_at`, [p.email])
    expect(rows).toEqual([{ kind: 'waitlist_confirm' }, { kind: 'waitlist_closed' }])
  })
})

describe('a waitlist never keeps from sale more than it can offer (review findings 3 and 7)', () => {
  it('an unconfirmed join keeps nothing from sale and stands nowhere in line', async () => {
    const ev = await soldOut(4)
    for (const h of ev.holds.slice(0, 3)) await releaseHold(db, h.id, h.token)
    // 3 left; one anonymous join for 4 (sold out for that quantity) answers 201, unconfirmed.
    const asked = await ask(ev.eventId, { ticketType: ev.tt, quantity: 4, ...person('greedy') })
    expect([asked.status, asked.body.status, asked.body.position]).toEqual([201, 'unconfirmed', null])
    const [avail] = await eventAvailability(db, ev.eventId, new Date())
    expect(avail).toMatchObject({ available: 3, waitlist: { waiting: 0 } })
    expect(await offerWaitlist(db)).toMatchObject({ offered: 0, failed: [] })
    expect((await entries(ev.tt)).map((e) => e.status)).toEqual(['unconfirmed'])
    // Unconfirmed past WAITLIST_CONFIRM_HOURS: it lapses, and its link no longer works.
    const token = await confirmToken(asked.body.id)
    await db.query(`UPDATE waitlist_entries SET created_at = now() - interval '49 hours' WHERE id = $1`, [asked.body.id])
    expect(await offerWaitlist(db)).toMatchObject({ lapsed: 1 })
    const late = await api.post(`/events/${ev.eventId}/waitlist/${asked.body.id}/confirm`, { token })
    expect([late.status, late.body.error]).toEqual([422, 'invalid_token'])
  })

  it('a confirmed person wanting more than is free keeps their place; the free tickets stay on sale', async () => {
    const ev = await soldOut(4)
    for (const h of ev.holds.slice(0, 3)) await releaseHold(db, h.id, h.token)
    const greedy = await join(ev.eventId, { ticketType: ev.tt, quantity: 4, ...person('four') })
    expect([greedy.status, greedy.body.status, greedy.body.position]).toEqual([201, 'waiting', 1])
    const [avail] = await eventAvailability(db, ev.eventId, new Date())
    expect(avail).toMatchObject({ available: 3, waitlist: { waiting: 4 } })
    const bought = await createHold(db, { items: [{ ticketType: ev.tt, quantity: 3 }] }, new Date())
    expect(bought.items[0].quantity).toBe(3)
    expect((await entries(ev.tt)).map((e) => e.status)).toEqual(['waiting'])
  })

  it('offers to the next person who fits, and keeps only that from the public', async () => {
    const ev = await soldOut(4)
    const four = (await join(ev.eventId, { ticketType: ev.tt, quantity: 4, ...person('head') })).body.id
    const two = (await join(ev.eventId, { ticketType: ev.tt, quantity: 2, ...person('two') })).body.id
    for (const h of ev.holds.slice(0, 3)) await releaseHold(db, h.id, h.token)
    // 3 free; the line can use 2 of them (the second person): the public may hold 1.
    const [before] = await eventAvailability(db, ev.eventId, new Date())
    expect(before.available).toBe(1)
    await expect(createHold(db, { items: [{ ticketType: ev.tt, quantity: 2 }] }, new Date())).rejects.toMatchObject({ code: 'sold_out' })
    expect(await offerWaitlist(db)).toMatchObject({ offered: 1, failed: [] })
    expect((await entries(ev.tt)).map((e) => [e.id, e.status])).toEqual([
      [four, 'waiting'],
      [two, 'offered'],
    ])
    const [after] = await eventAvailability(db, ev.eventId, new Date())
    expect(after).toMatchObject({ available: 1, held: 3 })
    expect((await createHold(db, { items: [{ ticketType: ev.tt, quantity: 1 }] }, new Date())).items[0].quantity).toBe(1)
  })

  it('limits joins per e-mail (and per address at the gate): the fourth join for one e-mail in a minute is a 429', async () => {
    const p = person('spam')
    const codes: Array<number> = []
    for (let i = 0; i < 4; i++) {
      const ev = await soldOut(1)
      codes.push((await ask(ev.eventId, { ticketType: ev.tt, quantity: 1, ...p })).status)
    }
    expect(codes).toEqual([201, 201, 201, 429])
  })

  it('offers seats when an expired hold of an unpaid order still keeps some (the job used to abort every minute)', async () => {
    const venue = await makeVenue(payload, organizer.id, { capacity: 100 })
    const section = await makeSection(payload, venue.id, { name: 'Front', capacity: 4, sectionType: 'vip' })
    expect((await api.post(`/venue-sections/${section.id}/generate-seats`, { rows: 1, seatsPerRow: 4 }, orgToken)).status).toBe(201)
    const event = await makeEvent(payload, organizer.id, { venue: venue.id, holdLimit: 1000 })
    const tt = String((await makeTicketType(payload, String(event.id), { capacity: 4, price: 1000, venueSection: section.id })).id)
    await payload.update({ collection: 'events', id: event.id, data: { seating: true } as never, overrideAccess: true, depth: 0 })
    // Two seats held by an order not paid yet, whose hold has expired (the expiry job has not failed the order).
    const unpaid = await createHold(db, { items: [{ ticketType: tt, quantity: 2 }] }, new Date())
    await createOrder(db, { hold: unpaid.id, token: unpaid.token, billing: { email: 'slow@example.com', name: 'Slow' } }, new Date())
    const rest = await createHold(db, { items: [{ ticketType: tt, quantity: 2 }] }, new Date())
    // The first in line wants 3: the count says 4 are free, but only 2 seats are (the old job tried and threw).
    const three = (await join(String(event.id), { ticketType: tt, quantity: 3, ...person('three') })).body.id
    const entry = (await join(String(event.id), { ticketType: tt, quantity: 2, ...person('seats') })).body.id
    await db.query(`UPDATE holds SET expires_at = now() - interval '1 second' WHERE checkout = $1`, [unpaid.id])
    await releaseHold(db, rest.id, rest.token)
    const run = await offerWaitlist(db)
    expect(run).toMatchObject({ offered: 1, failed: [] })
    expect((await entries(tt)).map((e) => [e.id, e.status])).toEqual([
      [three, 'waiting'],
      [entry, 'offered'],
    ])
  })

  it("one ticket type's failure does not stop the others' offers; the run reports which failed and why", async () => {
    const broken = await soldOut(1)
    const fine = await soldOut(1)
    await join(broken.eventId, { ticketType: broken.tt, quantity: 1, ...person('broken') })
    await join(fine.eventId, { ticketType: fine.tt, quantity: 1, ...person('fine') })
    await releaseHold(db, broken.holds[0].id, broken.holds[0].token)
    await releaseHold(db, fine.holds[0].id, fine.holds[0].token)
    // Make the offer's hold insert fail for one ticket type only.
    await db.query(
      `ALTER TABLE holds ADD CONSTRAINT test_offer_fails CHECK (ticket_type_id <> '${broken.tt}'::uuid OR buyer_session NOT LIKE 'waitlist:%')`,
    )
    try {
      const run = await offerWaitlist(db)
      expect(run.failed.map((f) => f.ticketType)).toEqual([broken.tt])
      expect(run.failed[0].error).toContain('test_offer_fails')
      expect((await entries(fine.tt)).map((e) => e.status)).toEqual(['offered'])
      expect((await entries(broken.tt)).map((e) => e.status)).toEqual(['waiting'])
    } finally {
      await db.query(`ALTER TABLE holds DROP CONSTRAINT test_offer_fails`)
    }
  })
})
