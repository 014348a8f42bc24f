/**
 * The counters that mirror rows, checked against the rows (`npm run check:invariants`, the
 * `fashionistas_invariant_violations` gauge, and the tests after every race). Each check is one
 * statement that lists what drifted; an empty list is a healthy database.
 *
 * - `sold`: a ticket type's sold count lies between its live tickets (valid or checked in) and
 *   those plus its voided tickets that had been checked in (a checked-in ticket voided after the
 *   event started keeps its place, src/domain/ticketing/refunds.ts).
 * - `held`: the sum of its active holds (kept by triggers).
 * - `waitlisted`: the sum of its waiting entries (kept by triggers).
 * - `seats`: a held seat belongs to an active hold, a sold seat to a live ticket that names it,
 *   an available seat to no ticket; a live seated ticket's seat is sold to it.
 * - `times_used`: a discount code's count of redemptions (kept by triggers).
 * - `refunded_amount`: an order's refunds recorded (pending or succeeded; a refused one is not).
 */
import type { Db, Tx } from '../../db/transaction'

export type Drift = { invariant: string; rows: Array<Record<string, unknown>> }

export const INVARIANTS: Record<string, string> = {
  sold: `SELECT tt.id AS ticket_type, tt.name, e.title AS event, tt.sold, c.live, c.live + c.void_checked AS upper
           FROM ticket_types tt JOIN events e ON e.id = tt.event_id
           LEFT JOIN LATERAL (SELECT count(*) FILTER (WHERE t.status <> 'void') AS live,
                                     count(*) FILTER (WHERE t.status = 'void' AND t.checked_in_at IS NOT NULL) AS void_checked
                                FROM tickets t WHERE t.ticket_type_id = tt.id) c ON true
          WHERE tt.sold < c.live OR tt.sold > c.live + c.void_checked`,
  held: `SELECT tt.id AS ticket_type, tt.held, COALESCE(h.q, 0) AS active_holds
           FROM ticket_types tt
           LEFT JOIN (SELECT ticket_type_id, SUM(quantity) AS q FROM holds WHERE status = 'active' GROUP BY 1) h ON h.ticket_type_id = tt.id
          WHERE tt.held <> COALESCE(h.q, 0)`,
  waitlisted: `SELECT tt.id AS ticket_type, tt.waitlisted, COALESCE(w.q, 0) AS waiting
                 FROM ticket_types tt
                 LEFT JOIN (SELECT ticket_type_id, SUM(quantity) AS q FROM waitlist_entries WHERE status = 'waiting' GROUP BY 1) w ON w.ticket_type_id = tt.id
                WHERE COALESCE(tt.waitlisted, 0) <> COALESCE(w.q, 0)`,
  seats: `SELECT s.id AS seat, s.event_id AS event, s.status::text AS status, 'held seat without an active hold' AS problem FROM event_seats s
           WHERE s.status = 'held' AND NOT EXISTS (SELECT 1 FROM holds h WHERE h.id = s.hold_id AND h.status = 'active')
          UNION ALL
          SELECT s.id, s.event_id, s.status::text, 'sold seat without a live ticket naming it' FROM event_seats s
           WHERE s.status = 'sold' AND NOT EXISTS (SELECT 1 FROM tickets t WHERE t.id = s.ticket_id AND t.status <> 'void' AND t.event_seat_id = s.id)
          UNION ALL
          SELECT s.id, s.event_id, s.status::text, 'available seat linked to a ticket' FROM event_seats s
           WHERE s.status = 'available' AND s.ticket_id IS NOT NULL
          UNION ALL
          SELECT t.event_seat_id, t.event_id, t.status::text, 'live ticket whose seat is not sold to it' FROM tickets t
           WHERE t.event_seat_id IS NOT NULL AND t.status <> 'void'
             AND NOT EXISTS (SELECT 1 FROM event_seats s WHERE s.id = t.event_seat_id AND s.status = 'sold' AND s.ticket_id = t.id)`,
  times_used: `SELECT dc.id AS discount_code, dc.times_used, COALESCE(r.n, 0) AS redemptions
                 FROM discount_codes dc
                 LEFT JOIN (SELECT discount_code_id, count(*) AS n FROM discount_redemptions GROUP BY 1) r ON r.discount_code_id = dc.id
                WHERE COALESCE(dc.times_used, 0) <> COALESCE(r.n, 0)`,
  refunded_amount: `SELECT o.id AS "order", o.status::text AS status, o.refunded_amount, COALESCE(r.a, 0) AS refunds_recorded, e.title AS event
                      FROM orders o JOIN events e ON e.id = o.event_id
                      LEFT JOIN (SELECT order_id, SUM(amount) AS a FROM refunds WHERE status IN ('pending', 'succeeded') GROUP BY 1) r ON r.order_id = o.id
                     WHERE COALESCE(o.refunded_amount, 0) <> COALESCE(r.a, 0)`,
}

/** Every invariant's drifted rows (at most `limit` each); empty lists when all hold. */
export async function checkInvariants(db: Db | Tx, limit = 20): Promise<Drift[]> {
  const out: Drift[] = []
  for (const [invariant, query] of Object.entries(INVARIANTS)) {
    const { rows } = await db.query(`SELECT * FROM (${query}) d LIMIT ${Math.max(1, Math.floor(limit))}`)
    out.push({ invariant, rows })
  }
  return out
}

/**
 * Sets `times_used` right where it differs from the redemptions (the triggers make that a
 * should-never-happen; the expiry job reports how many), each code locked, in id order.
 */
export async function reconcileTimesUsed(db: Db | Tx): Promise<number> {
  const { rows } = await db.query<{ discount_code: string }>(`SELECT discount_code FROM (${INVARIANTS.times_used}) d ORDER BY 1`)
  let corrected = 0
  for (const { discount_code: id } of rows) {
    const fixed = await db.query(
      `UPDATE discount_codes dc SET times_used = (SELECT count(*) FROM discount_redemptions WHERE discount_code_id = $1)
        WHERE dc.id = $1 AND dc.times_used IS DISTINCT FROM (SELECT count(*) FROM discount_redemptions WHERE discount_code_id = $1)`,
      [id],
    )
    corrected += fixed.rowCount ?? 0
  }
  return corrected
}
