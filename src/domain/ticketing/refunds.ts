/**
 * Refunds. The decision (how much, which tickets are voided, what capacity returns) is taken
 * in one transaction under the order's row lock and recorded as a `refunds` row; the money
 * moves afterwards (`sendRefund`), with the row id as Stripe's idempotency key, retried by the
 * `sendRefunds` job until Stripe has it. A refund made in Stripe's dashboard arrives as
 * `charge.refunded` and is recorded here once (`reconcileProviderRefund`).
 *
 * Capacity: a voided ticket returns its seat, except a checked-in ticket once the event has
 * started (the seat was used). Ticket-type rows are locked in id order.
 */
import { auditInTx } from '../audit'
import { num, withTransaction, type Db, type Tx } from '../../db/transaction'
import { ConflictError, NotFoundError, UnprocessableError } from './errors'
import { orderEvent, type OrderForPayment, getOrder } from './orders'
import { createRefund, isPermanentStripeError } from './payments'
import type { Principal } from '../../access/principal'
import { roleOnOrder } from './authorize'
import { failRefund } from './refundFailure'
import { freeSeatsOfTickets } from './seating'

export type RefundSpec = { tickets?: string[]; amount?: number }
export type RefundReason = 'requested' | 'event_cancelled' | 'unfulfilled' | 'provider' | 'dispute_lost'

/** Voids the given tickets of an order (all of its live ones when `ids` is 'all') and gives back what capacity they hold. */
export async function voidTickets(tx: Tx, orderId: string, ids: string[] | 'all'): Promise<string[]> {
  const { rows } = await tx.query<{ id: string; ticket_type_id: string; was: string; started: boolean }>(
    `WITH t AS (
       SELECT t.id, t.ticket_type_id, t.status AS was, e.start_date <= now() AS started
         FROM tickets t JOIN events e ON e.id = t.event_id
        WHERE t.order_id = $1 AND t.status <> 'void' AND ($2::uuid[] IS NULL OR t.id = ANY($2::uuid[]))
        ORDER BY t.id FOR UPDATE OF t)
     UPDATE tickets SET status = 'void', updated_at = now() FROM t WHERE tickets.id = t.id
     RETURNING t.id, t.ticket_type_id, t.was, t.started`,
    [orderId, ids === 'all' ? null : ids],
  )
  const back = new Map<string, number>()
  const freed: string[] = []
  for (const r of rows)
    if (r.was === 'valid' || !r.started) {
      back.set(r.ticket_type_id, (back.get(r.ticket_type_id) ?? 0) + 1)
      freed.push(r.id)
    }
  for (const tt of [...back.keys()].sort()) {
    await tx.query(`UPDATE ticket_types SET sold = GREATEST(0, sold - $2), updated_at = now() WHERE id = $1`, [tt, back.get(tt)])
  }
  // Their seats are sellable again (after the ticket-type locks: the fixed order).
  await freeSeatsOfTickets(tx, freed)
  return rows.map((r) => r.id)
}

/**
 * Records a refund of a locked, paid order: by tickets (their prices), by amount (no ticket
 * voided unless it completes the refund), or everything left. When the refunded total reaches
 * the order's total, every remaining ticket is voided and the order is `refunded`; before
 * that it is `partially_refunded`.
 */
