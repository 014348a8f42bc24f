/**
 * The payment state machine: what each Stripe event does to an order (the README draws it).
 * Each event is applied exactly once: its id is recorded in the same transaction as its
 * effect, so a redelivery, or two deliveries at once, change nothing more.
 *
 * - payment_intent.payment_failed: the attempt is recorded (reason, time); the order stays
 *   payable while its hold lives (the buyer may retry on the same PaymentIntent).
 * - payment_intent.processing: the order waits for a slow method to settle, its seats kept
 *   until CHECKOUT_PROCESSING_HOURS have passed.
 * - payment_intent.succeeded: the order completes. Paid late (its hold lapsed, the order
 *   failed or was cancelled), it still completes when the tickets fit beside every other
 *   buyer's live holds; otherwise it is refunded in full (`refunded_unfulfilled`), the buyer
 *   and the organizer are told, and a webhook event goes out. Money never stays without tickets.
 * - payment_intent.canceled: an unpaid order fails.
 * - charge.refunded: refunds made outside the platform are recorded (reconcileProviderRefund).
 * - charge.dispute.*: the dispute is recorded and the organizer told; a lost one voids the
 *   order's remaining tickets.
 */
import { auditInTx } from '../audit'
import { withTransaction, type Db, type Tx } from '../../db/transaction'
import { lockTicketTypesOfHolds } from './holds'
import { reconcileTimesUsed } from '../ops/invariants'
import { notify } from './notifications'
import { organizerEmail } from './organizer'
import { completeInTx, failInTx, getOrder, orderEvent, type OrderForPayment } from './orders'
import { reconcileProviderRefund, voidTickets } from './refunds'

export type PaymentEvent = {
  id: string
  type: string
  orderId?: string | null
  paymentIntentId?: string | null
  /** The attempt's amount (payment intents). */
  amount?: number | null
  /** charge.refunded: the charge's cumulative refunded amount. */
  amountRefunded?: number | null
  /** payment_failed: the decline, as Stripe words it. */
  failure?: string | null
  dispute?: { id: string; status: string; reason: string | null; amount: number } | null
}

export type Outcome =
  | 'completed'
  | 'late_completed'
  | 'refunded_unfulfilled'
  | 'payment_failed'
  | 'processing'
  | 'failed'
  | 'refund_recorded'
  | 'refund_known'
  | 'dispute_recorded'
  | 'duplicate'
  | 'ignored'

export const processingHours = () => Number(process.env.CHECKOUT_PROCESSING_HOURS || 72)

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export async function applyPaymentEvent(db: Db, ev: PaymentEvent): Promise<{ outcome: Outcome; orderId?: string; refundId?: string }> {
  return withTransaction(db, async (tx) => {
    const {
      rows: [found],
    } = await tx.query(
      `SELECT id FROM orders WHERE ($1::uuid IS NOT NULL AND id = $1::uuid) OR ($2::text IS NOT NULL AND payment_intent_id = $2) LIMIT 1`,
      [ev.orderId && UUID.test(ev.orderId) ? ev.orderId : null, ev.paymentIntentId ?? null],
    )
    const detail = ev.failure ?? (ev.dispute ? `${ev.dispute.status}${ev.dispute.reason ? `: ${ev.dispute.reason}` : ''}` : null)
    const amount = ev.dispute?.amount ?? ev.amountRefunded ?? ev.amount ?? null
    const recorded = await tx.query(
      `INSERT INTO payment_events (provider, event_id, type, order_id, amount, detail) VALUES ('stripe', $1, $2, $3, $4, $5)
       ON CONFLICT (event_id) DO NOTHING RETURNING id`,
      [ev.id, ev.type, found?.id ?? null, amount, detail],
    )
    if (recorded.rowCount === 0) return { outcome: 'duplicate' as const, orderId: found?.id }
    if (!found) return { outcome: 'ignored' as const }
    const order = (await getOrder(tx, found.id, true))!
    const result = await apply(tx, order, ev)
    await tx.query(`UPDATE payment_events SET outcome = $2 WHERE event_id = $1`, [ev.id, result.outcome])
    return { ...result, orderId: order.id }
  })
}

