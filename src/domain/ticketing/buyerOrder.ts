/**
 * What the buyer's browser may see and do with its order, proved by the hold token it was given
 * (no account needed): the order's status and tickets, and, in local demo mode only, paying it
 * through the local Stripe fake (the same SDK call a real card confirmation makes).
 */
import { num, type Db } from '../../db/transaction'
import { ConflictError, ForbiddenError, NotFoundError } from './errors'
import { DEMO_STRIPE_KEY, stripeClient } from './payments'
import { sameHash } from './tokens'

/** Demo mode: no Stripe key, or the demo key (payments go to the local fake). */
export const demoPayments = () => !process.env.STRIPE_SECRET_KEY || process.env.STRIPE_SECRET_KEY === DEMO_STRIPE_KEY

/**
 * How the storefront takes payment: `demo` (the local fake's "Pay (demo)" step), `stripe` (Stripe's
 * Payment Element with STRIPE_PUBLISHABLE_KEY, in the same mode, test or live, as the secret key),
 * or `unconfigured` (a real secret key but no publishable key: the storefront says so rather than
 * taking orders it cannot be paid for).
 */
export type PaymentMode = { mode: 'demo' } | { mode: 'stripe'; publishableKey: string } | { mode: 'unconfigured'; reason: string }
export function paymentMode(env: Record<string, string | undefined> = process.env): PaymentMode {
  const secret = env.STRIPE_SECRET_KEY
  if (!secret || secret === DEMO_STRIPE_KEY) return { mode: 'demo' }
  const publishableKey = env.STRIPE_PUBLISHABLE_KEY ?? ''
  if (!/^pk_(test|live)_[A-Za-z0-9]+$/.test(publishableKey)) return { mode: 'unconfigured', reason: 'STRIPE_PUBLISHABLE_KEY is not set' }
  const live = (k: string) => /^(sk|rk|pk)_live_/.test(k)
  if (live(secret) !== live(publishableKey))
    return { mode: 'unconfigured', reason: 'STRIPE_SECRET_KEY and STRIPE_PUBLISHABLE_KEY are not both test or both live keys' }
  return { mode: 'stripe', publishableKey }
}

async function orderOfHolder(db: Db, orderId: string, token: string) {
  const {
    rows: [o],
  } = await db.query(
    `SELECT o.id, o.status, o.total, o.currency, o.payment_intent_id,
            (SELECT array_agg(h.token_hash) FROM holds h WHERE h.checkout = o.checkout) AS hashes
       FROM orders o WHERE o.id = $1`,
    [orderId],
  )
  if (!o) throw new NotFoundError('unknown_order', 'No such order.')
  const hashes: string[] = o.hashes ?? []
  if (hashes.length === 0 || !hashes.every((h) => sameHash(token, h))) throw new ForbiddenError('That token does not own this order.')
  return o
}

export async function orderForHolder(db: Db, orderId: string, token: string) {
  const o = await orderOfHolder(db, orderId, token)
  const { rows } = await db.query(
    `SELECT t.code, tt.name AS ticket_type, t.status, t.seat_section, t.seat_row, t.seat_number
       FROM tickets t JOIN ticket_types tt ON tt.id = t.ticket_type_id WHERE t.order_id = $1 ORDER BY t.created_at, t.code`,
    [orderId],
  )
  return {
    id: o.id as string,
    status: o.status as string,
    total: num(o.total),
    currency: o.currency as string,
    tickets: rows.map((r) => ({
      code: r.code as string,
      ticketType: r.ticket_type as string,
      status: r.status as string,
      seat: r.seat_section ? { section: r.seat_section as string, row: r.seat_row as string, number: r.seat_number as string } : null,
    })),
  }
}

/** Local demo mode: confirm the order's PaymentIntent at the fake with a test card; its webhook completes the order. */
export async function demoPay(db: Db, orderId: string, token: string): Promise<{ paymentIntent: string; status: string }> {
  if (!demoPayments()) throw new NotFoundError('demo_payments_off', 'Demo payments are off: pay with the Payment Element.')
  const o = await orderOfHolder(db, orderId, token)
  if (!o.payment_intent_id || !['pending', 'processing'].includes(o.status))
    throw new ConflictError('not_payable', `This order is ${o.status} and has nothing to pay.`)
  const pi = await stripeClient().paymentIntents.confirm(o.payment_intent_id, { payment_method: 'pm_card_visa' })
  return { paymentIntent: pi.id, status: pi.status }
}

/** A hold as its holder sees it (the token proves it): what is held, until when, and its seats. */
export async function holdForHolder(db: Db, checkout: string, token: string) {
  const { rows } = await db.query(
    `SELECT h.id, h.ticket_type_id, h.quantity, h.token_hash, h.status, h.expires_at, h.expires_at > now() AS live, h.order_id,
            tt.name, tt.event_id, COALESCE(tt.seat_price, tt.price) AS price, tt.currency, tt.seat_price IS NOT NULL AS seated,
            (SELECT COALESCE(json_agg(json_build_object('id', s.id, 'section', s.section_name, 'row', s.row_name, 'number', s.seat_number, 'label', s.label)
                                      ORDER BY s.section_name, s.row_name, s.x), '[]')
               FROM event_seats s WHERE s.hold_id = h.id AND s.status = 'held') AS seats
       FROM holds h JOIN ticket_types tt ON tt.id = h.ticket_type_id WHERE h.checkout = $1 ORDER BY h.ticket_type_id`,
    [checkout],
  )
  if (rows.length === 0) throw new NotFoundError('unknown_hold', 'No such hold.')
  if (!rows.every((r) => sameHash(token, r.token_hash))) throw new ForbiddenError('That token does not own this hold.')
  const live = rows.every((r) => r.status === 'active' && r.live && !r.order_id)
  return {
    id: checkout,
    token,
    live,
    eventId: rows[0].event_id as string,
    expiresAt: new Date(rows[0].expires_at).toISOString(),
    items: rows.map((r) => ({
      ticketType: r.ticket_type_id as string,
      name: r.name as string,
      quantity: num(r.quantity),
      price: num(r.price),
      currency: r.currency as string,
      seated: Boolean(r.seated),
      seats: r.seats as Array<{ id: string; section: string; row: string; number: string; label: string }>,
    })),
  }
}
