/**
 * Orders: created from a hold (prices and discounts computed here, never taken from the
 * client) and completed when paid. Each step is one transaction; expiry is decided by the
 * database's clock. Payment outcomes live in paymentEvents.ts, refunds in refunds.ts.
 */
import { encryptValue } from '../../plugins/field-encryption'
import { recordEvent, pgRun } from '../../plugins/webhooks'
import { auditInTx } from '../audit'
import { num, withTransaction, type Db, type Tx } from '../../db/transaction'
import { liveHeld, lockTicketTypesOfHolds } from './holds'
import { buyerKeyOf } from './buyerKey'
import { InvalidDiscountError, isDiscountUsedUp, loadDiscountCode, releaseDiscountUse, reserveDiscountUse } from './discounts'
import { ConflictError, ForbiddenError, NotFoundError, UnprocessableError } from './errors'
import { notify } from './notifications'
import { allocate, priceOrder, type PriceLine } from './pricing'
import { newTicketCode, sameHash } from './tokens'
import { isSeated, seatsForCompletion, sellSeat } from './seating'
import { claimOfferInTx } from './waitlist'

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
  items: Array<{
    id: string
    ticketType: string
    name: string
    quantity: number
    unitPrice: number
    subtotal: number
    discount: number
    finalPrice: number
  }>
}

/** How long a buyer has to pay once the order exists (the hold is stretched to match). */
export const paymentMinutes = () => Number(process.env.CHECKOUT_PAYMENT_MINUTES || 30)