async function apply(tx: Tx, order: OrderForPayment, ev: PaymentEvent): Promise<{ outcome: Outcome; refundId?: string }> {
  const unpaid = ['pending', 'processing'].includes(order.status)
  switch (ev.type) {
    case 'payment_intent.succeeded': {
      if (unpaid || order.status === 'failed' || order.status === 'cancelled') {
        const late = !unpaid
        const done = await completeInTx(tx, order.id)
        if (done.ok) return { outcome: late ? 'late_completed' : 'completed' }
        return { outcome: 'refunded_unfulfilled', refundId: await refundUnfulfilled(tx, order, done.reason) }
      }
      return { outcome: 'ignored' }
    }
    case 'payment_intent.payment_failed': {
      if (!unpaid) return { outcome: 'ignored' }
      // Still payable while the hold lives: Stripe lets the buyer try again on the same PaymentIntent.
      await tx.query(
        `UPDATE orders SET status = 'pending', payment_attempts = payment_attempts + 1, last_payment_error = $2, last_payment_error_at = now(), updated_at = now() WHERE id = $1`,
        [order.id, ev.failure ?? 'The payment failed.'],
      )
      return { outcome: 'payment_failed' }
    }
    case 'payment_intent.processing': {
      if (order.status !== 'pending') return { outcome: 'ignored' }
      // A slow method (a bank debit) is settling: the seats stay reserved until it settles or the bound passes.
      await tx.query(
        `UPDATE orders SET status = 'processing', expires_at = GREATEST(expires_at, now() + make_interval(hours => $2)), updated_at = now() WHERE id = $1`,
        [order.id, processingHours()],
      )
      await tx.query(
        `UPDATE holds SET expires_at = (SELECT expires_at FROM orders WHERE id = $1), updated_at = now() WHERE order_id = $1 AND status = 'active'`,
        [order.id],
      )
      return { outcome: 'processing' }
    }
    case 'payment_intent.canceled': {
      if (!unpaid) return { outcome: 'ignored' }
      await failInTx(tx, order.id, 'failed', 'the payment was cancelled')
      return { outcome: 'failed' }
    }
    case 'charge.refunded': {
      if (!['completed', 'partially_refunded', 'refunded'].includes(order.status) || ev.amountRefunded == null)
        return { outcome: 'ignored' }
      return { outcome: (await reconcileProviderRefund(tx, order, ev.amountRefunded)) ? 'refund_recorded' : 'refund_known' }
    }
    case 'charge.dispute.created':
    case 'charge.dispute.updated':
    case 'charge.dispute.closed': {
      const d = ev.dispute
      if (!d) return { outcome: 'ignored' }
      await tx.query(
        `UPDATE orders SET dispute_status = $2::enum_orders_dispute_status, dispute_amount = $3, dispute_reason = $4, updated_at = now() WHERE id = $1`,
        [order.id, d.status, d.amount, d.reason],
      )
      let voided: string[] = []
      if (d.status === 'lost') voided = await voidTickets(tx, order.id, 'all')
      await orderEvent(tx, 'order.disputed', order.id, {
        dispute: { id: d.id, status: d.status, reason: d.reason, amount: d.amount, ticketsVoided: voided.length },
      })
      await notify(tx, {
        kind: 'organizer_dispute',
        dedupeKey: `dispute:${d.id}:${d.status}`,
        recipient: await organizerEmail(tx, order.eventId),
        order: order.id,
        event: order.eventId,
        data: { status: d.status, reason: d.reason, amount: d.amount, currency: order.currency },
      })
      await auditInTx(tx, {
        action: 'update',
        collection: 'orders',
        documentId: order.id,
        summary: `order ${order.id}: dispute ${d.status} (${d.reason ?? 'no reason'}), ${voided.length} ticket(s) voided`,
        changes: [{ field: 'disputeStatus', to: d.status }],
      })
      return { outcome: 'dispute_recorded' }
    }
    default:
      return { outcome: 'ignored' }
  }
}

/** Paid, but nothing left to give: the whole payment goes back, and everyone concerned is told. */
async function refundUnfulfilled(tx: Tx, order: OrderForPayment, why: string): Promise<string> {
  // Unpaid orders still hold seats and a discount use: give them back before refunding.
  if (['pending', 'processing'].includes(order.status)) {
    await lockTicketTypesOfHolds(tx, 'order', order.id)
    await tx.query(`UPDATE holds SET status = 'released', updated_at = now() WHERE order_id = $1 AND status = 'active'`, [order.id])
  }
  await tx.query(`DELETE FROM discount_redemptions WHERE order_id = $1 AND status = 'reserved'`, [order.id])
  const {
    rows: [r],
  } = await tx.query(
    `INSERT INTO refunds (order_id, amount, currency, reason, status, attempts) VALUES ($1, $2, $3, 'unfulfilled', 'pending', 0) RETURNING id`,
    [order.id, order.total, order.currency],
  )
  await tx.query(
    `UPDATE orders SET status = 'refunded_unfulfilled', refunded_amount = total, refunded_at = now(), updated_at = now() WHERE id = $1`,
    [order.id],
  )
  await orderEvent(tx, 'order.refunded_unfulfilled', order.id, { reason: why, refund: { id: r.id, amount: order.total } })
  const data = { amount: order.total, currency: order.currency, reason: why }
  await notify(tx, {
    kind: 'order_unfulfilled',
    dedupeKey: `order_unfulfilled:${order.id}`,
    recipient: order.billingEmail,
    order: order.id,
    event: order.eventId,
    data,
  })
  await notify(tx, {
    kind: 'organizer_unfulfilled',
    dedupeKey: `organizer_unfulfilled:${order.id}`,
    recipient: await organizerEmail(tx, order.eventId),
    order: order.id,
    event: order.eventId,
    data,
  })
  await auditInTx(tx, {
    action: 'update',
    collection: 'orders',
    documentId: order.id,
    summary: `order ${order.id} paid late and could not be fulfilled (${why}): refunded in full`,
    changes: [{ field: 'status', from: order.status, to: 'refunded_unfulfilled' }],
  })
  return r.id
}