export async function refundInTx(
  tx: Tx,
  order: OrderForPayment,
  spec: RefundSpec,
  how: { reason: RefundReason; actor?: string | null; status?: 'pending' | 'succeeded'; providerRefundId?: string | null },
): Promise<{ id: string; amount: number; status: string; voided: string[]; orderStatus: string }> {
  const remaining = order.total - order.refundedAmount
  if (remaining <= 0) throw new ConflictError('not_refundable', 'This order is already refunded in full.')
  let amount: number
  let ticketIds: string[] = []
  if (spec.tickets?.length) {
    const wanted = [...new Set(spec.tickets)]
    const { rows } = await tx.query<{ id: string; price: string | null }>(
      `SELECT id, price FROM tickets WHERE order_id = $1 AND status <> 'void' AND id = ANY($2::uuid[])`,
      [order.id, wanted],
    )
    if (rows.length !== wanted.length) {
      const found = new Set(rows.map((r) => r.id))
      throw new UnprocessableError('unknown_tickets', 'Some tickets are not live tickets of this order.', {
        tickets: wanted.filter((t) => !found.has(t)),
      })
    }
    ticketIds = wanted
    amount = Math.min(
      remaining,
      rows.reduce((n, r) => n + num(r.price), 0),
    )
  } else if (spec.amount != null) {
    if (spec.amount > remaining)
      throw new UnprocessableError('amount_too_large', `At most ${remaining} (minor units) is left to refund on this order.`, {
        refundable: remaining,
      })
    amount = spec.amount
  } else {
    amount = remaining
  }
  const refunded = order.refundedAmount + amount
  const full = refunded >= order.total
  const voided = await voidTickets(tx, order.id, full ? 'all' : ticketIds)
  const status = how.status ?? 'pending'
  const {
    rows: [refund],
  } = await tx.query(
    `INSERT INTO refunds (order_id, amount, currency, reason, status, requested_by_id, provider_refund_id, attempts)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 0) RETURNING id`,
    [order.id, amount, order.currency, how.reason, status, how.actor ?? null, how.providerRefundId ?? null],
  )
  for (const [i, t] of voided.entries()) {
    await tx.query(`INSERT INTO refunds_rels ("order", parent_id, path, tickets_id) VALUES ($1, $2, 'tickets', $3)`, [i + 1, refund.id, t])
  }
  const orderStatus = full ? 'refunded' : 'partially_refunded'
  await tx.query(
    `UPDATE orders SET refunded_amount = $2, status = $3::enum_orders_status, refunded_at = now(), updated_at = now() WHERE id = $1`,
    [order.id, refunded, orderStatus],
  )
  await orderEvent(tx, full ? 'order.refunded' : 'order.partially_refunded', order.id, {
    refund: { id: refund.id, amount, reason: how.reason, tickets: voided },
  })
  await auditInTx(tx, {
    action: 'update',
    collection: 'orders',
    documentId: order.id,
    actor: how.actor,
    summary: `order ${order.id}: ${amount} ${order.currency} refunded (${how.reason}), ${voided.length} ticket(s) voided`,
    changes: [
      { field: 'status', from: order.status, to: orderStatus },
      { field: 'refundedAmount', from: order.refundedAmount, to: refunded },
    ],
  })
  return { id: refund.id, amount, status, voided, orderStatus }
}

export type RefundRequest = {
  orderId: string
  spec: RefundSpec
  actor: string | null
  allowed: (order: OrderForPayment) => Promise<boolean>
}

/** POST /orders/:id/refund: decides and records the refund; the caller then sends it (`sendRefund`). */
export async function requestRefund(db: Db, r: RefundRequest) {
  return withTransaction(db, async (tx) => {
    const order = await getOrder(tx, r.orderId, true)
    if (!order || !(await r.allowed(order))) throw new NotFoundError('unknown_order', 'No such order.')
    // A refund_failed order (Stripe refused an earlier refund) may be refunded again.
    if (!['completed', 'partially_refunded', 'refund_failed'].includes(order.status)) {
      throw new ConflictError('not_refundable', `Only paid orders can be refunded; this one is ${order.status}.`)
    }
    if (!order.paymentIntentId || order.total === 0)
      throw new ConflictError('not_refundable', 'This order was free: there is no payment to refund; cancel it instead.')
    const refund = await refundInTx(tx, order, r.spec, { reason: 'requested', actor: r.actor })
    return {
      refund: { id: refund.id, amount: refund.amount, currency: order.currency, status: refund.status, tickets: refund.voided },
      order: { id: order.id, status: refund.orderStatus, refundedAmount: order.refundedAmount + refund.amount },
    }
  })
}

