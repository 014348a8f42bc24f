import type { Pool, PoolClient } from 'pg'

export type Db = Pool
export type Tx = PoolClient

/** Runs `fn` in one transaction: all of it commits, or none of it. */
export async function withTransaction<T>(pool: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    const result = await fn(client)
    await client.query('COMMIT')
    return result
  } catch (err) {
    // A failed ROLLBACK (connection already gone) must not hide the error that caused it.
    await client.query('ROLLBACK').catch(() => undefined)
    throw err
  } finally {
    client.release()
  }
}

export const num = (v: unknown): number => (v == null ? 0 : Number(v))
