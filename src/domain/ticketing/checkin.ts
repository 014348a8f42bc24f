import { recordEvent, pgRun } from '../../plugins/webhooks/outbox'
import { auditInTx } from '../audit'
import { withTransaction, type Db } from './db'
import { ConflictError, NotFoundError, UnprocessableError } from './errors'

export type CheckedIn = { ticket: string; code: string; attendeeName: string | null; attendeeEmail: string | null; event: string; ticketType: string; checkedInAt: string }

/**
 * Checks a ticket in with one conditional UPDATE (valid -> checked_in): two scanners at two
 * doors cannot both admit the same code. `mayCheckIn(eventId)` says whether the caller may
 * check in tickets of that event.
 */
export async function checkInTicket(db: Db, code: string, by: string | null, now: Date, mayCheckIn: (eventId: string) => Promise<boolean>): Promise<CheckedIn> {
  const { rows: [t] } = await db.query(`SELECT id, event_id, status, checked_in_at FROM tickets WHERE code = $1`, [code])
  if (!t || !(await mayCheckIn(t.event_id))) throw new NotFoundError('unknown_ticket', 'No ticket with that code.')
  const done = await withTransaction(db, async (tx) => {
    const { rows: [row] } = await tx.query(
      `UPDATE tickets SET status = 'checked_in', checked_in_at = $2, checked_in_by_id = $3, updated_at = now()
        WHERE id = $1 AND status = 'valid'
    RETURNING id, code, attendee_name, attendee_email, event_id, ticket_type_id, checked_in_at`,
      [t.id, now, by],
    )
    if (row) {
      await auditInTx(tx, { action: 'update', collection: 'tickets', documentId: row.id, actor: by, summary: `ticket ${row.code} checked in`, changes: [{ field: 'status', from: 'valid', to: 'checked_in' }] })
      const { rows: [e] } = await tx.query(`SELECT organizer_id FROM events WHERE id = $1`, [row.event_id])
      await recordEvent(pgRun(tx), 'ticket.checked_in', { ticket: { id: row.id, code: row.code, event: row.event_id, ticketType: row.ticket_type_id, checkedInAt: new Date(row.checked_in_at).toISOString() } }, { organizer: e?.organizer_id })
    }
    return row
  })
  if (done) {
    return { ticket: done.id, code: done.code, attendeeName: done.attendee_name, attendeeEmail: done.attendee_email, event: done.event_id, ticketType: done.ticket_type_id, checkedInAt: new Date(done.checked_in_at).toISOString() }
  }
  const { rows: [now_] } = await db.query(`SELECT status, checked_in_at FROM tickets WHERE id = $1`, [t.id])
  if (now_.status === 'void') throw new UnprocessableError('void_ticket', 'This ticket is void (refunded or cancelled).')
  throw new ConflictError('already_checked_in', 'This ticket was already checked in.', { checkedInAt: new Date(now_.checked_in_at).toISOString() })
}
