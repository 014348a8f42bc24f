/**
 * Orders: created from a hold (prices and discounts computed here, never taken from the
 * client), completed, failed or refunded by payment events. Each of these is one transaction.
 */
import { encryptValue } from '../../plugins/field-encryption/crypto'
import { recordEvent, pgRun } from '../../plugins/webhooks/outbox'
import { auditInTx } from '../audit'
import { num, withTransaction, type Db, type Tx } from './db'
import { InvalidDiscountError, loadDiscountCode, releaseDiscountUse, reserveDiscountUse } from './discounts'
import { ConflictError, DomainError, ForbiddenError, NotFoundError, UnprocessableError } from './errors'
import { priceOrder, type PriceLine } from './pricing'
import { newTicketCode, sameHash } from './tokens'

export type Billing = { email: string; name: string; phone?: string | null; address?: Record<string, unknown> | null }

export type CreateOrderInput = {
  hold: string
  token: string
  discountCode?: string | null
  billing: Billing
  buyerId?: string | null
  ipAddress?: string | null
  userAgent?: string | null
}

export type OrderView = {
  id: string
  status: string
  subtotal: number
  discount: number
  tax: number
  total: number
  currency: string
  items: Array<{ id: string; ticketType: string; name: string; quantity: number; unitPrice: number; subtotal: number; discount: number; finalPrice: number }>
}

/** How long a buyer has to pay once the order exists (the hold is stretched to match). */
export const paymentMinutes = () => Number(process.env.CHECKOUT_PAYMENT_MINUTES || 30)

