/**
 * Waitlists: people wait, in order, for a sold-out ticket type; freed tickets go to them before
 * the public.
 *
 * - Only confirmed entries stand in line (double opt-in: waitlistLine.ts). While a ticket type's
 *   waitlist is `open`, what the line can be offered of the free tickets (`waitlist_offerable`:
 *   in line order, each person whose quantity fits what is left) is kept out of public sale; a
 *   public hold needs `waitlist_public_room` to fit. So a ticket freed by an expiry, a release,
 *   a failed order, a refund, a cancellation, a raised capacity or an unblocked seat cannot be
 *   taken by the public while someone who can use it waits, and none is kept for nobody.
 * - The `offerWaitlist` job (every minute, and after every expiry sweep) walks each open
 *   waitlist under its ticket type's row lock: lapsed offers are marked `lapsed`, then, in
 *   line order, each person whose quantity fits what is free gets an offer: a hold in their
 *   name (seats picked best-available, together, for a seated type) lasting
 *   WAITLIST_OFFER_HOURS (24), an e-mail with a link that opens checkout on that hold, and a
 *   `waitlist.offered` webhook. When the next person wants more than is free they keep their
 *   place and the next person who fits is served. Two runners serialise on the row lock, so a
 *   freed ticket is offered once. A ticket type whose offers fail is reported; the rest go on.
 * - An offer's hold is an ordinary hold: paying for it completes an order and marks the entry
 *   `claimed` (`waitlist.claimed`) in the completion's transaction; one that lapses passes on.
 */
import crypto from 'node:crypto'

import { recordEvent, pgRun } from '../../plugins/webhooks'
import { encryptValue } from '../../plugins/field-encryption'
import { num, withTransaction, type Db, type Tx } from '../../db/transaction'
import { liveHeld } from './holds'
import { notify } from './notifications'
import { organizerOf, over } from './organizer'
import { bestAvailable, claimSeats, isSeated } from './seating'
import { hashToken, newToken } from './tokens'
import { confirmHours } from './waitlistLine'

export const offerHours = () => Number(process.env.WAITLIST_OFFER_HOURS || 24)

export type OfferRun = {
  offered: number
  lapsed: number
  ticketTypes: number
  /** Ticket types whose offers failed this run (the others went on), with why. */
  failed: Array<{ ticketType: string; error: string }>
}

/**
 * Offers freed tickets to the people waiting, in order, on every open waitlist (one
 * transaction per ticket type, under its row lock). Safe to run twice at once. Expiry is
 * decided by the database's clock.
 */
export async function offerWaitlist(db: Db): Promise<OfferRun> {
  const out: OfferRun = { offered: 0, lapsed: 0, ticketTypes: 0, failed: [] }
  const { rows } = await db.query<{ id: string }>(
    `SELECT DISTINCT ticket_type_id AS id FROM waitlist_entries WHERE status IN ('unconfirmed', 'waiting', 'offered') ORDER BY 1`,
  )
  for (const { id } of rows) {
    // One ticket type's failure (its transaction rolls back) never stops the others' offers.
    try {
      const r = await withTransaction(db, (tx) => offerForTicketType(tx, id))
      out.offered += r.offered
      out.lapsed += r.lapsed
      out.ticketTypes++
    } catch (err) {
      out.failed.push({ ticketType: id, error: String((err as Error).message ?? err).slice(0, 300) })
    }
  }
  return out
}

