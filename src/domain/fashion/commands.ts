/** The fashion layer's writes: designer analytics counts and the order of a segment's appearances. */
import type { Pool } from 'pg'

import type { Principal } from '../../access/principal'
import { can } from '../../access/principal'
import { withTransaction } from '../../db/transaction'
import { NotFoundError, UnprocessableError } from '../ticketing/errors'

const COLUMN: Record<string, string> = {
  profile_view: 'profile_views',
  collection_view: 'collection_views',
  item_view: 'item_views',
  favorite: 'favorites',
  share: 'shares',
  click_through: 'click_throughs',
}

/** Counts one event into today's row with one atomic upsert (safe under concurrent calls). */
export async function trackDesigner(db: Pool, designerId: string, kind: keyof typeof COLUMN, now: Date): Promise<boolean> {
  const col = COLUMN[kind]
  const day = now.toISOString().slice(0, 10)
  const { rowCount } = await db.query(
    `INSERT INTO designer_analytics (designer_id, day, ${col})
     SELECT id, $2, 1 FROM designers WHERE id = $1 AND status = 'active'
     ON CONFLICT (designer_id, day) DO UPDATE SET ${col} = COALESCE(designer_analytics.${col}, 0) + 1, updated_at = now()`,
    [designerId, day],
  )
  return (rowCount ?? 0) > 0
}

/**
 * Rewrites the order of a segment's appearances in one transaction: first out of the way
 * (negative), then to 0..n-1, so the unique (segment, order) index never sees a collision.
 */
export async function reorderAppearances(db: Pool, segmentId: string, ids: string[]): Promise<void> {
  await withTransaction(db, async (tx) => {
    const { rows } = await tx.query(`SELECT id FROM runway_appearances WHERE segment_id = $1 FOR UPDATE`, [segmentId])
    const have = new Set(rows.map((r) => r.id as string))
    if (have.size !== ids.length || ids.some((id) => !have.has(id))) {
      throw new UnprocessableError('order_mismatch', 'List every appearance of the segment exactly once.')
    }
    await tx.query(`UPDATE runway_appearances SET "order" = -1 - "order" WHERE segment_id = $1`, [segmentId])
    await tx.query(
      `UPDATE runway_appearances a SET "order" = v.pos - 1, updated_at = now() FROM unnest($1::uuid[]) WITH ORDINALITY AS v(id, pos) WHERE a.id = v.id`,
      [ids],
    )
  })
}

/**
 * Reorders a segment's appearances for its show's organizer (or `runway-shows:update`); a
 * segment the caller may not change reads as unknown.
 */
export async function reorderSegment(db: Pool, principal: Principal, segmentId: string, ids: string[]): Promise<{ reordered: number }> {
  const {
    rows: [seg],
  } = await db.query(
    `SELECT e.organizer_id FROM runway_segments g JOIN runway_shows s ON s.id = g.show_id JOIN events e ON e.id = s.event_id WHERE g.id = $1`,
    [segmentId],
  )
  if (!seg || !(can(principal, 'runway-shows', 'update') || String(seg.organizer_id) === String(principal.id)))
    throw new NotFoundError('unknown_segment', 'No such segment.')
  await reorderAppearances(db, segmentId, ids)
  return { reordered: ids.length }
}
