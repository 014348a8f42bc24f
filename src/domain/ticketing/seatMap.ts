/**
 * The seat map of an event as the public and the organizer see it, and the organizer's
 * blocking of seats (press, the designer's guests). Reading is one query per part; blocking
 * takes the seats' ticket types' row locks in id order, then the seats' in id order (the
 * inventory's lock order, src/domain/ticketing/seating.ts), changes only seats that are free
 * (or blocked, to unblock), and resizes the ticket types in the same transaction.
 */
import type { Principal } from '../../access/principal'
import { can } from '../../access/principal'
import { num, withTransaction, type Db } from '../../db/transaction'
import { ForbiddenError, NotFoundError, UnprocessableError } from './errors'
import { organizesEvent } from './organizer'

export type SeatMapSection = {
  id: string | null
  name: string
  ticketType: string | null
  price: number | null
  currency: string | null
  shape: unknown
}
export type SeatMapSeat = {
  id: string
  section: string | null
  row: string
  number: string
  label: string
  x: number
  y: number
  status: 'available' | 'held' | 'sold' | 'blocked'
  accessible: boolean
}
export type SeatMap = { sections: SeatMapSection[]; seats: SeatMapSeat[] }

/**
 * The public's view: no buyer data. A seat held by a hold that has lapsed reads `available`
 * (the next hold on it sweeps the lapsed one); a seat no ticket type sells reads `blocked`.
 */
export async function eventSeatMap(db: Db, eventId: string): Promise<SeatMap> {
  const [sections, seats] = await Promise.all([
    db.query(
      `SELECT DISTINCT ON (s.section_id, s.section_name) s.section_id AS id, s.section_name AS name, tt.id AS ticket_type,
              tt.seat_price AS price, tt.currency, vs.coordinates AS shape
         FROM event_seats s
         LEFT JOIN ticket_types tt ON tt.id = s.ticket_type_id
         LEFT JOIN venue_sections vs ON vs.id = s.section_id
        WHERE s.event_id = $1
        ORDER BY s.section_id, s.section_name, tt.id NULLS LAST`,
      [eventId],
    ),
    db.query(
      `SELECT s.id, s.section_id AS section, s.row_name AS row, s.seat_number AS number, s.label, s.x::float8 AS x, s.y::float8 AS y,
              COALESCE(s.accessible, false) AS accessible,
              CASE WHEN s.ticket_type_id IS NULL THEN 'blocked'
                   WHEN s.status = 'held' AND NOT EXISTS (SELECT 1 FROM holds h WHERE h.id = s.hold_id AND h.status = 'active'
                          AND (h.expires_at > now() OR h.order_id IS NOT NULL)) THEN 'available'
                   ELSE s.status::text END AS status
         FROM event_seats s WHERE s.event_id = $1
        ORDER BY s.y, s.x, s.id`,
      [eventId],
    ),
  ])
  return {
    sections: sections.rows
      .map((r) => ({
        id: r.id,
        name: r.name,
        ticketType: r.ticket_type,
        price: r.price == null ? null : num(r.price),
        currency: r.currency ?? null,
        shape: r.shape ?? null,
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    seats: seats.rows as SeatMapSeat[],
  }
}

/** Who holds or bought each seat: for those who may see the event's orders. */
export type SeatHolder = {
  seat: string
  status: 'held' | 'sold'
  order: string | null
  name: string | null
  email: string | null
  ticket: string | null
}

/** Organizers of the event and `orders:read` see who holds or bought a seat. */
export async function mayManageSeats(db: Db, principal: Principal | null, eventId: string, action: 'read' | 'update'): Promise<boolean> {
  if (!principal) return false
  const [resource, any] = action === 'read' ? ['orders', 'read'] : ['ticket-types', 'update']
  if (can(principal, resource, any)) return true
  // The event's organizer sees its orders (the orders' row rule) and, with update-own, manages its ticket types.
  if (action === 'update' && !can(principal, resource, 'update-own')) return false
  return organizesEvent(db, eventId, principal.id)
}

export async function seatHolders(db: Db, principal: Principal | null, eventId: string): Promise<SeatHolder[]> {
  if (!(await mayManageSeats(db, principal, eventId, 'read')))
    throw new ForbiddenError('Only the event’s organizer and those who see its orders see who holds a seat.')
  const { rows } = await db.query(
    `SELECT s.id AS seat, s.status::text AS status, COALESCE(t.order_id, h.order_id) AS "order",
            COALESCE(t.attendee_name, o.billing_name) AS name, COALESCE(t.attendee_email, o.billing_email) AS email, t.code AS ticket
       FROM event_seats s
       LEFT JOIN tickets t ON t.id = s.ticket_id
       LEFT JOIN holds h ON h.id = s.hold_id AND s.status = 'held'
       LEFT JOIN orders o ON o.id = COALESCE(t.order_id, h.order_id)
      WHERE s.event_id = $1 AND (s.status = 'sold'
         OR (s.status = 'held' AND h.status = 'active' AND (h.expires_at > now() OR h.order_id IS NOT NULL)))
      ORDER BY s.label`,
    [eventId],
  )
  return rows as SeatHolder[]
}

/**
 * Blocks (or unblocks) seats of the event. Only free seats are blocked and only blocked seats
 * unblocked; the others are named in `unchanged` with their status. Ticket types' capacities
 * follow in the same transaction.
 */
export async function setSeatsBlocked(
  db: Db,
  principal: Principal | null,
  eventId: string,
  seatIds: string[],
  blocked: boolean,
): Promise<{ changed: string[]; unchanged: Array<{ id: string; status: string }> }> {
  if (!(await mayManageSeats(db, principal, eventId, 'update')))
    throw new ForbiddenError('Only the event’s organizer (or a ticketing manager) blocks seats.')
  return withTransaction(db, async (tx) => {
    const { rows: known } = await tx.query<{ id: string; ticket_type_id: string | null }>(
      `SELECT id, ticket_type_id FROM event_seats WHERE event_id = $1 AND id = ANY($2::uuid[])`,
      [eventId, seatIds],
    )
    const missing = seatIds.filter((id) => !known.some((k) => k.id === id))
    if (missing.length > 0) throw new UnprocessableError('unknown_seat', 'These seats are not seats of this event.', { seats: missing })
    if (known.length === 0) throw new NotFoundError('unknown_seat', 'No such seats.')
    const types = [...new Set(known.map((k) => k.ticket_type_id).filter((t): t is string => Boolean(t)))].sort()
    await tx.query(`SELECT id FROM ticket_types WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [types])
    await tx.query(`SELECT id FROM event_seats WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [seatIds])
    const { rows: changed } = await tx.query<{ id: string }>(
      `UPDATE event_seats SET status = $2::enum_event_seats_status, updated_at = now()
        WHERE id = ANY($1::uuid[]) AND status = $3::enum_event_seats_status
       RETURNING id`,
      [seatIds, blocked ? 'blocked' : 'available', blocked ? 'available' : 'blocked'],
    )
    await tx.query(
      `UPDATE ticket_types tt SET capacity = (SELECT count(*) FROM event_seats s WHERE s.ticket_type_id = tt.id AND s.status <> 'blocked'), updated_at = now()
        WHERE tt.id = ANY($1::uuid[])`,
      [types],
    )
    const done = new Set(changed.map((r) => r.id))
    const { rows: others } = await tx.query<{ id: string; status: string }>(
      `SELECT id, status::text AS status FROM event_seats WHERE id = ANY($1::uuid[]) ORDER BY id`,
      [seatIds.filter((id) => !done.has(id))],
    )
    return { changed: [...done].sort(), unchanged: others }
  })
}