/**
 * The expiry sweep (job `expireCheckouts`, every minute, on the database's clock): unpaid
 * orders past their window fail, giving back their holds and discount use, and the caller
 * cancels their PaymentIntents; dead holds are deleted.
 */
export async function expireCheckouts(db: Db): Promise<{
  ordersExpired: number
  holdsDeleted: number
  heldCorrected: number
  timesUsedCorrected: number
  intentsToCancel: Array<{ orderId: string; paymentIntentId: string }>
}> {
  const swept = await withTransaction(db, async (tx) => {
    const { rows: stale } = await tx.query<{ id: string; payment_intent_id: string | null }>(
      `SELECT id, payment_intent_id FROM orders WHERE status IN ('pending', 'processing') AND expires_at <= now() ORDER BY id FOR UPDATE SKIP LOCKED`,
    )
    const dead = `status = 'active' AND expires_at <= now() AND (order_id IS NULL OR order_id IN (SELECT id FROM orders WHERE status NOT IN ('pending', 'processing')))`
    // Every ticket type whose held count this sweep changes, locked up front in id order: the
    // triggers would otherwise lock them order by order, against checkout's id order.
    await tx.query(
      `SELECT id FROM ticket_types WHERE id IN (SELECT ticket_type_id FROM holds WHERE (status = 'active' AND order_id = ANY($1::uuid[])) OR (${dead}))
        ORDER BY id FOR UPDATE`,
      [stale.map((o) => o.id)],
    )
    for (const o of stale) await failInTx(tx, o.id, 'failed', 'its payment window ended')
    // A garbage collector: rows another transaction has locked wait for the next run.
    const deleted = await tx.query(
      `DELETE FROM holds WHERE id IN (SELECT id FROM holds WHERE (${dead}) OR status = 'released' FOR UPDATE SKIP LOCKED)`,
    )
    return {
      ordersExpired: stale.length,
      holdsDeleted: deleted.rowCount ?? 0,
      intentsToCancel: stale.filter((o) => o.payment_intent_id).map((o) => ({ orderId: o.id, paymentIntentId: o.payment_intent_id! })),
    }
  })
  // Its own transaction, after the sweep's locks are gone: it locks in id order from scratch.
  const heldCorrected = await withTransaction(db, reconcileHeld)
  const timesUsedCorrected = await withTransaction(db, reconcileTimesUsed)
  return { ...swept, heldCorrected, timesUsedCorrected }
}

/**
 * The held counts checked against a recount of the active holds, and set right where they
 * differ (the triggers make that a should-never-happen; the job's log says how many). Each
 * ticket type that differs is locked, then recounted under the lock, in id order.
 */
export async function reconcileHeld(tx: Tx): Promise<number> {
  const { rows } = await tx.query<{ id: string }>(
    `SELECT tt.id FROM ticket_types tt
       LEFT JOIN (SELECT ticket_type_id, SUM(quantity) AS q FROM holds WHERE status = 'active' GROUP BY 1) h ON h.ticket_type_id = tt.id
      WHERE tt.held <> COALESCE(h.q, 0)
      ORDER BY tt.id`,
  )
  let corrected = 0
  for (const { id } of rows) {
    await tx.query(`SELECT id FROM ticket_types WHERE id = $1 FOR UPDATE`, [id])
    const fixed = await tx.query(
      `UPDATE ticket_types tt SET held = c.q
         FROM (SELECT COALESCE(SUM(quantity), 0) AS q FROM holds WHERE ticket_type_id = $1 AND status = 'active') c
        WHERE tt.id = $1 AND tt.held <> c.q`,
      [id],
    )
    corrected += fixed.rowCount ?? 0
  }
  return corrected
}
