import { organizerOf, over } from './organizer'
import { recordEvent, pgRun } from '../../plugins/webhooks'
import { auditInTx } from '../audit'
import { withTransaction, type Db } from '../../db/transaction'
import { ConflictError, ForbiddenError, NotFoundError, UnprocessableError } from './errors'

export type CheckedIn = {
  ticket: string
  code: string
  attendeeName: string | null
  attendeeEmail: string | null
  event: string
  ticketType: string
  checkedInAt: string
  /** Where the attendee sits (reserved seating), so the door can point the way. */
  seat: { section: string; row: string; number: string } | null
}

/**
 * Checks a ticket in at one event's door with one conditional UPDATE (valid -> checked_in, at
 * this event): two scanners at two doors cannot both admit the same code, and a ticket for
 * another event is refused (409 wrong_event) without changing anything. `mayCheckIn` says
 * whether the caller may scan at the named event.
 */
export async function checkInTicket(
  db: Db,
  code: string,
  eventId: string,
  by: string | null,
  mayCheckIn: (eventId: string) => Promise<boolean>,
): Promise<CheckedIn> {
  if (!(await mayCheckIn(eventId))) throw new ForbiddenError('You may not check tickets in at this event.')
  const {
    rows: [t],
  } = await db.query(`SELECT id, event_id FROM tickets WHERE code = $1`, [code])
  if (!t) throw new NotFoundError('unknown_ticket', 'No ticket with that code.')
  if (t.event_id !== eventId) throw new ConflictError('wrong_event', 'This ticket is for another event.')
  const done = await withTransaction(db, async (tx) => {
    const {
      rows: [row],
    } = await tx.query(
      `UPDATE tickets SET status = 'checked_in', checked_in_at = now(), checked_in_by_id = $3, updated_at = now()
        WHERE id = $1 AND event_id = $2 AND status = 'valid'
    RETURNING id, code, attendee_name, attendee_email, event_id, ticket_type_id, checked_in_at, seat_section, seat_row, seat_number`,
      [t.id, eventId, by],
    )
    if (row) {
      await auditInTx(tx, {
        action: 'update',
        collection: 'tickets',
        documentId: row.id,
        actor: by,
        summary: `ticket ${row.code} checked in`,
        changes: [{ field: 'status', from: 'valid', to: 'checked_in' }],
      })
      const e = { organizer_id: await organizerOf(over(tx), row.event_id) }
      await recordEvent(
        pgRun(tx),
        'ticket.checked_in',
        {
          ticket: {
            id: row.id,
            code: row.code,
            event: row.event_id,
            ticketType: row.ticket_type_id,
            checkedInAt: new Date(row.checked_in_at).toISOString(),
          },
        },
        { organizer: e?.organizer_id },
      )
    }
    return row
  })
  if (done) {
    return {
      ticket: done.id,
      code: done.code,
      attendeeName: done.attendee_name,
      attendeeEmail: done.attendee_email,
      event: done.event_id,
      ticketType: done.ticket_type_id,
      checkedInAt: new Date(done.checked_in_at).toISOString(),
      seat: done.seat_section ? { section: done.seat_section, row: done.seat_row, number: done.seat_number } : null,
    }
  }
  const {
    rows: [now_],
  } = await db.query(`SELECT status, checked_in_at FROM tickets WHERE id = $1`, [t.id])
  if (now_.status === 'void') throw new UnprocessableError('void_ticket', 'This ticket is void (refunded or cancelled).')
  throw new ConflictError('already_checked_in', 'This ticket was already checked in.', {
    checkedInAt: new Date(now_.checked_in_at).toISOString(),
  })
}
