/**
 * The webhook outbox. A domain event is one row in webhook_events plus one pending delivery per
 * subscribed, active webhook whose owner may see it, written by the same transaction as the
 * change that causes it: a rolled-back change sends nothing, a committed one is never lost.
 *
 * Who may see an event: its `audience`. Public events (a published event, an active designer)
 * go to every subscriber; the rest only to administrators' hooks and to the hooks of the
 * organizer concerned (an order of their event, a check-in at their door).
 */
export type Audience = { public?: boolean; organizer?: string | null }
export type Run = <T = Record<string, unknown>>(text: string, values?: unknown[]) => Promise<T[]>

export const DOMAIN_EVENTS = [
  'order.completed',
  'order.refunded',
  'order.cancelled',
  'order.partially_refunded',
  'order.refunded_unfulfilled',
  'order.disputed',
  'ticket.checked_in',
  'event.published',
  'event.updated',
  'event.cancelled',
  'designer.published',
  'sponsorship.approved',
] as const

const OUTBOX_SQL = `
WITH ev AS (
  INSERT INTO webhook_events (type, data, audience_public, audience_organizer_id)
  VALUES ($1, $2::jsonb, $3::boolean, $4::uuid)
  RETURNING id, type, audience_public, audience_organizer_id
)
INSERT INTO webhook_deliveries (webhook_id, event_id, status, attempts, next_attempt_at)
SELECT w.id, ev.id, 'pending', 0, now()
  FROM ev JOIN webhooks w ON w.active
 WHERE EXISTS (SELECT 1 FROM webhooks_event_types t WHERE t.parent_id = w.id AND t.value::text = ev.type)
   AND (ev.audience_public
        OR w.owner_id = ev.audience_organizer_id
        OR EXISTS (SELECT 1 FROM users_rels ur JOIN roles r ON r.id = ur.roles_id WHERE ur.parent_id = w.owner_id AND ur.path = 'roles' AND r.name = 'admin'))
RETURNING event_id`

/** Records `type` with `data` (JSON) for `audience`; returns the number of deliveries queued. */
export async function recordEvent(run: Run, type: string, data: unknown, audience: Audience = {}): Promise<number> {
  const rows = await run(OUTBOX_SQL, [type, JSON.stringify(data), audience.public ?? false, audience.organizer ?? null])
  return rows.length
}

/** The same, on a pg client or pool (the domain's own transactions). */
export const pgRun =
  (client: { query: (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }> }): Run =>
  async <T,>(text: string, values: unknown[] = []) =>
    (await client.query(text, values)).rows as T[]
