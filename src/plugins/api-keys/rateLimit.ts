import type { Pool } from 'pg'

/**
 * A fixed one-minute window per key, counted in PostgreSQL with one upsert, so every app
 * instance sees the same count. Returns the seconds to wait when over the limit, else 0.
 */
export async function hitRateLimit(db: Pool, key: string, limit: number, now = new Date()): Promise<number> {
  const windowStart = new Date(Math.floor(now.getTime() / 60_000) * 60_000)
  const { rows } = await db.query<{ count: number }>(
    `INSERT INTO rate_limit_counters (bucket, window_start, count) VALUES ($1, $2, 1)
     ON CONFLICT (bucket) DO UPDATE SET count = rate_limit_counters.count + 1
     RETURNING count`,
    [`${key}@${windowStart.getTime() / 60_000}`, windowStart],
  )
  if (rows[0].count <= limit) return 0
  return Math.max(1, Math.ceil((windowStart.getTime() + 60_000 - now.getTime()) / 1000))
}

/** Old windows are useless: drop them (the retention job calls this). */
export async function pruneRateLimits(db: Pool, before: Date): Promise<number> {
  const { rowCount } = await db.query(`DELETE FROM rate_limit_counters WHERE window_start < $1`, [before])
  return rowCount ?? 0
}
