/**
 * Holds: inventory reserved during checkout. Availability per ticket type is
 * capacity - sold - unexpired active holds. A hold is granted under a row lock on that ticket
 * type alone (holds on other ticket types never wait), and the fit is decided by one
 * conditional INSERT issued after the lock, so it sees every hold committed before it.
 * Expiry is decided by the database's clock (`now()`), never an app server's.
 *
 * The decision reads one row: `ticket_types.held` is the quantity of every active hold, kept
 * by triggers on holds in the changing transaction (migration 20261204_195930). It also counts
 * active holds that expired and are not yet swept, so `capacity - sold - held` can only
 * understate what is left: when it says the request fits, it does. When it says no, the
 * expired holds of the ticket type are swept (under the lock already held) and the exact
 * figure, less expired holds still attached to an unpaid order, decides. Lock order everywhere:
 * orders, then ticket types in id order (the triggers sort too), then holds.
 */
import crypto from 'node:crypto'

import { num, withTransaction, type Db, type Tx } from '../../db/transaction'
import { ConflictError, ForbiddenError, HoldLimitError, NotFoundError, SoldOutError, UnprocessableError } from './errors'
import { hashToken, newToken, sameHash } from './tokens'
import { bestAvailable, checkSeatsOf, claimSeats, NotSeatedError, SeatTakenError, seatsByIds } from './seating'

/** Who asks: the client's address (an IPv6 address by its /64) and the signed-in user, either may be unknown. */
export type Holder = { address: string | null; user: string | null }
/**
 * One line of a hold: a quantity (general admission, or best available on a seated ticket
 * type; `together` asks for adjacent seats in one row), or named seats of a seated ticket type.
 */
export type HoldLine = { ticketType: string; quantity?: number; seats?: string[]; together?: boolean }
export type HoldRequest = { items: HoldLine[]; buyerSession?: string | null; holder?: Holder }
export type HeldSeat = { id: string; section: string; row: string; number: string; label: string }
export type HoldResult = {
  id: string
  token: string
  expiresAt: string
  items: Array<{ ticketType: string; quantity: number; seats?: HeldSeat[] }>
}

type TicketTypeRow = {
  id: string
  event_id: string
  name: string
  capacity: string
  sold: string
  active: boolean
  sale_start: Date | null
  sale_end: Date | null
  max_per_order: string | null
  event_status: string
  /** Sells seats (its event has seating on and it names a section: seating.ts sets seat_price). */
  seated: boolean
}

export const DEFAULT_HOLD_MINUTES = 15
export const holdMinutes = () => Number(process.env.CHECKOUT_HOLD_MINUTES || DEFAULT_HOLD_MINUTES)
/** The hoarding cap when the event sets none: HOLD_LIMIT_PER_EVENT, default 10. */
export const defaultHoldLimit = () => Number(process.env.HOLD_LIMIT_PER_EVENT || 10)

/**
 * The hoarding cap: what this holder (by address, and by user when signed in) already holds of
 * the event, plus what it asks for, may not pass the event's `hold_limit`. Two requests of one
 * holder are serialised by a transaction-scoped advisory lock per (event, address) and
 * (event, user), taken in key order before any ticket-type lock; other buyers never wait on it.
 */
async function enforceHoldLimit(tx: Tx, eventId: string, limit: number, holder: Holder, requested: number): Promise<void> {
  const keys = [holder.address && `${eventId}|a|${holder.address}`, holder.user && `${eventId}|u|${holder.user}`]
    .filter((k): k is string => Boolean(k))
    .sort()
  if (keys.length === 0) return
  for (const key of keys) await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [key])
  const { rows } = await tx.query<{ held: string }>(
    `SELECT COALESCE(SUM(h.quantity), 0) AS held
       FROM holds h JOIN ticket_types tt ON tt.id = h.ticket_type_id
      WHERE tt.event_id = $1 AND h.status = 'active' AND h.expires_at > now()
        AND (h.holder_address = $2 OR h.holder_user_id = $3)`,
    [eventId, holder.address, holder.user],
  )
  const held = num(rows[0].held)
  if (held + requested > limit) throw new HoldLimitError(limit, held, requested)
}