export async function createOrder(db: Db, input: CreateOrderInput, now: Date): Promise<OrderView> {
  return withTransaction(db, async (tx) => {
    const { rows: holds } = await tx.query(
      `SELECT h.id, h.ticket_type_id, h.quantity, h.token_hash, h.status, h.expires_at, h.order_id,
              tt.name, tt.price, tt.currency, tt.event_id
         FROM holds h JOIN ticket_types tt ON tt.id = h.ticket_type_id
        WHERE h.checkout = $1
        ORDER BY h.ticket_type_id
          FOR UPDATE OF h`,
      [input.hold],
    )
    if (holds.length === 0) throw new NotFoundError('unknown_hold', 'No such hold.')
    if (!holds.every((h) => sameHash(input.token, h.token_hash))) throw new ForbiddenError('That token does not own this hold.')
    if (holds.some((h) => h.order_id)) throw new ConflictError('hold_used', 'This hold already has an order.')
    if (holds.some((h) => h.status !== 'active' || new Date(h.expires_at) <= now)) {
      throw new ConflictError('hold_expired', 'The hold has expired or was released; hold the tickets again.')
    }
    const currency = holds[0].currency as string
    if (holds.some((h) => h.currency !== currency)) throw new UnprocessableError('mixed_currencies', 'All tickets of an order must share a currency.')
    const eventId = holds[0].event_id as string
    const lines: PriceLine[] = holds.map((h) => ({ ticketType: h.ticket_type_id, event: h.event_id, unitPrice: num(h.price), quantity: num(h.quantity) }))

    const code = input.discountCode ? await loadDiscountCode(tx, input.discountCode, now) : undefined
    const priced = priceOrder(lines, currency, code)
    if ('refused' in priced) throw new InvalidDiscountError(priced.refused)

    const expiresAt = new Date(now.getTime() + paymentMinutes() * 60_000)
    const free = priced.total === 0
    const { rows: [order] } = await tx.query(
      `INSERT INTO orders (event_id, buyer_id, status, subtotal, discount, tax, total, currency, discount_code_id, checkout,
                           billing_email, billing_name, billing_phone, billing_address, ip_address, user_agent, expires_at)
       VALUES ($1, $2, 'pending', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id`,
      [
        eventId, input.buyerId ?? null, priced.subtotal, priced.discount, priced.tax, priced.total, currency, code?.id ?? null, input.hold,
        // Phone and address are stored only as ciphertext (field-encryption), like the collection's own writes.
        input.billing.email.trim().toLowerCase(), input.billing.name, encryptValue(input.billing.phone ?? null),
        input.billing.address ? JSON.stringify(encryptValue(input.billing.address)) : null, input.ipAddress ?? null, input.userAgent ?? null, expiresAt,
      ],
    )
    const items: OrderView['items'] = []
    for (const [i, line] of priced.lines.entries()) {
      const { rows: [item] } = await tx.query(
        `INSERT INTO order_items (order_id, ticket_type_id, quantity, unit_price, subtotal, discount, final_price, discount_code_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [order.id, line.ticketType, line.quantity, line.unitPrice, line.subtotal, line.discount, line.finalPrice, line.discount > 0 ? code!.id : null],
      )
      items.push({ id: item.id, ticketType: line.ticketType, name: holds[i].name, quantity: line.quantity, unitPrice: line.unitPrice, subtotal: line.subtotal, discount: line.discount, finalPrice: line.finalPrice })
    }
    if (code) {
      await reserveDiscountUse(tx, code, { orderId: order.id, buyerEmail: input.billing.email, buyerId: input.buyerId, discount: priced.discount, orderTotal: priced.total })
    }
    // The hold now belongs to the order and lasts as long as the payment window.
    await tx.query(`UPDATE holds SET order_id = $1, expires_at = $2, updated_at = now() WHERE checkout = $3`, [order.id, expiresAt, input.hold])
    await auditInTx(tx, {
      action: 'create', collection: 'orders', documentId: order.id, actor: input.buyerId,
      summary: `order ${order.id} created: total ${priced.total} ${currency}`, changes: { status: 'pending', total: priced.total, discount: priced.discount, items: priced.lines.length },
    })
    let status = 'pending'
    if (free) status = await completeInTx(tx, order.id, now)
    return { id: order.id, status, subtotal: priced.subtotal, discount: priced.discount, tax: priced.tax, total: priced.total, currency, items }
  })
}

/**
 * Completes a pending order: sold goes up (never past capacity), its holds are consumed, its
 * discount use confirmed, and one ticket per admitted person issued. Returns the new status.
 */
async function completeInTx(tx: Tx, orderId: string, now: Date): Promise<string> {
  const { rows: items } = await tx.query(
    `SELECT oi.id, oi.ticket_type_id, oi.quantity, o.event_id, o.billing_name, o.billing_email
       FROM order_items oi JOIN orders o ON o.id = oi.order_id WHERE oi.order_id = $1 ORDER BY oi.ticket_type_id`,
    [orderId],
  )
  for (const item of items) {
    const updated = await tx.query(
      `UPDATE ticket_types SET sold = sold + $2, updated_at = now() WHERE id = $1 AND sold + $2 <= capacity RETURNING id`,
      [item.ticket_type_id, item.quantity],
    )
    if (updated.rowCount === 0) throw new ConflictError('sold_out', 'The tickets of this order are no longer available.', { ticketType: item.ticket_type_id })
    for (let n = 0; n < num(item.quantity); n++) {
      await tx.query(
        `INSERT INTO tickets (code, order_id, order_item_id, event_id, ticket_type_id, attendee_name, attendee_email, status)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'valid')`,
        [newTicketCode(), orderId, item.id, item.event_id, item.ticket_type_id, item.billing_name, item.billing_email],
      )
    }
  }
  await tx.query(`UPDATE holds SET status = 'consumed', updated_at = now() WHERE order_id = $1`, [orderId])
  await tx.query(`UPDATE discount_redemptions SET status = 'confirmed', updated_at = now() WHERE order_id = $1`, [orderId])
  await countCampaignConversion(tx, orderId, now)
  await tx.query(`UPDATE orders SET status = 'completed', completed_at = $2, updated_at = now() WHERE id = $1`, [orderId, now])
  await orderEvent(tx, 'order.completed', orderId)
  const tickets = items.reduce((n, i) => n + num(i.quantity), 0)
  await auditInTx(tx, { action: 'update', collection: 'orders', documentId: orderId, summary: `order ${orderId} completed, ${tickets} ticket(s) issued`, changes: [{ field: 'status', to: 'completed' }] })
  return 'completed'
}

/** A paid order that used a campaign's promotional code is one conversion (and its total the revenue) of that campaign's promo_code channel. */
async function countCampaignConversion(tx: Tx, orderId: string, now: Date) {
  await tx.query(
    `INSERT INTO campaign_analytics (campaign_id, day, channel, conversions, revenue)
     SELECT dc.campaign_id, to_char($2::timestamptz AT TIME ZONE 'UTC', 'YYYY-MM-DD'), 'promo_code'::enum_campaign_analytics_channel, 1, o.total
       FROM discount_redemptions r JOIN discount_codes dc ON dc.id = r.discount_code_id JOIN orders o ON o.id = r.order_id
      WHERE r.order_id = $1 AND dc.campaign_id IS NOT NULL
     ON CONFLICT (campaign_id, day, channel) DO UPDATE
       SET conversions = campaign_analytics.conversions + EXCLUDED.conversions, revenue = campaign_analytics.revenue + EXCLUDED.revenue, updated_at = now()`,
    [orderId, now],
  )
}

async function failInTx(tx: Tx, orderId: string, status: 'failed' | 'cancelled', now: Date) {
  await auditInTx(tx, { action: 'update', collection: 'orders', documentId: orderId, summary: `order ${orderId} ${status}`, changes: [{ field: 'status', to: status }] })
  await tx.query(`UPDATE holds SET status = 'released', updated_at = now() WHERE order_id = $1 AND status = 'active'`, [orderId])
  await releaseDiscountUse(tx, orderId)
  await tx.query(
    `UPDATE orders SET status = $2::enum_orders_status, cancelled_at = CASE WHEN $2::text = 'cancelled' THEN $3::timestamptz ELSE cancelled_at END, updated_at = now() WHERE id = $1`,
    [orderId, status, now],
  )
  if (status === 'cancelled') await orderEvent(tx, 'order.cancelled', orderId)
}

/** The webhook outbox entry of an order event, in the order's own transaction; for the event's organizer (and admins). */
async function orderEvent(tx: Tx, type: 'order.completed' | 'order.refunded' | 'order.cancelled', orderId: string) {
  const { rows: [o] } = await tx.query(
    `SELECT o.id, o.status, o.event_id AS event, e.organizer_id, o.subtotal::int, o.discount::int, o.tax::int, o.total::int, o.currency, o.billing_email AS "buyerEmail", o.billing_name AS "buyerName",
            o.completed_at AS "completedAt", o.refunded_at AS "refundedAt", o.cancelled_at AS "cancelledAt",
            COALESCE((SELECT json_agg(json_build_object('ticketType', oi.ticket_type_id, 'quantity', oi.quantity::int, 'unitPrice', oi.unit_price::int, 'finalPrice', oi.final_price::int)) FROM order_items oi WHERE oi.order_id = o.id), '[]') AS items
       FROM orders o JOIN events e ON e.id = o.event_id WHERE o.id = $1`,
    [orderId],
  )
  if (!o) return
  const { organizer_id: organizer, ...order } = o
  await recordEvent(pgRun(tx), type, { order }, { organizer })
}

export type PaymentEvent = { id: string; type: string; orderId?: string | null; paymentIntentId?: string | null }
export type Outcome = 'completed' | 'failed' | 'refunded' | 'duplicate' | 'ignored' | 'oversold'

/**
 * Applies one payment-provider event exactly once: the event id is recorded in the same
 * transaction as its effect, so a redelivery (or a concurrent one) changes nothing.
 */
export async function applyPaymentEvent(db: Db, ev: PaymentEvent, now: Date): Promise<{ outcome: Outcome; orderId?: string }> {
  return withTransaction(db, async (tx) => {
    const { rows: [order] } = await tx.query(
      `SELECT id, status FROM orders WHERE ($1::uuid IS NOT NULL AND id = $1::uuid) OR ($2::text IS NOT NULL AND payment_intent_id = $2) LIMIT 1`,
      [ev.orderId && /^[0-9a-f-]{36}$/i.test(ev.orderId) ? ev.orderId : null, ev.paymentIntentId ?? null],
    )
    const recorded = await tx.query(
      `INSERT INTO payment_events (provider, event_id, type, order_id) VALUES ('stripe', $1, $2, $3)
       ON CONFLICT (event_id) DO NOTHING RETURNING id`,
      [ev.id, ev.type, order?.id ?? null],
    )
    if (recorded.rowCount === 0) return { outcome: 'duplicate' as const, orderId: order?.id }
    if (!order) return { outcome: 'ignored' as const }
    const { rows: [locked] } = await tx.query(`SELECT id, status FROM orders WHERE id = $1 FOR UPDATE`, [order.id])
    let outcome: Outcome = 'ignored'
    if (ev.type === 'payment_intent.succeeded' && ['pending', 'processing'].includes(locked.status)) {
      try {
        await tx.query('SAVEPOINT complete_order')
        await completeInTx(tx, order.id, now)
        outcome = 'completed'
      } catch (err) {
        if (!(err instanceof DomainError) || err.code !== 'sold_out') throw err
        // Paid after its hold lapsed and the seats went to someone else: fail it (refund by hand).
        await tx.query('ROLLBACK TO SAVEPOINT complete_order')
        await failInTx(tx, order.id, 'failed', now)
        outcome = 'oversold'
      }
    } else if ((ev.type === 'payment_intent.payment_failed' || ev.type === 'payment_intent.canceled') && ['pending', 'processing'].includes(locked.status)) {
      await failInTx(tx, order.id, 'failed', now)
      outcome = 'failed'
    } else if (ev.type === 'charge.refunded' && locked.status === 'completed') {
      await refundInTx(tx, order.id, now)
      outcome = 'refunded'
    }
    await tx.query(`UPDATE payment_events SET outcome = $2 WHERE event_id = $1`, [ev.id, outcome])
    return { outcome, orderId: order.id }
  })
}

async function refundInTx(tx: Tx, orderId: string, now: Date) {
  const { rows } = await tx.query<{ ticket_type_id: string; n: string }>(
    `UPDATE tickets SET status = 'void', updated_at = now() WHERE order_id = $1 AND status <> 'void' RETURNING ticket_type_id, 1 AS n`,
    [orderId],
  )
  const perType = new Map<string, number>()
  for (const r of rows) perType.set(r.ticket_type_id, (perType.get(r.ticket_type_id) ?? 0) + 1)
  for (const [tt, n] of perType) await tx.query(`UPDATE ticket_types SET sold = GREATEST(0, sold - $2), updated_at = now() WHERE id = $1`, [tt, n])
  await tx.query(`UPDATE orders SET status = 'refunded', refunded_at = $2, updated_at = now() WHERE id = $1`, [orderId, now])
  await orderEvent(tx, 'order.refunded', orderId)
  await auditInTx(tx, { action: 'update', collection: 'orders', documentId: orderId, summary: `order ${orderId} refunded, ${rows.length} ticket(s) voided`, changes: [{ field: 'status', to: 'refunded' }] })
}

/** Records the payment intent of a pending order. */
export async function attachPaymentIntent(db: Db, orderId: string, paymentIntentId: string): Promise<void> {
  await db.query(`UPDATE orders SET payment_intent_id = $2, updated_at = now() WHERE id = $1`, [orderId, paymentIntentId])
}

/** Fails an order whose payment could not even start (the provider refused or was unreachable). */
export async function abandonOrder(db: Db, orderId: string, now: Date): Promise<void> {
  await withTransaction(db, async (tx) => {
    const { rows: [o] } = await tx.query(`SELECT status FROM orders WHERE id = $1 FOR UPDATE`, [orderId])
    if (o && o.status === 'pending') await failInTx(tx, orderId, 'failed', now)
  })
}

/**
 * The scheduled clean-up: pending orders past their payment window fail (their discount use is
 * given back), and expired or released holds are deleted. Expired holds already stopped counting.
 */
export async function expireCheckouts(db: Db, now: Date): Promise<{ ordersExpired: number; holdsDeleted: number }> {
  return withTransaction(db, async (tx) => {
    const { rows: stale } = await tx.query<{ id: string }>(
      `SELECT id FROM orders WHERE status = 'pending' AND expires_at <= $1 FOR UPDATE SKIP LOCKED`,
      [now],
    )
    for (const o of stale) await failInTx(tx, o.id, 'failed', now)
    const deleted = await tx.query(
      `DELETE FROM holds WHERE (status = 'active' AND expires_at <= $1 AND (order_id IS NULL OR order_id IN (SELECT id FROM orders WHERE status <> 'pending')))
          OR status = 'released'`,
      [now],
    )
    return { ordersExpired: stale.length, holdsDeleted: deleted.rowCount ?? 0 }
  })
}

export type OrderForPayment = { id: string; total: number; currency: string; status: string; paymentIntentId: string | null; eventId: string; billingEmail: string }

export async function getOrder(db: Db, orderId: string): Promise<OrderForPayment | undefined> {
  const { rows: [o] } = await db.query(
    `SELECT id, total, currency, status, payment_intent_id, event_id, billing_email FROM orders WHERE id = $1`,
    [orderId],
  )
  if (!o) return undefined
  return { id: o.id, total: num(o.total), currency: o.currency, status: o.status, paymentIntentId: o.payment_intent_id, eventId: o.event_id, billingEmail: o.billing_email }
}

export async function ticketCodesOf(db: Db, orderId: string): Promise<Array<{ code: string; ticketType: string }>> {
  const { rows } = await db.query(
    `SELECT t.code, tt.name AS ticket_type FROM tickets t JOIN ticket_types tt ON tt.id = t.ticket_type_id WHERE t.order_id = $1 ORDER BY t.created_at, t.code`,
    [orderId],
  )
  return rows.map((r) => ({ code: r.code, ticketType: r.ticket_type }))
}
