/**
 * A guest (a buyer without an account, or whose address no account has proven) gets the data
 * held about their e-mail address through a link e-mailed to that address, never by asking
 * with the address alone (review finding 2). `requestGuestData` answers the same whatever the
 * address (no one learns whether an address bought anything) and queues the link only when
 * something is held; the link (a random token, only its SHA-256 stored in `guest_data_requests`)
 * works for GUEST_DATA_LINK_HOURS (24).
 */
import { decryptValue, encryptValue } from '../../plugins/field-encryption'
import type { Db } from '../../db/transaction'
import { UnprocessableError } from '../ticketing/errors'
import { hashToken, newToken } from '../ticketing/tokens'

export const guestLinkHours = () => Number(process.env.GUEST_DATA_LINK_HOURS || 24)

type Row = Record<string, unknown>

/** Queues the link when anything is held for `email`; resolves the same either way. */
export async function requestGuestData(db: Db, email: string): Promise<void> {
  const address = email.trim().toLowerCase()
  const {
    rows: [held],
  } = await db.query(
    `SELECT EXISTS (SELECT 1 FROM orders WHERE lower(billing_email) = $1)
         OR EXISTS (SELECT 1 FROM tickets WHERE lower(attendee_email) = $1)
         OR EXISTS (SELECT 1 FROM waitlist_entries WHERE email = $1) AS any`,
    [address],
  )
  if (!held.any) return
  const token = newToken()
  const {
    rows: [r],
  } = await db.query(`INSERT INTO guest_data_requests (email, token_hash) VALUES ($1, $2) RETURNING id`, [address, hashToken(token)])
  await db.query(
    `INSERT INTO notifications (kind, dedupe_key, recipient, data, status, attempts, next_attempt_at)
     VALUES ('guest_data_link', $1, $2, $3::jsonb, 'pending', 0, now()) ON CONFLICT (dedupe_key) DO NOTHING`,
    [`guest_data_link:${r.id}`, address, JSON.stringify({ token: encryptValue(token) })],
  )
}

const decrypt = (r: Row, cols: string[]) => {
  for (const c of cols) if (c in r) r[c] = decryptValue(r[c])
  return r
}

/** Everything held about the link's address (orders, tickets, waitlists), decrypted; the link works until it expires. */
export async function guestExport(db: Db, token: string): Promise<Record<string, unknown>> {
  const {
    rows: [req],
  } = await db.query<{ email: string }>(
    `UPDATE guest_data_requests SET used_at = COALESCE(used_at, now()) WHERE token_hash = $1 AND created_at > now() - make_interval(hours => $2) RETURNING email`,
    [hashToken(token), guestLinkHours()],
  )
  if (!req) throw new UnprocessableError('invalid_token', 'This link is not valid (older than allowed, or unknown). Ask for a new one.')
  const email = req.email
  const orders = (
    await db.query(
      `SELECT o.id, o.status, o.subtotal, o.discount, o.tax, o.total, o.currency, o.billing_email, o.billing_name, o.billing_phone, o.billing_address,
              o.created_at, o.completed_at, o.refunded_at, e.title AS event
         FROM orders o JOIN events e ON e.id = o.event_id WHERE lower(o.billing_email) = $1 ORDER BY o.created_at`,
      [email],
    )
  ).rows.map((r: Row) => decrypt(r, ['billing_phone', 'billing_address']))
  const tickets = (
    await db.query(
      `SELECT t.code, t.status, t.attendee_name, t.attendee_email, t.checked_in_at, tt.name AS ticket_type, e.title AS event
         FROM tickets t JOIN orders o ON o.id = t.order_id JOIN ticket_types tt ON tt.id = t.ticket_type_id JOIN events e ON e.id = t.event_id
        WHERE lower(o.billing_email) = $1 OR lower(t.attendee_email) = $1 ORDER BY e.start_date, t.code`,
      [email],
    )
  ).rows
  const waitlists = (
    await db.query(
      `SELECT w.email, w.name, w.quantity, w.status, w.created_at, tt.name AS ticket_type, e.title AS event
         FROM waitlist_entries w JOIN ticket_types tt ON tt.id = w.ticket_type_id JOIN events e ON e.id = w.event_id WHERE w.email = $1 ORDER BY w.created_at`,
      [email],
    )
  ).rows
  return { email, exportedAt: new Date().toISOString(), orders, tickets, waitlists }
}
