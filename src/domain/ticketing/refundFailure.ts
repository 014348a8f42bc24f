/**
 * A refund Stripe refused outright (a permanent error: the charge is disputed, the card is
 * gone, ...) moved no money, so no order may say it was refunded (review finding 5). In one
 * transaction, locks in the fixed order (order, tickets, ticket types in id order, seats):
 * - the refund row is `failed` and its amount is refundable again (`refunded_amount` less it);
 * - before the event starts, the tickets it voided are valid again when their places are still
 *   free (capacity and, for a seated ticket, its seat), and the order is back to `completed` or
 *   `partially_refunded`;
 * - otherwise (the event has started, or a place was taken meanwhile) the tickets stay void and
 *   the order is `refund_failed`, visible in the admin, where the organizer refunds it again or
 *   settles with the buyer outside the platform;
 * - the organizer is told (e-mail) and the audit log records it.
 */
import { auditInTx } from '../audit'
import { num, withTransaction, type Db, type Tx } from '../../db/transaction'
import { liveHeld } from './holds'
import { notify } from './notifications'
import { organizerEmail } from './organizer'

export type RefundFailure = { orderId: string; restored: boolean; orderStatus: string } | null

async function restoreTickets(tx: Tx, refundId: string): Promise<boolean> {
  const { rows: tickets } = await tx.query<{ id: string; ticket_type_id: string; event_seat_id: string | null }>(
    `SELECT t.id, t.ticket_type_id, t.event_seat_id FROM tickets t
      WHERE t.id IN (SELECT tickets_id FROM refunds_rels WHERE parent_id = $1 AND path = 'tickets') AND t.status = 'void'
      ORDER BY t.id FOR UPDATE`,
    [refundId],
  )
  const byType = new Map<string, number>()
  for (const t of tickets) byType.set(t.ticket_type_id, (byType.get(t.ticket_type_id) ?? 0) + 1)
  for (const tt of [...byType.keys()].sort()) {
    const n = byType.get(tt)!
    const { rowCount } = await tx.query(
      `UPDATE ticket_types tt SET sold = sold + $2, updated_at = now() WHERE tt.id = $1 AND tt.capacity - tt.sold - ${liveHeld('tt')} >= $2`,
      [tt, n],
    )
    if (rowCount !== 1) return false
  }
  const seats = tickets.filter((t) => t.event_seat_id).sort((a, b) => String(a.event_seat_id).localeCompare(String(b.event_seat_id)))
  for (const t of seats) {
    const { rowCount } = await tx.query(
      `UPDATE event_seats SET status = 'sold', ticket_id = $2, hold_id = NULL, updated_at = now() WHERE id = $1 AND status = 'available'`,
      [t.event_seat_id, t.id],
    )
    if (rowCount !== 1) return false
  }
  if (tickets.length)
    await tx.query(`UPDATE tickets SET status = 'valid', updated_at = now() WHERE id = ANY($1::uuid[])`, [tickets.map((t) => t.id)])
  return true
}

/** Records a permanent refusal of refund `refundId` and undoes what the refund decided (see above). */
export async function failRefund(db: Db, refundId: string, error: string): Promise<RefundFailure> {
  return withTransaction(db, async (tx) => {
    const {
      rows: [r],
    } = await tx.query<{ order_id: string }>(`SELECT order_id FROM refunds WHERE id = $1`, [refundId])
    if (!r) return null
    const {
      rows: [o],
    } = await tx.query(
      `SELECT o.id, o.status, o.refunded_amount, o.currency, o.event_id, e.start_date <= now() AS started
         FROM orders o JOIN events e ON e.id = o.event_id WHERE o.id = $1 FOR UPDATE OF o`,
      [r.order_id],
    )
    const {
      rows: [refund],
    } = await tx.query<{ amount: string }>(
      `UPDATE refunds SET status = 'failed', last_error = $2, updated_at = now() WHERE id = $1 AND status = 'pending' RETURNING amount`,
      [refundId, error.slice(0, 500)],
    )
    if (!refund) return null
    const amount = num(refund.amount)
    const refunded = Math.max(0, num(o.refunded_amount) - amount)
    let restored = false
    if (!o.started) {
      await tx.query('SAVEPOINT restore_refund')
      restored = await restoreTickets(tx, refundId)
      if (!restored) await tx.query('ROLLBACK TO SAVEPOINT restore_refund')
    }
    const orderStatus = restored ? (refunded === 0 ? 'completed' : 'partially_refunded') : 'refund_failed'
    await tx.query(
      `UPDATE orders SET refunded_amount = $2::numeric, status = $3::enum_orders_status, refunded_at = CASE WHEN $2::numeric = 0 THEN NULL ELSE refunded_at END, updated_at = now() WHERE id = $1`,
      [o.id, refunded, orderStatus],
    )
    await auditInTx(tx, {
      action: 'update',
      collection: 'orders',
      documentId: o.id,
      actor: null,
      summary: `order ${o.id}: the refund of ${amount} ${o.currency} was refused by Stripe (${error.slice(0, 120)}); ${restored ? 'its tickets are valid again' : 'marked refund_failed'}`,
      changes: [
        { field: 'status', from: o.status, to: orderStatus },
        { field: 'refundedAmount', from: num(o.refunded_amount), to: refunded },
      ],
    })
    await notify(tx, {
      kind: 'refund_failed',
      dedupeKey: `refund_failed:${refundId}`,
      recipient: await organizerEmail(tx, o.event_id),
      order: o.id,
      event: o.event_id,
      data: { amount, currency: o.currency, error: error.slice(0, 200), restored },
    })
    return { orderId: o.id, restored, orderStatus }
  })
}
