import type { Db } from './db'

/** Whether `userId` organizes the event: the row rule behind the `*-own` ticketing permissions. */
export async function organizesEvent(db: Db, eventId: string, userId: string | number): Promise<boolean> {
  const { rowCount } = await db.query(`SELECT 1 FROM events WHERE id = $1 AND organizer_id = $2`, [eventId, userId])
  return (rowCount ?? 0) > 0
}
