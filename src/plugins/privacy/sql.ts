/** The plugin's own database plumbing and answers (a plugin imports nothing of the app). */
import type { PostgresAdapter } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'
import type { Pool, PoolClient } from 'pg'

export const poolOf = (payload: Payload): Pool => (payload.db as unknown as PostgresAdapter).pool as unknown as Pool

export async function inTransaction<T>(pool: Pool, fn: (tx: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    const result = await fn(client)
    await client.query('COMMIT')
    return result
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined)
    throw err
  } finally {
    client.release()
  }
}

export const answer = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  Response.json(body, { status, headers: { 'cache-control': 'no-store', ...headers } })
export const problem = (status: number, error: string, message: string) => answer(status, { error, message })
