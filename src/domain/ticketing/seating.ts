/**
 * Reserved seating. An event with `seating` on has its own seat inventory (`event_seats`): a
 * snapshot of its venue's seats, each sold by the ticket type whose `venueSection` is the
 * seat's section. A seated ticket type's capacity is its number of seats that are not blocked,
 * so the quantity machinery of holds (capacity - sold - held, under the ticket-type row lock)
 * stays true and every report and availability figure keeps working; the seat rows decide
 * which seats.
 *
 * Who changes a seat, and how (every change under the ticket type's row lock, seats then
 * locked in id order, so two multi-seat requests cannot deadlock):
 * - a hold claims seats by a conditional UPDATE (`status = 'available'`); fewer rows than
 *   asked is `seat_taken` and the whole hold rolls back;
 * - a hold that ends without an order (released, swept, failed, deleted) gives its seats back
 *   through a trigger on holds (migration 20261205_140500), whatever code path ends it;
 * - completion turns the order's seats to `sold` and links each to a ticket;
 * - a voided ticket that returns capacity frees its seat (`voidTickets`), exactly once.
 */
import type { Tx } from '../../db/transaction'
import { num } from '../../db/transaction'
import { ConflictError, UnprocessableError } from './errors'
import type { Query } from './organizer'

export type SeatRow = {
  id: string
  section_id: string | null
  section_name: string
  row_name: string
  seat_number: string
  label: string
  x: number
  y: number
  status: string
}

/** Half-up rounding of a price (minor units) times a multiplier, in integers (four decimals of the multiplier). */
export function sectionPriceOf(price: number, multiplier: number | null | undefined): number {
  const m = Math.round(Number(multiplier ?? 1) * 10_000)
  return Math.floor((2 * price * m + 10_000) / 20_000)
}

/**
 * Copies the venue's seats into the event's inventory (seats already copied stay as they are,
 * sold or not; seats added to the venue since are added), then prices and sizes every seated
 * ticket type. Seats the venue marks blocked or under maintenance start blocked. Seats without
 * coordinates get a grid position: 30 units per seat along the row, per row down the section.
 */
export async function snapshotSeats(q: Query, eventId: string): Promise<number> {
  const inserted = await q<{ id: string }>(
    `INSERT INTO event_seats (event_id, venue_seat_id, section_id, section_name, row_name, seat_number, label, x, y, accessible, status)
     SELECT e.id, s.id, sec.id, sec.name, s.row_name, s.seat_number, COALESCE(NULLIF(s.label, ''), s.row_name || '-' || s.seat_number),
            CASE WHEN jsonb_typeof(s.coordinates->'x') = 'number' THEN (s.coordinates->>'x')::numeric
                 ELSE 30 * row_number() OVER (PARTITION BY sec.id, s.row_name ORDER BY length(s.seat_number), s.seat_number) END,
            CASE WHEN jsonb_typeof(s.coordinates->'y') = 'number' THEN (s.coordinates->>'y')::numeric
                 ELSE 30 * dense_rank() OVER (ORDER BY sec.name, s.row_name) END,
            EXISTS (SELECT 1 FROM venue_seats_texts t WHERE t.parent_id = s.id AND t.path = 'accessibilityFeatures'),
            (CASE WHEN s.status IN ('blocked', 'maintenance') THEN 'blocked' ELSE 'available' END)::enum_event_seats_status
       FROM events e
       JOIN venue_sections sec ON sec.venue_id = e.venue_id
       JOIN venue_seats s ON s.section_id = sec.id
      WHERE e.id = $1::uuid
     ON CONFLICT (event_id, venue_seat_id) DO NOTHING
     RETURNING id`,
    [eventId],
  )
  const types = await q<{ id: string }>(`SELECT id FROM ticket_types WHERE event_id = $1::uuid ORDER BY id`, [eventId])
  for (const t of types) await seatTicketType(q, t.id)
  return inserted.length
}

/**
 * A ticket type's seats follow its section: free seats of the section are assigned to it (and
 * free seats it no longer sells are let go), its seat price is set, and its capacity becomes
 * its seats that are not blocked. Held and sold seats never change hands here. Runs under the
 * ticket type's row lock.
 */
