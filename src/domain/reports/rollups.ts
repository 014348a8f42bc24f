/**
 * Rollups for the reports that would otherwise scan raw rows: `engagement_daily` holds, per UTC
 * day, type and source, the engagement events and the unique people (users, or anonymous
 * sessions). The job `refreshReportRollups` rebuilds every day that received rows since the last
 * run (by insert time, with a five-minute overlap for inserts that committed late), so a day is
 * always recomputed whole and exactly; the first run builds every day. Two runners at once
 * queue on an advisory lock. Rows deleted later (retention, erasure) stay counted in the
 * aggregate, which holds no personal data.
 */
import { withTransaction, type Db } from '../../db/transaction'
import { utcDay } from './define'

const ENGAGEMENT = 'engagement_daily'

export async function refreshEngagementRollup(db: Db): Promise<{ days: number }> {
  return withTransaction(db, async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('report_rollups:${ENGAGEMENT}', 0))`)
    const {
      rows: [state],
    } = await tx.query<{ watermark: Date | null }>(`SELECT watermark FROM report_rollups WHERE name = $1`, [ENGAGEMENT])
    const since = state?.watermark ?? null
    const { rows: days } = await tx.query<{ day: string }>(
      `SELECT DISTINCT ${utcDay('occurred_at')}::text AS day FROM user_engagement
        WHERE $1::timestamptz IS NULL OR created_at > $1::timestamptz - interval '5 minutes'`,
      [since],
    )
    const list = days.map((d) => d.day)
    if (list.length > 0) {
      await tx.query(`DELETE FROM engagement_daily WHERE day = ANY($1::date[])`, [list])
      await tx.query(
        `INSERT INTO engagement_daily (day, type, source, total, unique_people)
         SELECT d.day, ue.type, ue.source, count(*), count(DISTINCT COALESCE(ue.user_id::text, 's:' || ue.session_id))
           FROM unnest($1::date[]) AS d(day)
           JOIN user_engagement ue ON ue.occurred_at >= (d.day::timestamp AT TIME ZONE 'UTC') AND ue.occurred_at < ((d.day + 1)::timestamp AT TIME ZONE 'UTC')
          GROUP BY 1, 2, 3`,
        [list],
      )
    }
    await tx.query(
      `INSERT INTO report_rollups (name, refreshed_at, watermark) VALUES ($1, now(), now())
       ON CONFLICT (name) DO UPDATE SET refreshed_at = now(), watermark = now()`,
      [ENGAGEMENT],
    )
    return { days: list.length }
  })
}

/** When a rollup was last refreshed (null: never). */
export async function rollupFreshness(db: Db, name: string): Promise<{ rollup: string; refreshedAt: string | null }> {
  const {
    rows: [r],
  } = await db.query<{ refreshed_at: Date }>(`SELECT refreshed_at FROM report_rollups WHERE name = $1`, [name])
  return { rollup: name, refreshedAt: r ? new Date(r.refreshed_at).toISOString() : null }
}
