import type { Pool } from 'pg'

import { keyring, reencrypt } from './crypto'

const snake = (s: string) =>
  s
    .replace(/-/g, '_')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()

export type Column = { table: string; column: string; json: boolean }
export const columnOf = (collection: string, field: string, json = false): Column => ({
  table: snake(collection),
  column: snake(field),
  json,
})

/**
 * Re-encrypts every value not yet under the active key, in batches, each row by a conditional
 * UPDATE (only if it still holds the value read), so the job can stop anywhere, resume, and run
 * twice harmlessly. Values under old keys stay readable throughout.
 */
export async function rotateColumns(db: Pool, columns: Column[], batchSize = 200): Promise<{ reencrypted: number }> {
  const ring = keyring()
  const marker = `enc:v${ring.active}:%`
  let reencrypted = 0
  for (const { table, column, json } of columns) {
    const value = json ? `("${column}" #>> '{}')` : `"${column}"`
    for (;;) {
      const { rows } = await db.query<{ id: string; v: string }>(
        `SELECT id, ${value} AS v FROM "${table}" WHERE ${value} LIKE 'enc:v%' AND ${value} NOT LIKE $1 ORDER BY id LIMIT $2`,
        [marker, batchSize],
      )
      if (rows.length === 0) break
      for (const r of rows) {
        const next = reencrypt(r.v, ring)
        const { rowCount } = await db.query(
          `UPDATE "${table}" SET "${column}" = ${json ? 'to_jsonb($1::text)' : '$1'} WHERE id = $2 AND ${value} = $3`,
          [next, r.id, r.v],
        )
        reencrypted += rowCount ?? 0
      }
    }
  }
  return { reencrypted }
}