async function lockTicketType(tx: Tx, id: string): Promise<TicketTypeRow | undefined> {
  const { rows } = await tx.query<TicketTypeRow>(
    `SELECT tt.id, tt.event_id, tt.name, tt.capacity, tt.sold, tt.active, tt.sale_start, tt.sale_end, tt.max_per_order,
            e.status AS event_status, tt.seat_price IS NOT NULL AS seated
       FROM ticket_types tt JOIN events e ON e.id = tt.event_id
      WHERE tt.id = $1
        FOR UPDATE OF tt`,
    [id],
  )
  return rows[0]
}

export function onSale(tt: Pick<TicketTypeRow, 'active' | 'sale_start' | 'sale_end' | 'event_status'>, now: Date): boolean {
  return (
    tt.active &&
    tt.event_status === 'published' &&
    (!tt.sale_start || new Date(tt.sale_start) <= now) &&
    (!tt.sale_end || new Date(tt.sale_end) > now)
  )
}

type MergedLine = { ticketType: string; quantity: number; seats: string[]; together: boolean }

/** One line per ticket type (quantities summed, named seats gathered), in id order: the lock order. */
function mergeLines(lines: HoldLine[]): MergedLine[] {
  const merged = new Map<string, MergedLine>()
  for (const l of lines) {
    const m = merged.get(l.ticketType) ?? { ticketType: l.ticketType, quantity: 0, seats: [], together: false }
    m.quantity += l.quantity ?? 0
    m.seats.push(...(l.seats ?? []))
    m.together ||= Boolean(l.together)
    merged.set(l.ticketType, m)
  }
  for (const m of merged.values()) {
    if (new Set(m.seats).size !== m.seats.length)
      throw new UnprocessableError('duplicate_seat', 'A seat is named twice in one hold.', { ticketType: m.ticketType })
  }
  return [...merged.values()].sort((a, b) => a.ticketType.localeCompare(b.ticketType))
}

export async function createHold(db: Db, req: HoldRequest, now: Date, minutes = holdMinutes()): Promise<HoldResult> {
  // One line per ticket type; locks taken in id order so two multi-line holds cannot deadlock.
  const items = mergeLines(req.items)
  const checkout = crypto.randomUUID()
  const token = newToken()
  let expiresAt = new Date(0)
  const result: HoldResult['items'] = []
  await withTransaction(db, async (tx) => {
    let eventId: string | undefined
    if (req.holder) {
      const {
        rows: [first],
      } = await tx.query<{ event_id: string; hold_limit: string | null }>(
        `SELECT tt.event_id, e.hold_limit FROM ticket_types tt JOIN events e ON e.id = tt.event_id WHERE tt.id = $1`,
        [items[0].ticketType],
      )
      if (!first)
        throw new NotFoundError('unknown_ticket_type', `No ticket type ${items[0].ticketType}.`, { ticketType: items[0].ticketType })
      eventId = first.event_id
      const limit = first.hold_limit == null ? defaultHoldLimit() : num(first.hold_limit)
      await enforceHoldLimit(
        tx,
        eventId,
        limit,
        req.holder,
        items.reduce((n, i) => n + i.quantity + i.seats.length, 0),
      )
    }
    for (const item of items) {
      const tt = await lockTicketType(tx, item.ticketType)
      if (!tt) throw new NotFoundError('unknown_ticket_type', `No ticket type ${item.ticketType}.`, { ticketType: item.ticketType })
      if (eventId && tt.event_id !== eventId)
        throw new UnprocessableError('mixed_events', 'One checkout holds tickets of one event.', { ticketType: tt.id })
      eventId = tt.event_id
      if (!onSale(tt, now)) throw new UnprocessableError('not_on_sale', `${tt.name} is not on sale.`, { ticketType: tt.id })
      const quantity = item.quantity + item.seats.length
      if (tt.max_per_order != null && quantity > num(tt.max_per_order)) {
        throw new UnprocessableError('max_per_order', `At most ${num(tt.max_per_order)} of ${tt.name} per order.`, {
          ticketType: tt.id,
          maxPerOrder: num(tt.max_per_order),
        })
      }
      const seated = tt.seated
      if (!seated && item.seats.length > 0) throw new NotSeatedError(tt.id)
      await checkSeatsOf(tx, tt.id, item.seats)
      const params = [
        checkout,
        item.ticketType,
        quantity,
        req.buyerSession ?? null,
        hashToken(token),
        minutes * 60,
        req.holder?.address ?? null,
        req.holder?.user ?? null,
      ]
      let inserted = await tx.query(insertHoldSql(publicRoom('tt', 'tt.held')), params)
      let swept = false
      if (inserted.rowCount === 0) {
        await sweepExpired(tx, item.ticketType)
        swept = true
        inserted = await tx.query(insertHoldSql(publicRoom('tt', liveHeld('tt'))), params)
      }
      if (inserted.rowCount === 0) throw new SoldOutError(item.ticketType, await availableOf(tx, item.ticketType))
      const holdId: string = inserted.rows[0].id
      expiresAt = new Date(inserted.rows[0].expires_at)
      if (!seated) {
        result.push({ ticketType: item.ticketType, quantity })
        continue
      }
      // Named seats first: each must be free now (a seat held by a lapsed hold is freed by the sweep).
      let taken = await claimSeats(tx, holdId, tt.id, item.seats)
      if (taken.length > 0 && !swept) {
        await sweepExpired(tx, item.ticketType)
        swept = true
        taken = await claimSeats(tx, holdId, tt.id, taken)
      }
      if (taken.length > 0) throw new SeatTakenError(await seatsByIds(tx, taken))
      let picked: string[] = []
      if (item.quantity > 0) {
        if (!swept) await sweepExpired(tx, item.ticketType)
        picked = await bestAvailable(tx, tt.id, item.quantity, item.together)
        const missed = await claimSeats(tx, holdId, tt.id, picked)
        if (missed.length > 0) throw new SeatTakenError(await seatsByIds(tx, missed))
      }
      result.push({ ticketType: item.ticketType, quantity, seats: await seatsByIds(tx, [...item.seats, ...picked]) })
    }
  })
  return { id: checkout, token, expiresAt: expiresAt.toISOString(), items: result }
}