export async function seatTicketType(q: Query, ticketTypeId: string): Promise<void> {
  const [tt] = await q<{
    event_id: string
    seating: boolean
    venue_section_id: string | null
    price: string
    section_price: string | null
  }>(
    `SELECT tt.event_id, e.seating, tt.venue_section_id, tt.price, tt.section_price
       FROM ticket_types tt JOIN events e ON e.id = tt.event_id WHERE tt.id = $1::uuid FOR UPDATE OF tt`,
    [ticketTypeId],
  )
  if (!tt) return
  if (!tt.seating || !tt.venue_section_id) {
    await q(`UPDATE ticket_types SET seat_price = NULL WHERE id = $1::uuid AND seat_price IS NOT NULL`, [ticketTypeId])
    await q(
      `UPDATE event_seats SET ticket_type_id = NULL, updated_at = now()
        WHERE id IN (SELECT id FROM event_seats WHERE ticket_type_id = $1::uuid AND status IN ('available', 'blocked') ORDER BY id FOR UPDATE)`,
      [ticketTypeId],
    )
    return
  }
  const [section] = await q<{ price_multiplier: string | null }>(`SELECT price_multiplier FROM venue_sections WHERE id = $1::uuid`, [
    tt.venue_section_id,
  ])
  const seatPrice =
    tt.section_price != null ? num(tt.section_price) : sectionPriceOf(num(tt.price), section ? num(section.price_multiplier ?? 1) : 1)
  await q(
    `UPDATE event_seats SET ticket_type_id = NULL, updated_at = now()
      WHERE id IN (SELECT id FROM event_seats WHERE ticket_type_id = $1::uuid AND section_id IS DISTINCT FROM $2::uuid
                      AND status IN ('available', 'blocked') ORDER BY id FOR UPDATE)`,
    [ticketTypeId, tt.venue_section_id],
  )
  await q(
    `UPDATE event_seats SET ticket_type_id = $1::uuid, updated_at = now()
      WHERE id IN (SELECT id FROM event_seats WHERE event_id = $2::uuid AND section_id = $3::uuid AND ticket_type_id IS NULL
                      AND status IN ('available', 'blocked') ORDER BY id FOR UPDATE)`,
    [ticketTypeId, tt.event_id, tt.venue_section_id],
  )
  await q(
    `UPDATE ticket_types tt SET seat_price = $2::int,
            capacity = (SELECT count(*) FROM event_seats s WHERE s.ticket_type_id = tt.id AND s.status <> 'blocked')
      WHERE tt.id = $1::uuid`,
    [ticketTypeId, seatPrice],
  )
}

/** Whether a ticket type sells seats (its event has seating on and it names a section). Under its row lock. */
export async function isSeated(tx: Tx, ticketTypeId: string): Promise<boolean> {
  const { rows } = await tx.query(`SELECT 1 FROM ticket_types WHERE id = $1 AND seat_price IS NOT NULL`, [ticketTypeId])
  return rows.length > 0
}

/** Seats of a ticket type the buyer can take now, for best-available picking. */
async function freeSeats(tx: Tx, ticketTypeId: string) {
  const { rows } = await tx.query<SeatRow>(
    `SELECT id, section_id, section_name, row_name, seat_number, label, x::float8 AS x, y::float8 AS y, status
       FROM event_seats WHERE ticket_type_id = $1`,
    [ticketTypeId],
  )
  return rows
}

/**
 * Best available: with `together`, `quantity` seats next to each other in one row (neighbours
 * along the row by x, no seat between them of any status), rows nearest the stage first (the
 * stage is at the top of the map, y = 0), and in a row the block nearest its middle. Without
 * `together`, the nearest free seats one by one. The caller holds the ticket type's lock, so
 * what is free cannot change under it; the claim is still a conditional update.
 */
export function pickSeats(seats: SeatRow[], quantity: number, together: boolean): string[] | null {
  const rows = new Map<string, SeatRow[]>()
  for (const s of seats) {
    const key = `${s.section_id}|${s.row_name}`
    rows.set(key, [...(rows.get(key) ?? []), s])
  }
  const ordered = [...rows.values()]
    .map((r) => r.sort((a, b) => a.x - b.x || a.id.localeCompare(b.id)))
    .map((r) => ({ seats: r, y: r.reduce((n, s) => n + s.y, 0) / r.length, mid: (r[0].x + r[r.length - 1].x) / 2 }))
    .sort((a, b) => a.y - b.y || a.seats[0].section_name.localeCompare(b.seats[0].section_name))
  if (!together) {
    const free = ordered.flatMap((r) =>
      r.seats.filter((s) => s.status === 'available').map((s) => ({ s, y: r.y, d: Math.abs(s.x - r.mid) })),
    )
    free.sort((a, b) => a.y - b.y || a.d - b.d || a.s.id.localeCompare(b.s.id))
    return free.length >= quantity ? free.slice(0, quantity).map((f) => f.s.id) : null
  }
  for (const row of ordered) {
    let best: { start: number; d: number } | null = null
    for (let i = 0; i + quantity <= row.seats.length; i++) {
      const block = row.seats.slice(i, i + quantity)
      if (!block.every((s) => s.status === 'available')) continue
      const d = Math.abs((block[0].x + block[quantity - 1].x) / 2 - row.mid)
      if (!best || d < best.d) best = { start: i, d }
    }
    if (best) return row.seats.slice(best.start, best.start + quantity).map((s) => s.id)
  }
  return null
}

/** Picks best-available seats of a seated ticket type, or refuses with `sold_out` / `no_adjacent_seats`. */
export async function bestAvailable(tx: Tx, ticketTypeId: string, quantity: number, together: boolean): Promise<string[]> {
  const seats = await freeSeats(tx, ticketTypeId)
  const picked = pickSeats(seats, quantity, together)
  if (picked) return picked
  const free = seats.filter((s) => s.status === 'available').length
  if (free >= quantity)
    throw new ConflictError('no_adjacent_seats', `No ${quantity} seats side by side are left; ${free} single seats are.`, {
      ticketType: ticketTypeId,
      available: free,
    })
  throw new ConflictError('sold_out', `Only ${free} seats left for this ticket type.`, { ticketType: ticketTypeId, available: free })
}

