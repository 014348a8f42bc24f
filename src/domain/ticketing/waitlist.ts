/**
 * Waitlists: people wait, in order, for a sold-out ticket type; freed tickets go to them before
 * the public.
 *
 * - While a ticket type's waitlist is `open`, the quantity its people wait for
 *   (`ticket_types.waitlisted`, kept by triggers on the entries) is kept out of public sale:
 *   a public hold needs `capacity - sold - held - waitlisted` to fit. So a ticket freed by an
 *   expiry, a release, a failed order, a refund, a cancellation, a raised capacity or an
 *   unblocked seat cannot be taken by the public while someone waits for it.
 * - The `offerWaitlist` job (every minute, and after every expiry sweep) walks each open
 *   waitlist under its ticket type's row lock: lapsed offers are marked `lapsed`, then, in
 *   line order, each person whose quantity fits what is free gets an offer: a hold in their
 *   name (seats picked best-available, together, for a seated type) lasting
 *   WAITLIST_OFFER_HOURS (24), an e-mail with a link that opens checkout on that hold, and a
 *   `waitlist.offered` webhook. The line is strict: when the next person's quantity does not
 *   fit, nobody behind them is served. Two runners serialise on the row lock, so a freed ticket
 *   is offered once.
 * - An offer's hold is an ordinary hold: paying for it completes an order and marks the entry
 *   `claimed` (`waitlist.claimed`) in the completion's transaction; one that lapses passes on.
 */
import crypto from 'node:crypto'

import { recordEvent, pgRun } from '../../plugins/webhooks'
import { encryptValue } from '../../plugins/field-encryption'
import { num, withTransaction, type Db, type Tx } from '../../db/transaction'
import { ConflictError, ForbiddenError, NotFoundError, UnprocessableError } from './errors'
import { liveHeld } from './holds'
import { notify } from './notifications'
import { organizerOf, over } from './organizer'
import { bestAvailable, claimSeats, isSeated } from './seating'
import { hashToken, newToken, sameHash } from './tokens'

export const offerHours = () => Number(process.env.WAITLIST_OFFER_HOURS || 24)

export type JoinRequest = { eventId: string; ticketType: string; quantity: number; email: string; name: string; user?: string | null }

/** Joins the line: 201 with the place in it and a token to leave. One active entry per e-mail and ticket type. */
export async function joinWaitlist(db: Db, r: JoinRequest): Promise<{ id: string; position: number; token: string }> {
  const email = r.email.trim().toLowerCase()
  return withTransaction(db, async (tx) => {
    const {
      rows: [tt],
    } = await tx.query(
      `SELECT tt.id, tt.event_id, tt.waitlist, tt.max_per_order, tt.active, e.status AS event_status,
              tt.capacity - tt.sold - ${liveHeld('tt')} - tt.waitlisted AS free
         FROM ticket_types tt JOIN events e ON e.id = tt.event_id WHERE tt.id = $1 FOR UPDATE OF tt`,
      [r.ticketType],
    )
    if (!tt || tt.event_id !== r.eventId)
      throw new NotFoundError('unknown_ticket_type', 'This event has no such ticket type.', { ticketType: r.ticketType })
    if (tt.event_status !== 'published' || !tt.active) throw new UnprocessableError('not_on_sale', 'This ticket type is not on sale.')
    if (tt.waitlist !== 'open') throw new ConflictError('waitlist_closed', `The waitlist of this ticket type is ${tt.waitlist}.`)
    if (tt.max_per_order != null && r.quantity > num(tt.max_per_order))
      throw new UnprocessableError('max_per_order', `At most ${num(tt.max_per_order)} per order.`, { maxPerOrder: num(tt.max_per_order) })
    if (num(tt.free) >= r.quantity)
      throw new ConflictError('tickets_available', 'These tickets are on sale now: hold them instead of waiting.', {
        available: num(tt.free),
      })
    const token = newToken()
    const inserted = await tx.query(
      `INSERT INTO waitlist_entries (event_id, ticket_type_id, email, name, quantity, user_id, token_hash, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'waiting')
       ON CONFLICT (ticket_type_id, email) WHERE status IN ('waiting', 'offered') DO NOTHING
       RETURNING id, seq`,
      [r.eventId, r.ticketType, email, r.name, r.quantity, r.user ?? null, hashToken(token)],
    )
    if (inserted.rowCount === 0) throw new ConflictError('already_waiting', 'This e-mail is already on the waitlist of this ticket type.')
    const { id, seq } = inserted.rows[0]
    return { id, position: await positionOf(tx, r.ticketType, seq), token }
  })
}