/**
 * `charge.refunded` carries the charge's cumulative `amount_refunded`. What exceeds the
 * refunds already recorded (pending or done) was refunded outside the platform (Stripe's
 * dashboard): record it as a refund by amount. A duplicate delivery, or the echo of the
 * platform's own refund, finds nothing new.
 */
export async function reconcileProviderRefund(tx: Tx, order: OrderForPayment, amountRefunded: number): Promise<boolean> {
  const {
    rows: [r],
  } = await tx.query(
    `SELECT COALESCE(SUM(amount), 0) AS recorded FROM refunds WHERE order_id = $1 AND status IN ('pending', 'succeeded')`,
    [order.id],
  )
  const extra = Math.min(amountRefunded, order.total) - num(r.recorded)
  if (extra <= 0 || order.refundedAmount >= order.total) return false
  await refundInTx(tx, order, { amount: Math.min(extra, order.total - order.refundedAmount) }, { reason: 'provider', status: 'succeeded' })
  return true
}

/** Sends one recorded refund to Stripe. Idempotent: a refund already done, or done twice at once, moves money once. */
export async function sendRefund(db: Db, refundId: string): Promise<'succeeded' | 'pending' | 'failed' | 'skipped'> {
  const {
    rows: [r],
  } = await db.query(
    `UPDATE refunds r SET attempts = attempts + 1, updated_at = now() FROM orders o
      WHERE r.id = $1 AND o.id = r.order_id AND r.status = 'pending'
      RETURNING r.id, r.amount, o.id AS order_id, o.payment_intent_id`,
    [refundId],
  )
  if (!r) return 'skipped'
  try {
    const done = await createRefund({ paymentIntentId: r.payment_intent_id, amount: num(r.amount), orderId: r.order_id, refundId: r.id })
    await db.query(
      `UPDATE refunds SET status = 'succeeded', provider_refund_id = $2, last_error = NULL, updated_at = now() WHERE id = $1 AND status = 'pending'`,
      [r.id, done.id],
    )
    return 'succeeded'
  } catch (err) {
    const message = String((err as Error).message)
    // Refused outright: no money moved, so the order must not say refunded (refundFailure.ts).
    if (isPermanentStripeError(err)) {
      await failRefund(db, r.id, message)
      return 'failed'
    }
    await db.query(`UPDATE refunds SET last_error = $2, updated_at = now() WHERE id = $1 AND status = 'pending'`, [
      r.id,
      message.slice(0, 500),
    ])
    return 'pending'
  }
}

/** The `sendRefunds` job: every refund still waiting for Stripe (an outage, a crash between commit and call). */
export async function sendPendingRefunds(db: Db, limit = 100): Promise<{ succeeded: number; pending: number; failed: number }> {
  const { rows } = await db.query(`SELECT id FROM refunds WHERE status = 'pending' ORDER BY created_at LIMIT $1`, [limit])
  const out = { succeeded: 0, pending: 0, failed: 0 }
  for (const { id } of rows) {
    const s = await sendRefund(db, id)
    if (s !== 'skipped') out[s]++
  }
  return out
}

/**
 * The refund the API offers: the event's organizer (`orders:refund-own`) or `orders:refund`
 * decides it (recorded with its tickets voided, in one transaction), then the money is sent to
 * Stripe at once; a send that fails is retried by the `sendRefunds` job.
 */
export async function refundOrder(db: Db, principal: Principal, orderId: string, spec: RefundSpec) {
  const done = await requestRefund(db, {
    orderId,
    spec,
    actor: String(principal.id),
    allowed: async (o) => (await roleOnOrder(db, principal, o, 'refund')) === 'manager',
  })
  const sent = await sendRefund(db, done.refund.id)
  if (sent !== 'skipped') done.refund.status = sent
  return done
}
