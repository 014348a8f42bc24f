/**
 * The tickets a signed-in person holds: those of orders their account bought and, once the
 * account's address is verified, those of guest orders made with that address and those issued
 * to it. An unverified address reaches nothing it did not buy (review finding 2): anyone can
 * sign up with anyone's address. The address is the database's, not the session's.
 */
import type { Db } from '../../db/transaction'

export type MyTicket = {
  code: string
  status: string
  ticketType: string
  event: { id: string; slug: string | null; title: string; startDate: string; endDate: string; timeZone: string; venue: string | null }
  seat: { section: string; row: string; number: string } | null
}

export async function myTickets(db: Db, userId: string): Promise<MyTicket[]> {
  const { rows } = await db.query(
    `SELECT t.code, t.status, tt.name AS ticket_type, e.id AS event_id, e.slug, e.title, e.start_date, e.end_date, e.time_zone, v.name AS venue,
            t.seat_section, t.seat_row, t.seat_number
       FROM tickets t
       JOIN orders o ON o.id = t.order_id
       JOIN ticket_types tt ON tt.id = t.ticket_type_id
       JOIN events e ON e.id = t.event_id
       LEFT JOIN venues v ON v.id = e.venue_id
       JOIN users u ON u.id = $1
      WHERE o.buyer_id = $1
         OR (u.email_verified AND (lower(o.billing_email) = lower(u.email) OR lower(t.attendee_email) = lower(u.email)))
      ORDER BY e.start_date, t.code`,
    [userId],
  )
  return rows.map((r) => ({
    code: r.code,
    status: r.status,
    ticketType: r.ticket_type,
    event: {
      id: r.event_id,
      slug: r.slug,
      title: r.title,
      startDate: new Date(r.start_date).toISOString(),
      endDate: new Date(r.end_date).toISOString(),
      timeZone: r.time_zone,
      venue: r.venue,
    },
    seat: r.seat_section ? { section: r.seat_section, row: r.seat_row, number: r.seat_number } : null,
  }))
}

/** One ticket by its code, as the page a door scanner opens shows it: no personal data. */
export async function ticketByCode(db: Db, code: string) {
  const {
    rows: [r],
  } = await db.query(
    `SELECT t.code, t.status, tt.name AS ticket_type, e.title, e.slug, e.start_date, e.end_date, e.time_zone, t.seat_section, t.seat_row, t.seat_number
       FROM tickets t JOIN ticket_types tt ON tt.id = t.ticket_type_id JOIN events e ON e.id = t.event_id WHERE t.code = $1`,
    [code],
  )
  return r ?? null
}