async function positionOf(tx: Tx | Db, ticketType: string, seq: string | number): Promise<number> {
  const { rows } = await tx.query(
    `SELECT count(*)::int AS n FROM waitlist_entries WHERE ticket_type_id = $1 AND status IN ('waiting', 'offered') AND seq <= $2`,
    [ticketType, seq],
  )
  return rows[0].n
}

/** Where an entry stands (for its holder, by token). */
export async function waitlistEntry(db: Db, eventId: string, id: string, token: string) {
  const {
    rows: [e],
  } = await db.query(
    `SELECT id, ticket_type_id, seq, status, quantity, token_hash, offer_expires_at FROM waitlist_entries WHERE id = $1 AND event_id = $2`,
    [id, eventId],
  )
  if (!e) throw new NotFoundError('unknown_entry', 'No such waitlist entry.')
  if (!sameHash(token, e.token_hash)) throw new ForbiddenError('That token does not own this entry.')
  return {
    id: e.id,
    status: e.status as string,
    quantity: num(e.quantity),
    position: e.status === 'waiting' ? await positionOf(db, e.ticket_type_id, e.seq) : null,
    offerExpiresAt: e.offer_expires_at ? new Date(e.offer_expires_at).toISOString() : null,
  }
}

/** Leaves the line (with the token from joining). An offer not yet paid is given back and passes on. */
export async function leaveWaitlist(db: Db, eventId: string, id: string, token: string): Promise<void> {
  await withTransaction(db, async (tx) => {
    const {
      rows: [e],
    } = await tx.query(`SELECT ticket_type_id, token_hash FROM waitlist_entries WHERE id = $1 AND event_id = $2`, [id, eventId])
    if (!e) throw new NotFoundError('unknown_entry', 'No such waitlist entry.')
    if (!sameHash(token, e.token_hash)) throw new ForbiddenError('That token does not own this entry.')
    // The fixed order: the ticket type, then the entry, then its hold.
    await tx.query(`SELECT id FROM ticket_types WHERE id = $1 FOR UPDATE`, [e.ticket_type_id])
    const {
      rows: [left],
    } = await tx.query(
      `UPDATE waitlist_entries SET status = 'left', updated_at = now() WHERE id = $1 AND status IN ('waiting', 'offered')
       RETURNING offer_checkout`,
      [id],
    )
    if (!left) throw new ConflictError('not_waiting', 'This entry is no longer waiting.')
    if (left.offer_checkout) {
      await tx.query(
        `UPDATE holds SET status = 'released', expires_at = LEAST(expires_at, now()), updated_at = now()
          WHERE checkout = $1 AND status = 'active' AND order_id IS NULL`,
        [left.offer_checkout],
      )
    }
  })
}

export type OfferRun = { offered: number; lapsed: number; ticketTypes: number }

/**
 * Offers freed tickets to the people waiting, in order, on every open waitlist (one
 * transaction per ticket type, under its row lock). Safe to run twice at once. Expiry is
 * decided by the database's clock.
 */
export async function offerWaitlist(db: Db): Promise<OfferRun> {
  const out: OfferRun = { offered: 0, lapsed: 0, ticketTypes: 0 }
  const { rows } = await db.query<{ id: string }>(
    `SELECT DISTINCT ticket_type_id AS id FROM waitlist_entries WHERE status IN ('waiting', 'offered') ORDER BY 1`,
  )
  for (const { id } of rows) {
    const r = await withTransaction(db, (tx) => offerForTicketType(tx, id))
    out.offered += r.offered
    out.lapsed += r.lapsed
    out.ticketTypes++
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
  // Offers whose hold ended unpaid (lapsed, released, failed) are over; one paid is claimed at completion.
  const lapsed = await tx.query(
    `UPDATE waitlist_entries w SET status = 'lapsed', updated_at = now()
      WHERE w.ticket_type_id = $1 AND w.status = 'offered'
        AND NOT EXISTS (SELECT 1 FROM holds h WHERE h.checkout = w.offer_checkout AND h.status = 'active'
                          AND (h.expires_at > now() OR h.order_id IS NOT NULL))
        AND NOT EXISTS (SELECT 1 FROM holds h WHERE h.checkout = w.offer_checkout AND h.status = 'consumed')`,
    [ticketTypeId],
  )
  if (tt.waitlist !== 'open') return { offered: 0, lapsed: lapsed.rowCount ?? 0 }
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
  const { rows: line } = await tx.query(
    `SELECT id, email, name, quantity FROM waitlist_entries WHERE ticket_type_id = $1 AND status = 'waiting' ORDER BY seq FOR UPDATE`,
    [ticketTypeId],
  )
  const seated = await isSeated(tx, ticketTypeId)
  let offered = 0
  for (const person of line) {
    const quantity = num(person.quantity)
    if (quantity > free) break
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
  return { offered, lapsed: lapsed.rowCount ?? 0 }
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
