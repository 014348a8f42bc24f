/**
 * Notices to ticket holders, written to the e-mail outbox (notifications.ts), each at most once
 * per person thanks to the outbox's unique dedupe key, however often a job or hook runs:
 * - the reminder 24 hours before an event (the `sendEventReminders` job, hourly, takes events
 *   starting 23 to 25 hours from the database's now);
 * - a change of an event's date, venue or status (postponed), with the new date in the event's
 *   zone, once per change and person.
 * A ticket holder is each distinct e-mail on a valid ticket of the event.
 */
import type { Db } from '../../db/transaction'

type Run = (text: string, values: unknown[]) => Promise<unknown[]>

const HOLDERS = `SELECT DISTINCT ON (lower(t.attendee_email)) lower(t.attendee_email) AS email, t.order_id
                   FROM tickets t WHERE t.event_id = e.id AND t.status = 'valid' AND t.attendee_email IS NOT NULL`

/** Queues the reminder of every event starting 23 to 25 hours from now; answers how many were queued. */
export async function queueEventReminders(db: Db): Promise<number> {
  const { rowCount } = await db.query(
    `INSERT INTO notifications (kind, dedupe_key, recipient, order_id, event_id, data, status, attempts, next_attempt_at)
     SELECT 'event_reminder', 'event_reminder:' || e.id || ':' || h.email, h.email, h.order_id, e.id, '{}'::jsonb, 'pending', 0, now()
       FROM events e CROSS JOIN LATERAL (${HOLDERS}) h
      WHERE e.status = 'published' AND e.start_date > now() + interval '23 hours' AND e.start_date <= now() + interval '25 hours'
     ON CONFLICT (dedupe_key) DO NOTHING`,
  )
  return rowCount ?? 0
}

/**
 * Tells every ticket holder that the event moved (date or venue) or was postponed; `change`
 * names what, and the dedupe key carries the new facts, so the same change is told once and a
 * later change again. Runs in the changing transaction (`run` joins it).
 */
export async function queueEventChangeNotices(run: Run, eventId: string, change: 'moved' | 'postponed'): Promise<void> {
  await run(
    `INSERT INTO notifications (kind, dedupe_key, recipient, order_id, event_id, data, status, attempts, next_attempt_at)
     SELECT 'event_changed', 'event_changed:' || e.id || ':' || md5(concat_ws('|', e.start_date, e.end_date, e.venue_id, e.status)) || ':' || h.email,
            h.email, h.order_id, e.id, jsonb_build_object('change', $2::text), 'pending', 0, now()
       FROM events e CROSS JOIN LATERAL (${HOLDERS}) h
      WHERE e.id = $1::uuid
     ON CONFLICT (dedupe_key) DO NOTHING`,
    [eventId, change],
  )
}
