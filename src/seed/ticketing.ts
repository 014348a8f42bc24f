import type { Payload } from 'payload'

import type { PermissionKey } from '../access/vocabulary'
import { createHold, type HoldLine } from '../domain/ticketing/holds'
import { setSeatsBlocked } from '../domain/ticketing/seatMap'
import { confirmWaitlist, joinWaitlist } from '../domain/ticketing/waitlistLine'
import { decryptValue } from '../plugins/field-encryption'
import { generateSeats } from '../domain/venues/generateSeats'
import { attachPaymentIntent, createOrder } from '../domain/ticketing/orders'
import { applyPaymentEvent } from '../domain/ticketing/paymentEvents'
import { poolOf } from '../db/pool'
import { seedContext } from './constants'

const common = { overrideAccess: true, context: seedContext, depth: 0 } as const
const create = async (payload: Payload, collection: string, data: Record<string, unknown>) =>
  String(((await payload.create({ collection, data, ...common } as never)) as { id: string }).id)

/**
 * Ticket types on sale now for the published demo events (paid and free; the runway show's
 * front row and runway side sold by seat, the front row sold out with a waitlist),
 * discount codes of each kind, and completed orders with issued tickets, made through the same
 * domain operations checkout uses (the payment is recorded as a succeeded demo payment).
 */
