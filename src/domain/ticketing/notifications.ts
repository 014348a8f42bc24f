/**
 * Ticketing's e-mail outbox: `notify` writes a row in the caller's transaction (unique per
 * `dedupeKey`, so one person is told one thing once); `sendNotifications` (the job of the same
 * name) claims due rows, renders them from the database as it is now, sends them through
 * Payload's mail adapter, and retries a failure with backoff (1, 5, 15, 60 minutes, then every
 * 3 hours) up to NOTIFICATION_MAX_ATTEMPTS (8) before marking it failed.
 */
import type { Payload } from 'payload'

import { num, type Db, type Tx } from '../../db/transaction'
import { formatMoney, formatWhen } from './format'
import { linkMessage } from './linkMessages'
import { qrContentId, qrPng } from './qr'
import { decryptValue } from '../../plugins/field-encryption'

export type NotificationKind =
  | 'order_confirmation'
  | 'order_unfulfilled'
  | 'organizer_unfulfilled'
  | 'organizer_dispute'
  | 'event_cancelled'
  | 'waitlist_offer'
  | 'waitlist_closed'
  | 'event_reminder'
  | 'event_changed'
  | 'verify_email'
  | 'waitlist_confirm'
  | 'email_change_confirm'
  | 'email_change_notice'
  | 'refund_failed'
  | 'guest_data_link'

type LinkKind = 'waitlist_confirm' | 'email_change_confirm' | 'guest_data_link'

export async function notify(
  tx: Tx,
  n: {
    kind: NotificationKind
    dedupeKey: string
    recipient: string | null | undefined
    order?: string | null
    event?: string | null
    data?: Record<string, unknown>
  },
): Promise<void> {
  if (!n.recipient) return
  await tx.query(
    `INSERT INTO notifications (kind, dedupe_key, recipient, order_id, event_id, data, status, attempts, next_attempt_at)
     VALUES ($1, $2, $3, $4, $5, $6, 'pending', 0, now()) ON CONFLICT (dedupe_key) DO NOTHING`,
    [n.kind, n.dedupeKey, n.recipient, n.order ?? null, n.event ?? null, JSON.stringify(n.data ?? {})],
  )
}

const BACKOFF_MINUTES = [1, 5, 15, 60, 180]
export const maxNotificationAttempts = () => Number(process.env.NOTIFICATION_MAX_ATTEMPTS || 8)

type Row = {
  id: string
  kind: NotificationKind
  recipient: string
  order_id: string | null
  event_id: string | null
  data: Record<string, unknown>
  attempts: number
}
export type Attachment = { filename: string; content: Buffer; contentType: string; cid: string }
export type Message = { to: string; subject: string; html: string; text: string; attachments?: Attachment[] }

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!)

type EventFacts = { title: string; when: string; venue: string | null; address: string | null }

async function eventFacts(db: Db, eventId: string): Promise<EventFacts> {
  const {
    rows: [e],
  } = await db.query(
    `SELECT e.title, e.start_date, e.end_date, e.time_zone, v.name AS venue, concat_ws(', ', v.address, concat_ws(' ', v.postal_code, v.city), v.country) AS address
       FROM events e LEFT JOIN venues v ON v.id = e.venue_id WHERE e.id = $1`,
    [eventId],
  )
  return {
    title: e.title,
    when: formatWhen(new Date(e.start_date), new Date(e.end_date), e.time_zone),
    venue: e.venue ?? null,
    address: e.venue ? e.address : null,
  }
}

/** Where links in e-mail point: the public site (PAYLOAD_PUBLIC_SERVER_URL). */
const siteUrl = () =>
  (process.env.PAYLOAD_PUBLIC_SERVER_URL || process.env.SITE_URL || `http://localhost:${process.env.PORT || 3000}`).replace(/\/$/, '')

/** A moment in the event's own zone, with the zone's name. */
async function inEventZone(db: Db, eventId: string | null, iso: string): Promise<string> {
  const { rows } = eventId ? await db.query(`SELECT time_zone FROM events WHERE id = $1`, [eventId]) : { rows: [] }
  const timeZone = rows[0]?.time_zone || 'UTC'
  return new Date(iso).toLocaleString('en-GB', { timeZone, dateStyle: 'full', timeStyle: 'short' }) + ` (${timeZone})`
}