/** The conditional insert: one hold row when `room` (an expression over `tt`) fits the quantity. */
const insertHoldSql = (room: string) =>
  `INSERT INTO holds (checkout, ticket_type_id, quantity, buyer_session, token_hash, status, expires_at, holder_address, holder_user_id)
   SELECT $1, $2, $3, $4, $5, 'active', now() + make_interval(secs => $6), $7, $8
     FROM ticket_types tt WHERE tt.id = $2 AND ${room} >= $3
   RETURNING id, expires_at`

/**
 * What the public may hold of ticket type `alias` (`held` is the held expression): what is free
 * less what its open waitlist can be offered of it (`waitlist_offerable`: the confirmed line, each
 * person served when their quantity fits; src/domain/ticketing/waitlist.ts). Paused or closed, or
 * with nobody waiting, the function is not called: the hot path stays one row's arithmetic.
 */
export const publicRoom = (alias: string, held: string) => {
  const free = `(${alias}.capacity - ${alias}.sold - ${held})`
  return `(${free} - CASE WHEN ${alias}.waitlist = 'open' AND ${alias}.waitlisted > 0 THEN waitlist_offerable(${alias}.id, ${free}) ELSE 0 END)`
}

/**
 * Unexpired active holds of the ticket type aliased `alias`: the maintained count less the
 * active holds that expired and are not yet swept (few: the expiry job and every refused hold
 * sweep them), read through the partial index on (ticket_type_id, expires_at).
 */
export const liveHeld = (alias: string) =>
  `(${alias}.held - COALESCE((SELECT SUM(x.quantity) FROM holds x
      WHERE x.ticket_type_id = ${alias}.id AND x.status = 'active' AND x.expires_at <= now()), 0))`

/**
 * Expired holds of one ticket type that no order owns are released (the triggers take them out
 * of `held`); the caller holds the ticket type's lock. Holds of an unpaid order stay until the
 * expiry job fails the order.
 */
async function sweepExpired(tx: Tx, ticketType: string): Promise<void> {
  await tx.query(
    `UPDATE holds SET status = 'released', updated_at = now()
      WHERE ticket_type_id = $1 AND status = 'active' AND expires_at <= now() AND order_id IS NULL`,
    [ticketType],
  )
}