export async function createOrder(db: Db, input: CreateOrderInput, now: Date): Promise<OrderView> {
  return withTransaction(db, async (tx) => {
    await lockTicketTypesOfHolds(tx, 'checkout', input.hold)
    const { rows: holds } = await tx.query(
      `SELECT h.id, h.ticket_type_id, h.quantity, h.token_hash, h.status, h.expires_at > now() AS live, h.order_id,
              tt.name, COALESCE(tt.seat_price, tt.price) AS price, tt.currency, tt.event_id, e.organizer_id
         FROM holds h JOIN ticket_types tt ON tt.id = h.ticket_type_id JOIN events e ON e.id = tt.event_id
        WHERE h.checkout = $1
        ORDER BY h.ticket_type_id
          FOR UPDATE OF h`,
      [input.hold],
    )
    if (holds.length === 0) throw new NotFoundError('unknown_hold', 'No such hold.')
    if (!holds.every((h) => sameHash(input.token, h.token_hash))) throw new ForbiddenError('That token does not own this hold.')
    if (holds.some((h) => h.order_id)) throw new ConflictError('hold_used', 'This hold already has an order.')
    if (holds.some((h) => h.status !== 'active' || !h.live)) {
      throw new ConflictError('hold_expired', 'The hold has expired or was released; hold the tickets again.')
    }
    const currency = holds[0].currency as string
    if (holds.some((h) => h.currency !== currency))
      throw new UnprocessableError('mixed_currencies', 'All tickets of an order must share a currency.')
    const eventId = holds[0].event_id as string
    const lines: PriceLine[] = holds.map((h) => ({
      ticketType: h.ticket_type_id,
      event: h.event_id,
      unitPrice: num(h.price),
      quantity: num(h.quantity),
    }))

    const code = input.discountCode ? await loadDiscountCode(tx, input.discountCode, now) : undefined
    // An organizer's code discounts only that organizer's events.
    if (code?.organizer && code.organizer !== holds[0].organizer_id) throw new InvalidDiscountError('not_applicable')
    const priced = priceOrder(lines, currency, code)
    if ('refused' in priced) throw new InvalidDiscountError(priced.refused)

    const free = priced.total === 0
    const {
      rows: [order],
    } = await tx.query(
      `INSERT INTO orders (event_id, buyer_id, status, subtotal, discount, tax, total, currency, discount_code_id, checkout,
                           billing_email, billing_name, billing_phone, billing_address, ip_address, user_agent, expires_at, refunded_amount, payment_attempts)
       VALUES ($1, $2, 'pending', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, now() + make_interval(mins => $16), 0, 0) RETURNING id, expires_at`,
      [
        eventId,
        input.buyerId ?? null,
        priced.subtotal,
        priced.discount,
        priced.tax,
        priced.total,
        currency,
        code?.id ?? null,
        input.hold,
        // Phone and address are stored only as ciphertext (field-encryption), like the collection's own writes.
        input.billing.email.trim().toLowerCase(),
        input.billing.name,
        encryptValue(input.billing.phone ?? null),
        input.billing.address ? JSON.stringify(encryptValue(input.billing.address)) : null,
        input.ipAddress ?? null,
        input.userAgent ?? null,
        paymentMinutes(),
      ],
    )
    const items: OrderView['items'] = []
    for (const [i, line] of priced.lines.entries()) {
      const {
        rows: [item],
      } = await tx.query(
        `INSERT INTO order_items (order_id, ticket_type_id, quantity, unit_price, subtotal, discount, final_price, discount_code_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [
          order.id,
          line.ticketType,
          line.quantity,
          line.unitPrice,
          line.subtotal,
          line.discount,
          line.finalPrice,
          line.discount > 0 ? code!.id : null,
        ],
      )
      items.push({
        id: item.id,
        ticketType: line.ticketType,
        name: holds[i].name,
        quantity: line.quantity,
        unitPrice: line.unitPrice,
        subtotal: line.subtotal,
        discount: line.discount,
        finalPrice: line.finalPrice,
      })
    }
    if (code) {
      await reserveDiscountUse(tx, code, {
        orderId: order.id,
        buyerEmail: input.billing.email,
        buyerId: input.buyerId,
        discount: priced.discount,
        orderTotal: priced.total,
      })
    }
    // The hold now belongs to the order and lasts as long as the payment window.
    await tx.query(`UPDATE holds SET order_id = $1, expires_at = $2, updated_at = now() WHERE checkout = $3`, [
      order.id,
      order.expires_at,
      input.hold,
    ])
    await auditInTx(tx, {
      action: 'create',
      collection: 'orders',
      documentId: order.id,
      actor: input.buyerId,
      summary: `order ${order.id} created: total ${priced.total} ${currency}`,
      changes: { status: 'pending', total: priced.total, discount: priced.discount, items: priced.lines.length },
    })
    let status = 'pending'
    if (free) {
      const done = await completeInTx(tx, order.id)
      if (!done.ok)
        throw new ConflictError('sold_out', 'The tickets of this order are no longer available.', { ticketType: done.ticketType })
      status = 'completed'
    }
    return {
      id: order.id,
      status,
      subtotal: priced.subtotal,
      discount: priced.discount,
      tax: priced.tax,
      total: priced.total,
      currency,
      items,
    }
  })
}

export type Completion = { ok: true } | { ok: false; reason: 'sold_out' | 'event_not_on_sale' | 'discount_used_up'; ticketType?: string }

/**
 * Completes an order (pending, processing, or one that failed and was paid late): under a row
 * lock on each of its ticket types, taken in id order, its tickets must still fit counting
 * what is sold and every OTHER buyer's live hold; its own holds are what it consumes. Then sold
 * goes up, the tickets are issued (each with its share of the line's price), the discount use
 * confirmed (re-reserved, under its limit, when a lapsed order gave it back), the confirmation
 * e-mail queued in the outbox. Returns why it could not, and then changes nothing.
 */
export async function completeInTx(tx: Tx, orderId: string): Promise<Completion> {
  const { rows: items } = await tx.query(
    `SELECT oi.id, oi.ticket_type_id, oi.quantity, oi.final_price, o.event_id, o.billing_name, o.billing_email, o.discount_code_id, e.status AS event_status
       FROM order_items oi JOIN orders o ON o.id = oi.order_id JOIN events e ON e.id = o.event_id
      WHERE oi.order_id = $1 ORDER BY oi.ticket_type_id`,
    [orderId],
  )
  if (items.length === 0) throw new NotFoundError('unknown_order', 'No such order.')
  if (items[0].event_status !== 'published') return { ok: false, reason: 'event_not_on_sale' }
  await tx.query('SAVEPOINT complete_order')
  for (const item of items) {
    // The lock first, then a fresh statement: it sees every hold committed before the lock.
    await tx.query(`SELECT id FROM ticket_types WHERE id = $1 FOR UPDATE`, [item.ticket_type_id])
    const updated = await tx.query(
      `UPDATE ticket_types tt SET sold = sold + $2, updated_at = now()
        WHERE tt.id = $1
          AND tt.sold + $2 + ${liveHeld('tt')} - COALESCE((SELECT SUM(h.quantity) FROM holds h
                WHERE h.order_id = $3 AND h.ticket_type_id = $1 AND h.status = 'active' AND h.expires_at > now()), 0) <= tt.capacity
        RETURNING id`,
      [item.ticket_type_id, item.quantity, orderId],
    )
    if (updated.rowCount === 0) {
      await tx.query('ROLLBACK TO SAVEPOINT complete_order')
      return { ok: false, reason: 'sold_out', ticketType: item.ticket_type_id }
    }
    const shares = allocate(
      num(item.final_price),
      Array.from({ length: num(item.quantity) }, () => 1),
    )
    // A seated ticket type: the seats its holds claimed (still free of any other buyer) become
    // sold, one per ticket. Fewer than the quantity: another buyer took one after a lapse.
    const seated = await isSeated(tx, item.ticket_type_id)
    const seats = seated ? await seatsForCompletion(tx, orderId, item.ticket_type_id) : []
    if (seated && seats.length < num(item.quantity)) {
      await tx.query('ROLLBACK TO SAVEPOINT complete_order')
      return { ok: false, reason: 'sold_out', ticketType: item.ticket_type_id }
    }
    for (const [i, price] of shares.entries()) {
      const seat = seats[i]
      const {
        rows: [ticket],
      } = await tx.query(
        `INSERT INTO tickets (code, order_id, order_item_id, event_id, ticket_type_id, attendee_name, attendee_email, status, price,
                              event_seat_id, seat_section, seat_row, seat_number)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'valid', $8, $9, $10, $11, $12) RETURNING id`,
        [
          newTicketCode(),
          orderId,
          item.id,
          item.event_id,
          item.ticket_type_id,
          item.billing_name,
          item.billing_email,
          price,
          seat?.id ?? null,
          seat?.section_name ?? null,
          seat?.row_name ?? null,
          seat?.seat_number ?? null,
        ],
      )
      if (seat) await sellSeat(tx, seat.id, ticket.id)
    }
  }
  if (items[0].discount_code_id) {
    const { rowCount } = await tx.query(`SELECT 1 FROM discount_redemptions WHERE order_id = $1`, [orderId])
    if (rowCount === 0) {
      // A lapsed order gave its use back; paid late, it takes one again, under the limit and, for a
      // one-per-buyer code, with the buyer's key (a second use by the same buyer is refused).
      const {
        rows: [o],
      } = await tx.query(
        `SELECT o.billing_email, o.buyer_id, o.discount, o.total, dc.one_per_buyer FROM orders o JOIN discount_codes dc ON dc.id = o.discount_code_id WHERE o.id = $1`,
        [orderId],
      )
      let taken = 0
      try {
        await tx.query('SAVEPOINT take_discount')
        const r = await tx.query(
          `INSERT INTO discount_redemptions (discount_code_id, order_id, buyer_id, buyer_email, buyer_key, status, discount, order_total)
           VALUES ($1, $2, $3, lower($4), $5, 'reserved', $6, $7) ON CONFLICT (discount_code_id, buyer_key) DO NOTHING`,
          [
            items[0].discount_code_id,
            orderId,
            o.buyer_id,
            o.billing_email,
            o.one_per_buyer ? buyerKeyOf(o.billing_email) : null,
            o.discount,
            o.total,
          ],
        )
        taken = r.rowCount ?? 0
      } catch (err) {
        if (!isDiscountUsedUp(err)) throw err
        await tx.query('ROLLBACK TO SAVEPOINT take_discount')
      }
      if (taken === 0) {
        await tx.query('ROLLBACK TO SAVEPOINT complete_order')
        return { ok: false, reason: 'discount_used_up' }
      }
    }
  }
  await tx.query(`UPDATE holds SET status = 'consumed', updated_at = now() WHERE order_id = $1`, [orderId])
  await claimOfferInTx(tx, orderId)
  await tx.query(`UPDATE discount_redemptions SET status = 'confirmed', updated_at = now() WHERE order_id = $1`, [orderId])
  await countCampaignConversion(tx, orderId)
  await tx.query(`UPDATE orders SET status = 'completed', completed_at = now(), updated_at = now() WHERE id = $1`, [orderId])
  await orderEvent(tx, 'order.completed', orderId)
  await notify(tx, {
    kind: 'order_confirmation',
    dedupeKey: `order_confirmation:${orderId}`,
    recipient: items[0].billing_email,
    order: orderId,
    event: items[0].event_id,
  })
  const tickets = items.reduce((n, i) => n + num(i.quantity), 0)
  await auditInTx(tx, {
    action: 'update',
    collection: 'orders',
    documentId: orderId,
    summary: `order ${orderId} completed, ${tickets} ticket(s) issued`,
    changes: [{ field: 'status', to: 'completed' }],
  })
  return { ok: true }
}

/** A paid order that used a campaign's promotional code is one conversion (and its total the revenue) of that campaign's promo_code channel. */
async function countCampaignConversion(tx: Tx, orderId: string) {
  await tx.query(
    `INSERT INTO campaign_analytics (campaign_id, day, channel, conversions, revenue)
     SELECT dc.campaign_id, to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD'), 'promo_code'::enum_campaign_analytics_channel, 1, o.total
       FROM discount_redemptions r JOIN discount_codes dc ON dc.id = r.discount_code_id JOIN orders o ON o.id = r.order_id
      WHERE r.order_id = $1 AND dc.campaign_id IS NOT NULL
     ON CONFLICT (campaign_id, day, channel) DO UPDATE
       SET conversions = campaign_analytics.conversions + EXCLUDED.conversions, revenue = campaign_analytics.revenue + EXCLUDED.revenue, updated_at = now()`,
    [orderId],
  )
}

/** An unpaid order ends: its holds and its discount use are given back. */
export async function failInTx(tx: Tx, orderId: string, status: 'failed' | 'cancelled', why: string) {
  await auditInTx(tx, {
    action: 'update',
    collection: 'orders',
    documentId: orderId,
    summary: `order ${orderId} ${status}: ${why}`,
    changes: [{ field: 'status', to: status }],
  })
  await lockTicketTypesOfHolds(tx, 'order', orderId)
  await tx.query(`UPDATE holds SET status = 'released', updated_at = now() WHERE order_id = $1 AND status = 'active'`, [orderId])
  await releaseDiscountUse(tx, orderId)
  await tx.query(
    `UPDATE orders SET status = $2::enum_orders_status, cancelled_at = CASE WHEN $2::text = 'cancelled' THEN now() ELSE cancelled_at END, updated_at = now() WHERE id = $1`,
    [orderId, status],
  )
  if (status === 'cancelled') await orderEvent(tx, 'order.cancelled', orderId)
}

export type OrderEventType =
  'order.completed' | 'order.refunded' | 'order.partially_refunded' | 'order.cancelled' | 'order.refunded_unfulfilled' | 'order.disputed'

/** The webhook outbox entry of an order event, in the order's own transaction; for the event's organizer (and admins). */
export async function orderEvent(tx: Tx, type: OrderEventType, orderId: string, extra: Record<string, unknown> = {}) {
  const {
    rows: [o],
  } = await tx.query(
    `SELECT o.id, o.status, o.event_id AS event, e.organizer_id, o.subtotal::int, o.discount::int, o.tax::int, o.total::int, o.refunded_amount::int AS "refundedAmount",
            o.currency, o.billing_email AS "buyerEmail", o.billing_name AS "buyerName",
            o.completed_at AS "completedAt", o.refunded_at AS "refundedAt", o.cancelled_at AS "cancelledAt",
            o.dispute_status AS "disputeStatus", o.dispute_amount::int AS "disputeAmount",
            COALESCE((SELECT json_agg(json_build_object('ticketType', oi.ticket_type_id, 'quantity', oi.quantity::int, 'unitPrice', oi.unit_price::int, 'finalPrice', oi.final_price::int)) FROM order_items oi WHERE oi.order_id = o.id), '[]') AS items
       FROM orders o JOIN events e ON e.id = o.event_id WHERE o.id = $1`,
    [orderId],
  )
  if (!o) return
  const { organizer_id: organizer, ...order } = o
  await recordEvent(pgRun(tx), type, { order, ...extra }, { organizer })
}

/** Records the payment intent of a pending order. */
export async function attachPaymentIntent(db: Db, orderId: string, paymentIntentId: string): Promise<void> {
  await db.query(`UPDATE orders SET payment_intent_id = $2, updated_at = now() WHERE id = $1`, [orderId, paymentIntentId])
}

/** Fails an order whose payment could not even start (the provider refused or was unreachable). */
/**
 * The payment could not start (the provider is unreachable): the order fails, its discount use is
 * given back, and its hold is detached from it but stays live until it lapses, so the buyer can
 * place the order again once payment works. Returns when the hold lapses (null if none is live).
 */
export async function abandonOrder(db: Db, orderId: string): Promise<{ holdExpiresAt: string | null }> {
  return withTransaction(db, async (tx) => {
    const {
      rows: [o],
    } = await tx.query(`SELECT status FROM orders WHERE id = $1 FOR UPDATE`, [orderId])
    if (!o || o.status !== 'pending') return { holdExpiresAt: null }
    await auditInTx(tx, {
      action: 'update',
      collection: 'orders',
      documentId: orderId,
      summary: `order ${orderId} failed: the payment could not start (hold kept for a retry)`,
      changes: [{ field: 'status', to: 'failed' }],
    })
    await lockTicketTypesOfHolds(tx, 'order', orderId)
    const { rows } = await tx.query<{ expires_at: Date }>(
      `UPDATE holds SET order_id = NULL, updated_at = now() WHERE order_id = $1 AND status = 'active' AND expires_at > now() RETURNING expires_at`,
      [orderId],
    )
    await tx.query(`UPDATE holds SET status = 'released', updated_at = now() WHERE order_id = $1 AND status = 'active'`, [orderId])
    await releaseDiscountUse(tx, orderId)
    await tx.query(`UPDATE orders SET status = 'failed', updated_at = now() WHERE id = $1`, [orderId])
    const until = rows.map((r) => new Date(r.expires_at).getTime()).sort((a, b) => a - b)[0]
    return { holdExpiresAt: until ? new Date(until).toISOString() : null }
  })
}

export type OrderForPayment = {
  id: string
  total: number
  refundedAmount: number
  currency: string
  status: string
  paymentIntentId: string | null
  eventId: string
  billingEmail: string
  buyerId: string | null
}

export async function getOrder(db: Db | Tx, orderId: string, lock = false): Promise<OrderForPayment | undefined> {
  const {
    rows: [o],
  } = await db.query(
    `SELECT id, total, refunded_amount, currency, status, payment_intent_id, event_id, billing_email, buyer_id FROM orders WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`,
    [orderId],
  )
  if (!o) return undefined
  return {
    id: o.id,
    total: num(o.total),
    refundedAmount: num(o.refunded_amount),
    currency: o.currency,
    status: o.status,
    paymentIntentId: o.payment_intent_id,
    eventId: o.event_id,
    billingEmail: o.billing_email,
    buyerId: o.buyer_id,
  }
}

export async function ticketCodesOf(db: Db | Tx, orderId: string): Promise<Array<{ code: string; ticketType: string; status: string }>> {
  const { rows } = await db.query(
    `SELECT t.code, tt.name AS ticket_type, t.status FROM tickets t JOIN ticket_types tt ON tt.id = t.ticket_type_id WHERE t.order_id = $1 ORDER BY t.created_at, t.code`,
    [orderId],
  )
  return rows.map((r) => ({ code: r.code, ticketType: r.ticket_type, status: r.status }))
}