/** Renders one notification from the database as it is now. */
export async function renderNotification(db: Db, n: Row): Promise<Message> {
  const ev = n.event_id ? await eventFacts(db, n.event_id) : null
  const where = ev?.venue ? `${ev.venue}, ${ev.address}` : 'Venue to be announced'
  const head = ev ? [`${ev.title}`, `${ev.when}`, where] : []
  const para = (lines: string[]) => lines.map((l) => `<p>${escape(l)}</p>`).join('')
  if (n.kind === 'order_confirmation' && n.order_id) {
    const { rows: tickets } = await db.query(
      `SELECT t.code, tt.name, CASE WHEN t.seat_section IS NOT NULL THEN concat(t.seat_section, ', row ', t.seat_row, ', seat ', t.seat_number) END AS seat
         FROM tickets t JOIN ticket_types tt ON tt.id = t.ticket_type_id WHERE t.order_id = $1 AND t.status <> 'void' ORDER BY t.created_at, t.code`,
      [n.order_id],
    )
    const codes = tickets.map((t) => `${t.code} (${t.name}${t.seat ? `: ${t.seat}` : ''})`)
    // Each ticket with its QR code as an inline image (a PNG attachment the HTML shows by content id).
    const items = tickets.map(
      (t) =>
        `<li style="margin-bottom:16px"><a href="${escape(`${siteUrl()}/tickets/${t.code}`)}"><strong>${escape(t.code)}</strong></a> — ${escape(t.name)}${t.seat ? ` · ${escape(t.seat)}` : ''}<br><img src="cid:${escape(qrContentId(t.code))}" alt="QR code of ticket ${escape(t.code)}" width="180" height="180"></li>`,
    )
    const attachments = await Promise.all(
      tickets.map(async (t) => ({
        filename: `ticket-${t.code}.png`,
        content: await qrPng(t.code),
        contentType: 'image/png',
        cid: qrContentId(t.code),
      })),
    )
    return {
      to: n.recipient,
      subject: `Your tickets for ${ev?.title ?? 'your event'}`,
      html: `<p>Thank you for your order ${escape(n.order_id)}.</p>${para(head)}<ul>${items.join('')}</ul><p>Show a code at the door: scan the QR code, or open the ticket from its link.</p>`,
      text: [`Thank you for your order ${n.order_id}.`, ...head, '', ...codes, '', 'Show a code at the door.'].join('\n'),
      attachments,
    }
  }
  if (n.kind === 'verify_email') {
    const link = `${siteUrl()}/account/verify?token=${encodeURIComponent(String(decryptValue(n.data.token) ?? ''))}`
    return {
      to: n.recipient,
      subject: 'Confirm your e-mail for Fashionistas',
      html: `<p>Welcome to Fashionistas. Confirm this address to activate your account:</p><p><a href="${escape(link)}">Confirm my e-mail</a></p><p>The link works once, for 48 hours. If you did not sign up, ignore this e-mail.</p>`,
      text: [
        'Welcome to Fashionistas. Confirm this address to activate your account:',
        link,
        '',
        'The link works once, for 48 hours. If you did not sign up, ignore this e-mail.',
      ].join('\n'),
    }
  }
  const linked = linkMessage(n, siteUrl(), ev?.title ?? null, n.event_id)
  if (linked) return linked
  if (n.kind === 'waitlist_offer') {
    // The link opens checkout on the hold kept for this person; its token is stored encrypted.
    const token = String(decryptValue(n.data.token) ?? '')
    const link = `${siteUrl()}/checkout?hold=${encodeURIComponent(String(n.data.hold))}&token=${encodeURIComponent(token)}`
    const until = await inEventZone(db, n.event_id, String(n.data.expiresAt))
    const lines = [
      `Good news: ${String(n.data.quantity)} × ${String(n.data.ticketType)} opened up for you, and we are holding them in your name until ${until}.`,
      `Complete your order here: ${link}`,
      'If you do not want them, do nothing: when the hold ends they go to the next person waiting.',
    ]
    return {
      to: n.recipient,
      subject: `Tickets are waiting for you: ${ev?.title ?? 'your event'}`,
      html: `${para([lines[0]])}<p><a href="${escape(link)}">Complete your order</a></p>${para([lines[2], ...head])}`,
      text: [...lines, '', ...head].join('\n'),
    }
  }
  const amount = typeof n.data.amount === 'number' ? formatMoney(n.data.amount, String(n.data.currency ?? 'EUR')) : ''
  const texts: Record<
    Exclude<NotificationKind, LinkKind | 'order_confirmation' | 'waitlist_offer' | 'verify_email'>,
    [string, string[]]
  > = {
    order_unfulfilled: [
      `Your payment for ${ev?.title ?? 'your order'} was refunded`,
      [
        `Your payment for order ${n.order_id} arrived after your reservation had lapsed, and the tickets were no longer available.`,
        `We have refunded ${amount} in full; no tickets were issued.`,
      ],
    ],
    organizer_unfulfilled: [
      `A late payment was refunded: ${ev?.title ?? ''}`,
      [`Order ${n.order_id} was paid after its hold lapsed and its tickets were gone; ${amount} was refunded automatically.`],
    ],
    organizer_dispute: [
      `Payment dispute (${String(n.data.status ?? '')}) on order ${n.order_id}`,
      [
        `The buyer's bank reports a dispute on order ${n.order_id}: ${amount}, reason ${String(n.data.reason ?? 'unknown')}, status ${String(n.data.status ?? '')}.`,
        n.data.status === 'lost'
          ? 'The dispute was lost: the order’s remaining tickets were voided.'
          : 'Respond in the Stripe dashboard before the deadline.',
      ],
    ],
    event_reminder: [
      `Tomorrow: ${ev?.title ?? 'your event'}`,
      ['A reminder: your event is in 24 hours. Bring your ticket codes (or open My tickets on your phone).'],
    ],
    event_changed: [
      `${n.data.change === 'postponed' ? 'Postponed' : 'Changed'}: ${ev?.title ?? 'your event'}`,
      [
        n.data.change === 'postponed'
          ? 'The organizer has postponed the event. Your tickets stay valid; we will write again with the new date.'
          : 'The organizer has changed the event’s date or place. Your tickets stay valid for the new date below.',
      ],
    ],
    waitlist_closed: [
      `Waitlist closed: ${ev?.title ?? 'your event'}`,
      ['The organizer has closed the waitlist you were on; no more tickets will be offered from it. Thank you for waiting.'],
    ],
    email_change_notice: [
      'The e-mail address of your Fashionistas account is changing',
      [
        `Someone signed in to your account asked to change its e-mail address to ${String(n.data.newEmail ?? 'another address')}. The change takes effect only when that address confirms it.`,
        'If it was not you, change your password now and contact the organizers: until then your account keeps this address.',
      ],
    ],
    refund_failed: [
      `A refund was refused: order ${n.order_id}`,
      [
        `Stripe refused the refund of ${amount} on order ${n.order_id} (${String(n.data.error ?? 'no reason given')}); no money was sent.`,
        n.data.restored
          ? 'The order is back as it was before the refund: its tickets are valid again and the amount can be refunded once more.'
          : 'Its tickets could not be put back (the event has started, or their places were taken), so the order is marked refund_failed: refund it again from the admin, or settle with the buyer outside the platform.',
      ],
    ],
    event_cancelled: [
      `Cancelled: ${ev?.title ?? 'your event'}`,
      [
        `We are sorry: ${ev?.title ?? 'the event'} has been cancelled.`,
        n.data.refunded ? `Your order ${n.order_id} is refunded in full (${amount}).` : `Your order ${n.order_id} is cancelled.`,
      ],
    ],
  }
  const [subject, lines] = texts[n.kind as Exclude<NotificationKind, LinkKind | 'order_confirmation' | 'waitlist_offer' | 'verify_email'>]
  return { to: n.recipient, subject, html: para([...lines, ...head]), text: [...lines, '', ...head].join('\n') }
}

