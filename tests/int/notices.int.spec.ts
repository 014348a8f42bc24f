/**
 * Notices to ticket holders: the 24-hour reminder (once per person, however often the job runs,
 * even twice at once) and the notice that an event moved or was postponed (once per change and
 * person, with the new date in the event's zone).
 */
import type { Payload } from 'payload'
import type { Pool } from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { poolOf } from '../../src/db/pool'
import { createHold } from '../../src/domain/ticketing/holds'
import { queueEventReminders } from '../../src/domain/ticketing/notices'
import { renderNotification } from '../../src/domain/ticketing/notifications'
import { createOrder } from '../../src/domain/ticketing/orders'
import { closePayload, getTestPayload, makeUser, unique, type TestUser } from '../helpers/payload'
import { makeEvent, makeTicketType } from '../helpers/ticketing'

let payload: Payload
let db: Pool
let organizer: TestUser

beforeAll(async () => {
  payload = await getTestPayload()
  db = poolOf(payload)
  organizer = await makeUser(payload, 'organizer')
})
afterAll(async () => closePayload(payload))

const hours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString()

/** An event starting in `startsIn` hours with free tickets bought by `buyers` (e-mail, quantity). */
async function eventWithHolders(startsIn: number, buyers: Array<[string, number]>) {
  const event = await makeEvent(payload, organizer.id, { startDate: hours(startsIn), endDate: hours(startsIn + 3), holdLimit: 1000 })
  const tt = String((await makeTicketType(payload, String(event.id), { price: 0 })).id)
  for (const [email, quantity] of buyers) {
    const hold = await createHold(db, { items: [{ ticketType: tt, quantity }] }, new Date())
    await createOrder(db, { hold: hold.id, token: hold.token, billing: { email, name: 'Holder' } }, new Date())
  }
  return String(event.id)
}

const rowsOf = async (eventId: string, kind: string) =>
  (await db.query(`SELECT * FROM notifications WHERE event_id = $1 AND kind = $2 ORDER BY recipient`, [eventId, kind])).rows

describe('the 24-hour reminder', () => {
  it('queues one reminder per ticket holder of events starting in about a day, however often the job runs', async () => {
    const a = `${unique('a')}@example.com`
    const b = `${unique('b')}@example.com`
    const soon = await eventWithHolders(24, [
      [a, 2],
      [b.toUpperCase(), 1],
    ])
    const later = await eventWithHolders(48, [[a, 1]])
    await Promise.all([queueEventReminders(db), queueEventReminders(db), queueEventReminders(db)])
    await queueEventReminders(db)
    const rows = await rowsOf(soon, 'event_reminder')
    expect(rows.map((r) => r.recipient)).toEqual([a, b].sort())
    expect(await rowsOf(later, 'event_reminder')).toEqual([])
    const mail = await renderNotification(db, rows[0])
    expect(mail.subject).toMatch(/^Tomorrow: /)
    expect(mail.text).toContain('(Europe/Paris)')
  })
})

describe('change notices', () => {
  it('tells every holder once per change: moved (new date in the event’s zone), then postponed', async () => {
    const a = `${unique('a')}@example.com`
    const b = `${unique('b')}@example.com`
    const eventId = await eventWithHolders(72, [
      [a, 1],
      [b, 1],
    ])
    const sudo = { overrideAccess: true, depth: 0 } as const
    await payload.update({ collection: 'events', id: eventId, data: { shortDescription: 'Only words changed' } as never, ...sudo })
    expect(await rowsOf(eventId, 'event_changed')).toEqual([])
    await payload.update({
      collection: 'events',
      id: eventId,
      data: { startDate: '2031-03-30T17:00:00Z', endDate: '2031-03-30T21:00:00Z' } as never,
      ...sudo,
    })
    const moved = await rowsOf(eventId, 'event_changed')
    expect(moved.map((r) => [r.recipient, r.data.change])).toEqual([
      [a, 'moved'],
      [b, 'moved'],
    ])
    // After the spring change in Paris: 17:00 UTC is 19:00 local.
    const mail = await renderNotification(db, moved[0])
    expect(mail.subject).toMatch(/^Changed: /)
    expect(mail.text).toContain('Sunday, 30 March 2031, 19:00–23:00 Central European Summer Time (Europe/Paris)')
    // Saving the same dates again tells nobody again.
    await payload.update({ collection: 'events', id: eventId, data: { startDate: '2031-03-30T17:00:00Z' } as never, ...sudo })
    expect(await rowsOf(eventId, 'event_changed')).toHaveLength(2)
    await payload.update({ collection: 'events', id: eventId, data: { status: 'postponed' } as never, ...sudo })
    const all = await rowsOf(eventId, 'event_changed')
    expect(all.filter((r) => r.data.change === 'postponed').map((r) => r.recipient)).toEqual([a, b])
  })
})
