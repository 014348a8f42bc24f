/**
 * Cancellations that move no money through Stripe (free and fully discounted orders), and the
 * cancellation of a whole event: every paid order refunded, every free one cancelled, every
 * holder told, resumable and safe to run twice at once (each order is taken under a row lock
 * with SKIP LOCKED and changes status in the same transaction that records its refund).
 */
import { auditInTx } from '../audit'
import type { Principal } from '../../access/principal'
import { withTransaction, type Db, type Tx } from '../../db/transaction'
import { ConflictError, ForbiddenError, NotFoundError } from './errors'
import { notify } from './notifications'
import { failInTx, getOrder, orderEvent, type OrderForPayment } from './orders'
import { cancelPaymentIntent } from './payments'
import { refundInTx, sendRefund, voidTickets } from './refunds'
import { roleOnOrder } from './authorize'

async function cancelFreeInTx(tx: Tx, order: OrderForPayment, actor: string | null, why: string) {
  const voided = await voidTickets(tx, order.id, 'all')
  await tx.query(`UPDATE orders SET status = 'cancelled', cancelled_at = now(), updated_at = now() WHERE id = $1`, [order.id])
  await orderEvent(tx, 'order.cancelled', order.id)
  await auditInTx(tx, {
    action: 'update',
    collection: 'orders',
    documentId: order.id,
    actor,
    summary: `order ${order.id} cancelled (${why}), ${voided.length} ticket(s) voided`,
    changes: [{ field: 'status', from: order.status, to: 'cancelled' }],
  })
  return voided
}

/**
 * POST /orders/:id/cancel: a completed order that cost nothing is cancelled, its tickets voided
 * and its capacity returned. The event's organizer and admins may at any time; the buyer until
 * `buyerCancellationHours` before the event starts (not at all when the organizer set none).
 */
export async function cancelOrder(db: Db, orderId: string, principal: Principal | null) {
  return withTransaction(db, async (tx) => {
    const order = await getOrder(tx, orderId, true)
    const role = order ? await roleOnOrder(db, principal, order, 'cancel') : false
    if (!order || !role) throw new NotFoundError('unknown_order', 'No such order.')
    if (order.status !== 'completed')
      throw new ConflictError('not_cancellable', `Only completed orders can be cancelled; this one is ${order.status}.`)
    if (order.total > 0) throw new ConflictError('not_cancellable', 'This order was paid: refund it instead (POST /api/orders/:id/refund).')
    if (role === 'buyer') {
      const {
        rows: [e],
      } = await tx.query(
        `SELECT buyer_cancellation_hours IS NOT NULL AND now() < start_date - make_interval(hours => buyer_cancellation_hours::int) AS open FROM events WHERE id = $1`,
        [order.eventId],
      )
      if (!e?.open) throw new ForbiddenError('The organizer’s cancellation deadline for this event has passed (or buyers cannot cancel).')
    }
    const voided = await cancelFreeInTx(tx, order, String(principal!.id), role === 'buyer' ? 'by the buyer' : 'by the organizer')
    return { order: { id: order.id, status: 'cancelled' }, voided }
  })
}

export type CancellationProgress = { orders: number; done: number; refunds: number; status: 'refunding' | 'done' }

/** The `cancelEventOrders` job: refunds or cancels every order of a cancelled event, exactly once each. */
export async function cancelEventOrders(db: Db, eventId: string): Promise<CancellationProgress> {
  const {
    rows: [ev],
  } = await db.query(`SELECT status FROM events WHERE id = $1`, [eventId])
  if (!ev) throw new NotFoundError('unknown_event', 'No such event.')
  if (ev.status !== 'cancelled') throw new ConflictError('event_not_cancelled', 'Only a cancelled event’s orders are refunded.')
  // The total is fixed once, by the first run; later runs only add to `done`.
  await db.query(
    `UPDATE events SET cancellation_status = 'refunding', cancellation_orders_done = 0,
            cancellation_orders = (SELECT count(*) FROM orders WHERE event_id = $1 AND status IN ('completed', 'partially_refunded'))
      WHERE id = $1 AND cancellation_status IS NULL`,
    [eventId],
  )
  // Unpaid orders end now and their PaymentIntents are cancelled (a payment that still lands is refunded as unfulfilled).
  const intentsToCancel = await withTransaction(db, async (tx) => {
    const { rows } = await tx.query(
      `SELECT id, payment_intent_id FROM orders WHERE event_id = $1 AND status IN ('pending', 'processing') ORDER BY id FOR UPDATE SKIP LOCKED`,
      [eventId],
    )
    // All the event's ticket types in id order before the first hold is given back (the lock order).
    await tx.query(`SELECT id FROM ticket_types WHERE event_id = $1 ORDER BY id FOR UPDATE`, [eventId])
    for (const o of rows) await failInTx(tx, o.id, 'cancelled', 'the event was cancelled')
    return rows.filter((o) => o.payment_intent_id).map((o) => ({ orderId: o.id as string, paymentIntentId: o.payment_intent_id as string }))
  })
  for (const i of intentsToCancel) await cancelPaymentIntent(i.paymentIntentId, i.orderId)
  let refunds = 0
  for (;;) {
    const refundId = await withTransaction(db, async (tx) => {
      const {
        rows: [next],
      } = await tx.query(
        `SELECT id FROM orders WHERE event_id = $1 AND status IN ('completed', 'partially_refunded') ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED`,
        [eventId],
      )
      if (!next) return undefined
      const order = (await getOrder(tx, next.id))!
      let refund: { id: string; amount: number } | null = null
      if (order.paymentIntentId && order.total > order.refundedAmount)
        refund = await refundInTx(tx, order, {}, { reason: 'event_cancelled' })
      else await cancelFreeInTx(tx, order, null, 'the event was cancelled')
      const { rows: holders } = await tx.query(
        `SELECT DISTINCT lower(email) AS email FROM (SELECT billing_email AS email FROM orders WHERE id = $1 UNION SELECT attendee_email FROM tickets WHERE order_id = $1) x WHERE email IS NOT NULL`,
        [order.id],
      )
      for (const h of holders) {
        await notify(tx, {
          kind: 'event_cancelled',
          dedupeKey: `event_cancelled:${order.id}:${h.email}`,
          recipient: h.email,
          order: order.id,
          event: eventId,
          data: { refunded: Boolean(refund), amount: refund?.amount ?? 0, currency: order.currency },
        })
      }
      await tx.query(`UPDATE events SET cancellation_orders_done = cancellation_orders_done + 1 WHERE id = $1`, [eventId])
      return refund?.id ?? null
    })
    if (refundId === undefined) break
    if (refundId) {
      refunds++
      await sendRefund(db, refundId)
    }
  }
  const {
    rows: [p],
  } = await db.query(
    `UPDATE events SET cancellation_status = CASE WHEN EXISTS (SELECT 1 FROM orders WHERE event_id = $1 AND status IN ('completed', 'partially_refunded', 'pending', 'processing'))
                                                 THEN 'refunding' ELSE 'done' END::enum_events_cancellation_status
      WHERE id = $1 RETURNING cancellation_orders, cancellation_orders_done, cancellation_status`,
    [eventId],
  )
  return { orders: Number(p.cancellation_orders), done: Number(p.cancellation_orders_done), refunds, status: p.cancellation_status }
}