/**
 * Claims `seatIds` for a hold: the seats are locked in id order, then those still available
 * and sold by this ticket type are taken by one conditional UPDATE. Returns the seats it could
 * not take. (Statements on the primary key only, on purpose: a joined UPDATE let the planner
 * hash every seat of the ticket type, 13 ms at 40,000 seats instead of a fraction of one.)
 */
export async function claimSeats(tx: Tx, holdId: string, ticketTypeId: string, seatIds: string[]): Promise<string[]> {
  const { rows: locked } = await tx.query<{ id: string; ticket_type_id: string | null; status: string }>(
    `SELECT id, ticket_type_id, status FROM event_seats WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
    [seatIds],
  )
  const free = locked.filter((r) => r.ticket_type_id === ticketTypeId && r.status === 'available').map((r) => r.id)
  const { rows } = free.length
    ? await tx.query<{ id: string }>(
        `UPDATE event_seats SET status = 'held', hold_id = $1, updated_at = now() WHERE id = ANY($2::uuid[]) AND status = 'available' RETURNING id`,
        [holdId, free],
      )
    : { rows: [] as Array<{ id: string }> }
  const got = new Set(rows.map((r) => r.id))
  return seatIds.filter((id) => !got.has(id))
}

/** Named seats must be seats this ticket type sells: otherwise 422 `unknown_seat` naming them. */
export async function checkSeatsOf(tx: Tx, ticketTypeId: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return
  const { rows } = await tx.query<{ id: string; ticket_type_id: string | null }>(
    `SELECT id, ticket_type_id FROM event_seats WHERE id = ANY($1::uuid[])`,
    [ids],
  )
  const known = new Set(rows.filter((r) => r.ticket_type_id === ticketTypeId).map((r) => r.id))
  const unknown = ids.filter((id) => !known.has(id))
  if (unknown.length > 0)
    throw new UnprocessableError('unknown_seat', 'These seats are not sold by this ticket type.', {
      ticketType: ticketTypeId,
      seats: unknown,
    })
}

/** The labels of seats, for answers that name them. */
export async function seatsByIds(tx: Tx, ids: string[]) {
  const { rows } = await tx.query<{ id: string; section: string; row: string; number: string; label: string }>(
    `SELECT id, section_name AS section, row_name AS row, seat_number AS number, label FROM event_seats WHERE id = ANY($1::uuid[]) ORDER BY section_name, row_name, x, id`,
    [ids],
  )
  return rows
}

export class SeatTakenError extends ConflictError {
  constructor(seats: Array<{ id: string; label: string }>) {
    super(
      'seat_taken',
      `${seats.map((s) => s.label).join(', ')} ${seats.length === 1 ? 'is' : 'are'} no longer available; nothing was held.`,
      {
        seats,
      },
    )
  }
}

export class NotSeatedError extends UnprocessableError {
  constructor(ticketType: string) {
    super('not_seated', 'This ticket type sells no seats; ask for a quantity.', { ticketType })
  }
}

/**
 * At completion: the order's seats of one ticket type (those its holds claimed, still held by
 * them or, for an order paid after its hold lapsed, free and last held by them) are locked in id
 * order. Fewer than the quantity: another buyer has some of them, and the order cannot complete.
 */
export async function seatsForCompletion(tx: Tx, orderId: string, ticketTypeId: string) {
  const { rows } = await tx.query<{ id: string; section_name: string; row_name: string; seat_number: string }>(
    `SELECT s.id, s.section_name, s.row_name, s.seat_number FROM event_seats s
      WHERE s.hold_id = ANY(ARRAY(SELECT id FROM holds WHERE order_id = $1 AND ticket_type_id = $2)) AND s.status IN ('held', 'available')
      ORDER BY s.id FOR UPDATE`,
    [orderId, ticketTypeId],
  )
  return rows
}

/** A seat becomes sold to one ticket (the caller holds its lock). */
export async function sellSeat(tx: Tx, seatId: string, ticketId: string): Promise<void> {
  const { rowCount } = await tx.query(
    `UPDATE event_seats SET status = 'sold', ticket_id = $2, updated_at = now() WHERE id = $1 AND status IN ('held', 'available')`,
    [seatId, ticketId],
  )
  if (rowCount !== 1) throw new Error(`seat ${seatId} could not be sold`)
}

/** Voided tickets that return capacity give their seats back, each once (only a sold seat linked to the ticket is freed). */
export async function freeSeatsOfTickets(tx: Tx, ticketIds: string[]): Promise<number> {
  if (ticketIds.length === 0) return 0
  const { rowCount } = await tx.query(
    `UPDATE event_seats SET status = 'available', ticket_id = NULL, hold_id = NULL, updated_at = now()
      WHERE id IN (SELECT id FROM event_seats WHERE ticket_id = ANY($1::uuid[]) AND status = 'sold' ORDER BY id FOR UPDATE)`,
    [ticketIds],
  )
  return rowCount ?? 0
}
