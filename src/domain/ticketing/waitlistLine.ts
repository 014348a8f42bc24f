/**
 * Joining and leaving a waitlist's line (offers are waitlist.ts).
 *
 * Double opt-in: joining writes an `unconfirmed` entry and e-mails a confirmation link; only a
 * confirmed entry (`waiting`) stands in line, is counted in `ticket_types.waitlisted` (the
 * triggers count `waiting` only) and can be offered tickets. Its place is taken when it is
 * confirmed (a fresh `seq`), so an address nobody opens holds no place. An entry not confirmed
 * within WAITLIST_CONFIRM_HOURS (48) lapses (offer job). One active entry (unconfirmed, waiting
 * or offered) per e-mail and ticket type; joins are also limited per address and per e-mail at
 * the endpoint.
 */
import { encryptValue } from '../../plugins/field-encryption'
import { num, withTransaction, type Db, type Tx } from '../../db/transaction'
import { ConflictError, ForbiddenError, NotFoundError, UnprocessableError } from './errors'
import { liveHeld } from './holds'
import { notify } from './notifications'
import { hashToken, newToken, sameHash } from './tokens'

export const confirmHours = () => Number(process.env.WAITLIST_CONFIRM_HOURS || 48)

export type JoinRequest = { eventId: string; ticketType: string; quantity: number; email: string; name: string; user?: string | null }

/**
 * Joins the line for a ticket type sold out for the quantity asked: 201 with the entry
 * (`unconfirmed`) and a token to read or leave it; the confirmation link goes to the e-mail.
 */
export async function joinWaitlist(db: Db, r: JoinRequest): Promise<{ id: string; status: 'unconfirmed'; position: null; token: string }> {
  const email = r.email.trim().toLowerCase()
  return withTransaction(db, async (tx) => {
    const {
      rows: [tt],
    } = await tx.query(
      `SELECT tt.id, tt.event_id, tt.name, tt.waitlist, tt.max_per_order, tt.active, e.status AS event_status,
              tt.capacity - tt.sold - ${liveHeld('tt')} AS free
         FROM ticket_types tt JOIN events e ON e.id = tt.event_id WHERE tt.id = $1 FOR UPDATE OF tt`,
      [r.ticketType],
    )
    if (!tt || tt.event_id !== r.eventId)
      throw new NotFoundError('unknown_ticket_type', 'This event has no such ticket type.', { ticketType: r.ticketType })
    if (tt.event_status !== 'published' || !tt.active) throw new UnprocessableError('not_on_sale', 'This ticket type is not on sale.')
    if (tt.waitlist !== 'open') throw new ConflictError('waitlist_closed', `The waitlist of this ticket type is ${tt.waitlist}.`)
    if (tt.max_per_order != null && r.quantity > num(tt.max_per_order))
      throw new UnprocessableError('max_per_order', `At most ${num(tt.max_per_order)} per order.`, { maxPerOrder: num(tt.max_per_order) })
    // What the public can hold now (free less what the confirmed line will be offered).
    const {
      rows: [pub],
    } = await tx.query(`SELECT waitlist_public_room($1, $2) AS room`, [r.ticketType, num(tt.free)])
    if (num(pub.room) >= r.quantity)
      throw new ConflictError('tickets_available', 'These tickets are on sale now: hold them instead of waiting.', {
        available: num(pub.room),
      })
    const token = newToken()
    const confirm = newToken()
    const inserted = await tx.query(
      `INSERT INTO waitlist_entries (event_id, ticket_type_id, email, name, quantity, user_id, token_hash, confirm_token_hash, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'unconfirmed')
       ON CONFLICT (ticket_type_id, email) WHERE status IN ('unconfirmed', 'waiting', 'offered') DO NOTHING
       RETURNING id`,
      [r.eventId, r.ticketType, email, r.name, r.quantity, r.user ?? null, hashToken(token), hashToken(confirm)],
    )
    if (inserted.rowCount === 0) throw new ConflictError('already_waiting', 'This e-mail is already on the waitlist of this ticket type.')
    const { id } = inserted.rows[0]
    await notify(tx, {
      kind: 'waitlist_confirm',
      dedupeKey: `waitlist_confirm:${id}`,
      recipient: email,
      event: r.eventId,
      data: { entry: id, token: encryptValue(confirm), quantity: r.quantity, ticketType: tt.name },
    })
    return { id, status: 'unconfirmed' as const, position: null, token }
  })
}

/**
 * Confirms an entry with the token from its e-mail: it takes its place at the end of the line
 * now (and counts from now on). Once; within WAITLIST_CONFIRM_HOURS.
 */
export async function confirmWaitlist(db: Db, eventId: string, id: string, token: string) {
  return withTransaction(db, async (tx) => {
    const {
      rows: [e],
    } = await tx.query(`SELECT ticket_type_id FROM waitlist_entries WHERE id = $1 AND event_id = $2`, [id, eventId])
    if (!e) throw new NotFoundError('unknown_entry', 'No such waitlist entry.')
    // The fixed order: the ticket type, then the entry.
    await tx.query(`SELECT id FROM ticket_types WHERE id = $1 FOR UPDATE`, [e.ticket_type_id])
    const {
      rows: [done],
    } = await tx.query(
      `UPDATE waitlist_entries SET status = 'waiting', confirm_token_hash = NULL, seq = nextval('waitlist_entries_seq_seq'), updated_at = now()
        WHERE id = $1 AND status = 'unconfirmed' AND confirm_token_hash = $2 AND created_at > now() - make_interval(hours => $3)
        RETURNING seq, quantity`,
      [id, hashToken(token), confirmHours()],
    )
    if (!done)
      throw new UnprocessableError(
        'invalid_token',
        'This confirmation link is not valid (used already, or older than allowed). Join again.',
      )
    return { id, status: 'waiting' as const, quantity: num(done.quantity), position: await positionOf(tx, e.ticket_type_id, done.seq) }
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
      `UPDATE waitlist_entries SET status = 'left', updated_at = now() WHERE id = $1 AND status IN ('unconfirmed', 'waiting', 'offered')
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