export async function seedTicketing(
  payload: Payload,
  events: Record<'show' | 'workshop' | 'party', string>,
  sections: Record<'frontRow' | 'runwaySide', string>,
  buyers: Array<{ email: string; name: string; id: string }>,
) {
  const saleStart = new Date(Date.now() - 7 * 86_400_000).toISOString()
  const general = await create(payload, 'ticket-types', {
    event: events.show,
    name: 'General admission',
    price: 2500,
    currency: 'EUR',
    capacity: 450,
    maxPerOrder: 10,
    tier: 'general',
    saleStart,
    features: ['standing'],
  })
  // Reserved seating: the front row sells its section's 40 seats at 50 EUR x the section's
  // multiplier 3 = 150 EUR; runway-side seats (3 rows of 10, generated) at 60 EUR.
  const frontRow = await create(payload, 'ticket-types', {
    event: events.show,
    name: 'Front row',
    price: 5000,
    currency: 'EUR',
    capacity: 40,
    maxPerOrder: 10,
    tier: 'vip',
    featured: true,
    saleStart,
    features: ['seated', 'champagne', 'meet the designers'],
    venueSection: sections.frontRow,
  })
  const runwaySide = await create(payload, 'ticket-types', {
    event: events.show,
    name: 'Runway side',
    price: 6000,
    currency: 'EUR',
    capacity: 30,
    maxPerOrder: 6,
    tier: 'premium',
    saleStart,
    features: ['seated'],
    venueSection: sections.runwaySide,
  })
  const admin = { id: 'seed', roles: ['admin'], permissions: new Set<PermissionKey>(), superuser: true, kind: 'user' as const }
  await generateSeats(poolOf(payload), admin, sections.runwaySide, { rows: 3, seatsPerRow: 10, origin: { x: 0, y: 140 } })
  await payload.update({ collection: 'events', id: events.show, data: { seating: true }, ...common } as never)
  const masterclass = await create(payload, 'ticket-types', {
    event: events.workshop,
    name: 'Masterclass seat',
    price: 4500,
    currency: 'USD',
    capacity: 40,
    maxPerOrder: 4,
    tier: 'premium',
    saleStart,
  })
  const rsvp = await create(payload, 'ticket-types', {
    event: events.party,
    name: 'Free RSVP',
    price: 0,
    currency: 'EUR',
    capacity: 500,
    maxPerOrder: 4,
    tier: 'general',
    saleStart,
  })

  const welcome = await create(payload, 'discount-codes', {
    code: 'WELCOME10',
    description: '10% off, at most 20 EUR.',
    kind: 'percentage',
    value: 10,
    maximumDiscount: 2000,
  })
  await create(payload, 'discount-codes', {
    code: 'FRONTROW50',
    description: '50 EUR off a front-row seat, 5 uses.',
    kind: 'fixed',
    value: 5000,
    currency: 'EUR',
    usageLimit: 5,
    appliesTo: 'ticketTypes',
    ticketTypes: [frontRow],
  })
  await create(payload, 'discount-codes', {
    code: 'ONCE15',
    description: '15% once per buyer.',
    kind: 'percentage',
    value: 15,
    onePerBuyer: true,
  })
  await create(payload, 'discount-codes', {
    code: 'SPRING5',
    description: 'Expired spring promotion.',
    kind: 'fixed',
    value: 500,
    validFrom: '2020-03-01T00:00:00Z',
    validUntil: '2020-06-01T00:00:00Z',
  })
  await create(payload, 'discount-codes', {
    code: 'BIGSPENDER',
    description: '20% off orders over 200 EUR.',
    kind: 'percentage',
    value: 20,
    minimumOrder: 20000,
    appliesTo: 'events',
    events: [events.show],
  })

  const buy = (buyer: (typeof buyers)[number], items: HoldLine[], discountCode?: string) =>
    demoPurchase(payload, buyer, items, discountCode)
  const [a, b = buyers[0], c = buyers[0]] = buyers
  await buy(a, [{ ticketType: general, quantity: 2 }], 'WELCOME10')
  // The front row sells out: 38 seats sold (best available), A-1 and B-1 blocked at the venue; two people wait.
  for (const [who, n] of [
    [a, 10],
    [b, 10],
    [c, 10],
    [b, 8],
  ] as const)
    await buy(who, [{ ticketType: frontRow, quantity: n }])
  // Two people in line, each having opened the confirmation link e-mailed to them (double opt-in).
  for (const [i, who] of [a, c].entries()) {
    const entry = await joinWaitlist(poolOf(payload), {
      eventId: events.show,
      ticketType: frontRow,
      quantity: 2 - i,
      email: who.email,
      name: who.name,
      user: who.id,
    })
    const {
      rows: [mail],
    } = await poolOf(payload).query<{ data: { token: string } }>(`SELECT data FROM notifications WHERE dedupe_key = $1`, [
      `waitlist_confirm:${entry.id}`,
    ])
    await confirmWaitlist(poolOf(payload), events.show, entry.id, String(decryptValue(mail.data.token)))
  }
  // Runway side: a pair sold together, three seats held back for the designers' guests.
  await buy(c, [{ ticketType: runwaySide, quantity: 2, together: true }])
  const { rows: guests } = await poolOf(payload).query<{ id: string }>(
    `SELECT id FROM event_seats WHERE ticket_type_id = $1 AND status = 'available' AND row_name = 'C' ORDER BY x LIMIT 3`,
    [runwaySide],
  )
  await setSeatsBlocked(
    poolOf(payload),
    admin,
    events.show,
    guests.map((g) => g.id),
    true,
  )
  await buy(c, [{ ticketType: masterclass, quantity: 2 }])
  await buy(a, [{ ticketType: rsvp, quantity: 2 }])
  return { general, frontRow, runwaySide, masterclass, rsvp, welcome }
}

/** One purchase through the checkout's own domain operations, paid by a recorded demo payment. */
export async function demoPurchase(
  payload: Payload,
  buyer: { email: string; name: string; id: string },
  items: HoldLine[],
  discountCode?: string,
) {
  const pool = poolOf(payload)
  const now = new Date()
  const hold = await createHold(pool, { items }, now)
  const order = await createOrder(
    pool,
    { hold: hold.id, token: hold.token, discountCode, billing: { email: buyer.email, name: buyer.name }, buyerId: buyer.id },
    now,
  )
  if (order.status !== 'completed') {
    const pi = `pi_demo_${order.id.replace(/-/g, '').slice(0, 20)}`
    await attachPaymentIntent(pool, order.id, pi)
    await applyPaymentEvent(pool, {
      id: `evt_demo_${order.id}`,
      type: 'payment_intent.succeeded',
      orderId: order.id,
      paymentIntentId: pi,
      amount: order.total,
    })
  }
  return order.id
}
