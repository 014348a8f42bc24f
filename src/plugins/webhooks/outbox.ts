/**
 * The webhook outbox. A domain event is one row in webhook_events plus one pending delivery per
 * subscribed, active webhook whose owner may see it, written by the same transaction as the
 * change that causes it: a rolled-back change sends nothing, a committed one is never lost.
 *
 * Who may see an event: its `audience`. Public events (a published event, an active designer)
 * go to every subscriber; the rest only to the hooks of owners who see everything (the
 * `ownerSeesAll` option: administrators) and of the organizer concerned.
 */
export type Audience = { public?: boolean; organizer?: string | null }
export type Run = <T = Record<string, unknown>>(text: string, values?: unknown[]) => Promise<T[]>

/** SQL true when the webhook's owner (`owner`, a column reference) sees every event; from the options. */
export type OwnerSeesAll = (owner: string) => string

const outboxSql = (ownerSeesAll: OwnerSeesAll) => `
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
        OR (${ownerSeesAll('w.owner_id')}))
RETURNING event_id`

let OUTBOX_SQL = outboxSql(() => 'false')
/** Set once by the plugin from its options. */
export const configureOutbox = (ownerSeesAll: OwnerSeesAll) => {
  OUTBOX_SQL = outboxSql(ownerSeesAll)
}

/** Records `type` with `data` (JSON) for `audience`; returns the number of deliveries queued. */
export async function recordEvent(run: Run, type: string, data: unknown, audience: Audience = {}): Promise<number> {
  const rows = await run(OUTBOX_SQL, [type, JSON.stringify(data), audience.public ?? false, audience.organizer ?? null])
  return rows.length
}

/** The same, on a pg client or pool (the domain's own transactions). */
export const pgRun =
  (client: { query: (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }> }): Run =>
  async <T>(text: string, values: unknown[] = []) =>
    (await client.query(text, values)).rows as T[]
