import type { Payload } from 'payload'

import { createHold } from '../domain/ticketing/holds'
import { attachPaymentIntent, createOrder } from '../domain/ticketing/orders'
import { applyPaymentEvent } from '../domain/ticketing/paymentEvents'
import { poolOf } from '../db/pool'
import { seedContext } from './constants'

const common = { overrideAccess: true, context: seedContext, depth: 0 } as const
const create = async (payload: Payload, collection: string, data: Record<string, unknown>) =>
  String(((await payload.create({ collection, data, ...common } as never)) as { id: string }).id)

/**
 * Ticket types on sale now for the published demo events (paid and free, one nearly sold out),
 * discount codes of each kind, and completed orders with issued tickets, made through the same
 * domain operations checkout uses (the payment is recorded as a succeeded demo payment).
 */
export async function seedTicketing(
  payload: Payload,
  events: Record<'show' | 'workshop' | 'party', string>,
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
  const frontRow = await create(payload, 'ticket-types', {
    event: events.show,
    name: 'Front row',
    price: 15000,
    currency: 'EUR',
    capacity: 40,
    maxPerOrder: 10,
    tier: 'vip',
    featured: true,
    saleStart,
    features: ['seated', 'champagne', 'meet the designers'],
  })
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

  const buy = (buyer: (typeof buyers)[number], items: Array<{ ticketType: string; quantity: number }>, discountCode?: string) =>
    demoPurchase(payload, buyer, items, discountCode)
  const [a, b = buyers[0], c = buyers[0]] = buyers
  await buy(a, [{ ticketType: general, quantity: 2 }], 'WELCOME10')
  // Front row nearly sold out: 38 of 40.
  for (const [who, n] of [
    [a, 10],
    [b, 10],
    [c, 10],
    [b, 8],
  ] as const)
    await buy(who, [{ ticketType: frontRow, quantity: n }])
  await buy(c, [{ ticketType: masterclass, quantity: 2 }])
  await buy(a, [{ ticketType: rsvp, quantity: 2 }])
  return { general, frontRow, masterclass, rsvp, welcome }
}

/** One purchase through the checkout's own domain operations, paid by a recorded demo payment. */
export async function demoPurchase(
  payload: Payload,
  buyer: { email: string; name: string; id: string },
  items: Array<{ ticketType: string; quantity: number }>,
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