export async function availableOf(tx: Tx | Db, ticketType: string): Promise<number> {
  const { rows } = await tx.query<{ available: string }>(
    `SELECT ${publicRoom('tt', liveHeld('tt'))} AS available
       FROM ticket_types tt WHERE tt.id = $1`,
    [ticketType],
  )
  return Math.max(0, num(rows[0]?.available))
}

/**
 * Locks, in id order, the ticket types of the holds a transaction is about to lock or change
 * (`where` selects them; one checkout or one order). Taken before any hold row, so every path
 * locks ticket types before holds and no two transactions wait on each other in a circle
 * (a hold's trigger, or a completion, needs the ticket type after the hold rows otherwise).
 */
export async function lockTicketTypesOfHolds(tx: Tx, where: 'checkout' | 'order', key: string): Promise<void> {
  const column = where === 'checkout' ? 'checkout' : 'order_id'
  await tx.query(`SELECT id FROM ticket_types WHERE id IN (SELECT ticket_type_id FROM holds WHERE ${column} = $1) ORDER BY id FOR UPDATE`, [
    key,
  ])
}

/** Gives a hold back at once. Only the holder of the token may; a hold already ordered is kept. */
export async function releaseHold(db: Db, checkout: string, token: string, _now?: Date): Promise<void> {
  await withTransaction(db, async (tx) => {
    await lockTicketTypesOfHolds(tx, 'checkout', checkout)
    const { rows } = await tx.query<{ id: string; token_hash: string; order_id: string | null; status: string }>(
      `SELECT id, token_hash, order_id, status FROM holds WHERE checkout = $1 FOR UPDATE`,
      [checkout],
    )
    if (rows.length === 0) throw new NotFoundError('unknown_hold', 'No such hold.')
    if (!rows.every((r) => sameHash(token, r.token_hash))) throw new ForbiddenError('That token does not own this hold.')
    if (rows.some((r) => r.order_id)) throw new ConflictError('hold_ordered', 'This hold belongs to an order; cancel the order instead.')
    await tx.query(`UPDATE holds SET status = 'released', expires_at = LEAST(expires_at, now()), updated_at = now() WHERE checkout = $1`, [
      checkout,
    ])
  })
}

export type Availability = {
  id: string
  name: string
  price: number
  currency: string
  capacity: number
  sold: number
  held: number
  available: number
  onSale: boolean
  /** Sold by seat: pick seats from `GET /api/events/:id/seats`, or ask for best available. */
  seated: boolean
  /** The waitlist: open, paused or closed, and how many tickets its confirmed people wait for (what of the free tickets they can be offered is kept from public sale while open). */
  waitlist: { status: string; waiting: number }
}

/** Every ticket type of an event, with what is sold, held (unexpired only) and left. One query. */
export async function eventAvailability(db: Db, eventId: string, now: Date, includeInactive = false): Promise<Availability[]> {
  const { rows } = await db.query(
    `SELECT tt.id, tt.name, COALESCE(tt.seat_price, tt.price) AS price, tt.seat_price IS NOT NULL AS seated, tt.currency, tt.capacity, tt.sold, tt.active, tt.sale_start, tt.sale_end, e.status AS event_status,
            ${liveHeld('tt')} AS held, ${publicRoom('tt', liveHeld('tt'))} AS room,
            CASE WHEN tt.waitlist = 'open' THEN tt.waitlisted ELSE 0 END AS waitlisted, tt.waitlist
       FROM ticket_types tt
       JOIN events e ON e.id = tt.event_id
      WHERE tt.event_id = $1 AND ($2 OR tt.active)
   ORDER BY tt.price, tt.name`,
    [eventId, includeInactive],
  )
  return rows.map((r) => {
    const capacity = num(r.capacity)
    const sold = num(r.sold)
    const held = num(r.held)
    const waitlisted = num(r.waitlisted)
    return {
      id: r.id,
      name: r.name,
      price: num(r.price),
      currency: r.currency,
      capacity,
      sold,
      held,
      available: Math.max(0, num(r.room)),
      onSale: onSale(r, now),
      waitlist: { status: r.waitlist, waiting: waitlisted },
      seated: Boolean(r.seated),
    }
  })
}