/** Sends what is due; returns how many were sent, retried and given up. Safe to run in several workers at once. */
export async function sendNotifications(payload: Payload, db: Db, limit = 50): Promise<{ sent: number; retried: number; failed: number }> {
  const { rows } = await db.query<Row>(
    `UPDATE notifications SET attempts = attempts + 1, locked_until = now() + interval '2 minutes', updated_at = now()
      WHERE id IN (SELECT id FROM notifications
                    WHERE status = 'pending' AND next_attempt_at <= now() AND (locked_until IS NULL OR locked_until < now())
                    ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED)
      RETURNING id, kind, recipient, order_id, event_id, data, attempts`,
    [limit],
  )
  const out = { sent: 0, retried: 0, failed: 0 }
  for (const n of rows) {
    try {
      await payload.sendEmail(await renderNotification(db, n))
      await db.query(
        `UPDATE notifications SET status = 'sent', sent_at = now(), locked_until = NULL, last_error = NULL, updated_at = now() WHERE id = $1`,
        [n.id],
      )
      out.sent++
    } catch (err) {
      const attempts = num(n.attempts)
      const giveUp = attempts >= maxNotificationAttempts()
      const wait = BACKOFF_MINUTES[Math.min(attempts - 1, BACKOFF_MINUTES.length - 1)]
      await db.query(
        `UPDATE notifications SET status = $2, last_error = $3, locked_until = NULL, next_attempt_at = now() + make_interval(mins => $4), updated_at = now() WHERE id = $1`,
        [n.id, giveUp ? 'failed' : 'pending', String((err as Error).message).slice(0, 500), wait],
      )
      payload.logger.warn(`notification ${n.id} (${n.kind}) attempt ${attempts} failed: ${(err as Error).message}`)
      if (giveUp) out.failed++
      else out.retried++
    }
  }
  return out
}