async function offerForTicketType(tx: Tx, ticketTypeId: string): Promise<{ offered: number; lapsed: number }> {
  const {
    rows: [tt],
  } = await tx.query(
    `SELECT tt.id, tt.event_id, tt.waitlist, tt.name, e.organizer_id FROM ticket_types tt JOIN events e ON e.id = tt.event_id WHERE tt.id = $1 FOR UPDATE OF tt`,
    [ticketTypeId],
  )
  if (!tt) return { offered: 0, lapsed: 0 }
  // Entries nobody confirmed in time leave the line (they never stood in it).
  const unconfirmed = await tx.query(
    `UPDATE waitlist_entries SET status = 'lapsed', confirm_token_hash = NULL, updated_at = now()
      WHERE ticket_type_id = $1 AND status = 'unconfirmed' AND created_at <= now() - make_interval(hours => $2)`,
    [ticketTypeId, confirmHours()],
  )
  // Offers whose hold ended unpaid (lapsed, released, failed) are over; one paid is claimed at completion.
  const lapsed = await tx.query(
    `UPDATE waitlist_entries w SET status = 'lapsed', updated_at = now()
      WHERE w.ticket_type_id = $1 AND w.status = 'offered'
        AND NOT EXISTS (SELECT 1 FROM holds h WHERE h.checkout = w.offer_checkout AND h.status = 'active'
                          AND (h.expires_at > now() OR h.order_id IS NOT NULL))
        AND NOT EXISTS (SELECT 1 FROM holds h WHERE h.checkout = w.offer_checkout AND h.status = 'consumed')`,
    [ticketTypeId],
  )
  const lapsedCount = (lapsed.rowCount ?? 0) + (unconfirmed.rowCount ?? 0)
  if (tt.waitlist !== 'open') return { offered: 0, lapsed: lapsedCount }
  // Lapsed holds of this ticket type no order owns are released, so what they held is free.
  await tx.query(
    `UPDATE holds SET status = 'released', updated_at = now()
      WHERE ticket_type_id = $1 AND status = 'active' AND expires_at <= now() AND order_id IS NULL`,
    [ticketTypeId],
  )
  const {
    rows: [room],
  } = await tx.query(`SELECT tt.capacity - tt.sold - ${liveHeld('tt')} AS free FROM ticket_types tt WHERE tt.id = $1`, [ticketTypeId])
  let free = num(room.free)
  const seated = await isSeated(tx, ticketTypeId)
  // A seated type offers seats: only those actually free count (an expired hold still attached
  // to an unpaid order keeps its seats until the expiry job fails the order).
  if (seated) {
    const {
      rows: [s],
    } = await tx.query(`SELECT count(*)::int AS n FROM event_seats WHERE ticket_type_id = $1 AND status = 'available'`, [ticketTypeId])
    free = Math.min(free, num(s.n))
  }
  const { rows: line } = await tx.query(
    `SELECT id, email, name, quantity FROM waitlist_entries WHERE ticket_type_id = $1 AND status = 'waiting' ORDER BY seq FOR UPDATE`,
    [ticketTypeId],
  )
  let offered = 0
  for (const person of line) {
    const quantity = num(person.quantity)
    // Someone who wants more than is free keeps their place; the next person who fits is served
    // (the same rule as waitlist_offerable, so what is kept from the public is what is offered).
    if (quantity > free) continue
    const checkout = crypto.randomUUID()
    const token = newToken()
    const {
      rows: [hold],
    } = await tx.query(
      `INSERT INTO holds (checkout, ticket_type_id, quantity, buyer_session, token_hash, status, expires_at)
       VALUES ($1, $2, $3, $4, $5, 'active', now() + make_interval(hours => $6)) RETURNING id, expires_at`,
      [checkout, ticketTypeId, quantity, `waitlist:${person.id}`, hashToken(token), offerHours()],
    )
    if (seated) {
      const seats = await bestAvailable(tx, ticketTypeId, quantity, true).catch(() => bestAvailable(tx, ticketTypeId, quantity, false))
      const missed = await claimSeats(tx, hold.id, ticketTypeId, seats)
      if (missed.length > 0) throw new Error(`waitlist offer could not claim seats ${missed.join(', ')}`)
    }
    await tx.query(
      `UPDATE waitlist_entries SET status = 'offered', offered_at = now(), offer_expires_at = $2, offer_checkout = $3, updated_at = now() WHERE id = $1`,
      [person.id, hold.expires_at, checkout],
    )
    await notify(tx, {
      kind: 'waitlist_offer',
      dedupeKey: `waitlist_offer:${person.id}`,
      recipient: person.email,
      event: tt.event_id,
      data: {
        hold: checkout,
        token: encryptValue(token),
        quantity,
        ticketType: tt.name,
        expiresAt: new Date(hold.expires_at).toISOString(),
      },
    })
    await recordEvent(
      pgRun(tx),
      'waitlist.offered',
      {
        entry: {
          id: person.id,
          event: tt.event_id,
          ticketType: ticketTypeId,
          quantity,
          offerExpiresAt: new Date(hold.expires_at).toISOString(),
        },
      },
      { organizer: tt.organizer_id },
    )
    free -= quantity
    offered++
  }
  return { offered, lapsed: lapsedCount }
}

/** In an order's completion: a waitlist offer paid for is claimed (and told to webhooks). */
export async function claimOfferInTx(tx: Tx, orderId: string): Promise<void> {
  const { rows } = await tx.query(
    `UPDATE waitlist_entries w SET status = 'claimed', claimed_order_id = $1, updated_at = now()
       FROM orders o WHERE o.id = $1 AND w.offer_checkout = o.checkout AND w.status IN ('offered', 'lapsed')
     RETURNING w.id, w.event_id, w.ticket_type_id, w.quantity`,
    [orderId],
  )
  for (const e of rows) {
    await recordEvent(
      pgRun(tx),
      'waitlist.claimed',
      { entry: { id: e.id, event: e.event_id, ticketType: e.ticket_type_id, quantity: num(e.quantity), order: orderId } },
      { organizer: await organizerOf(over(tx), e.event_id) },
    )
  }
}

/** The organizer closes a waitlist: everyone still waiting is told, offers already made stand. */
export async function closeWaitlistInTx(q: (text: string, values: unknown[]) => Promise<unknown[]>, ticketTypeId: string): Promise<void> {
  await q(
    `WITH closed AS (
       UPDATE waitlist_entries SET status = 'closed', updated_at = now() WHERE ticket_type_id = $1::uuid AND status = 'waiting'
       RETURNING id, email, event_id)
     INSERT INTO notifications (kind, dedupe_key, recipient, event_id, data, status, attempts, next_attempt_at)
     SELECT 'waitlist_closed', 'waitlist_closed:' || id, email, event_id, '{}'::jsonb, 'pending', 0, now() FROM closed
     ON CONFLICT (dedupe_key) DO NOTHING`,
    [ticketTypeId],
  )
}
