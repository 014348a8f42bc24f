import type { Db, Tx } from '../../db/transaction'

/** A query over whatever connection the caller holds: a pool, a transaction's client, or the request's transaction. */
export type Query = <T = Record<string, unknown>>(text: string, values: unknown[]) => Promise<T[]>
export const over =
  (db: Pick<Db, 'query'>): Query =>
  async (text, values) =>
    (await db.query(text, values)).rows

/** Who organizes the event (null: nobody, or no such event). The one place this question is asked. */
export async function organizerOf(q: Query, eventId: string): Promise<string | null> {
  const [row] = await q<{ organizer_id: string | null }>(`SELECT organizer_id FROM events WHERE id = $1::uuid`, [eventId])
  return row?.organizer_id ?? null
}

/** Whether `userId` organizes the event: the row rule behind the `*-own` ticketing permissions. */
export async function organizesEvent(db: Db, eventId: string, userId: string | number): Promise<boolean> {
  const organizer = await organizerOf(over(db), eventId)
  return organizer !== null && organizer === String(userId)
}

/** Whether `userId` is on the event's door staff. */
export async function staffsEvent(db: Db, eventId: string, userId: string | number): Promise<boolean> {
  const { rowCount } = await db.query(`SELECT 1 FROM events_rels WHERE parent_id = $1 AND path = 'staff' AND users_id = $2`, [
    eventId,
    userId,
  ])
  return (rowCount ?? 0) > 0
}

/** The events a staff member is assigned to that have not ended: what a scan names when it names none. */
export async function assignedEvents(db: Db, userId: string | number): Promise<string[]> {
  const { rows } = await db.query(
    `SELECT e.id FROM events_rels r JOIN events e ON e.id = r.parent_id WHERE r.path = 'staff' AND r.users_id = $1 AND e.end_date > now() - interval '1 day' ORDER BY e.start_date`,
    [userId],
  )
  return rows.map((r) => r.id)
}

/** The e-mail of the event's organizer (who is told of disputes, late payments, refused refunds). */
export async function organizerEmail(db: Db | Tx, eventId: string): Promise<string | null> {
  const {
    rows: [u],
  } = await db.query(`SELECT u.email FROM events e JOIN users u ON u.id = e.organizer_id WHERE e.id = $1`, [eventId])
  return (u?.email as string | undefined) ?? null
}
