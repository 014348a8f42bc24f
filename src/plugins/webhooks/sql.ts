/**
 * Raw SQL for the plugin, self-contained (a plugin imports nothing of the app): a runner over
 * the request's transaction when there is one (so an outbox row commits with its change), the
 * adapter's pg pool otherwise, and small JSON answers for the endpoints.
 */
import type { PostgresAdapter } from '@payloadcms/db-postgres'
import type { Payload, PayloadRequest } from 'payload'
import type { Pool } from 'pg'

import type { Run } from './outbox'

export const poolOf = (payload: Payload): Pool => (payload.db as unknown as PostgresAdapter).pool as unknown as Pool

export async function queryFor(req: Pick<PayloadRequest, 'payload' | 'transactionID'>): Promise<Run> {
  const { sql } = await import('@payloadcms/db-postgres')
  const adapter = req.payload.db as unknown as PostgresAdapter
  const id = req.transactionID ? await req.transactionID : undefined
  const db = (id && adapter.sessions?.[id]?.db) || adapter.drizzle
  return async <T = Record<string, unknown>>(text: string, values: unknown[] = []): Promise<T[]> => {
    const chunks = text.split(/\$(\d+)/).map((p, i) => (i % 2 === 0 ? sql.raw(p) : sql`${values[Number(p) - 1]}`))
    const result = (await db.execute(sql.join(chunks))) as unknown as { rows?: T[] }
    return (result.rows ?? (result as unknown as T[])) as T[]
  }
}

export const answer = (status: number, body: unknown) => Response.json(body, { status, headers: { 'cache-control': 'no-store' } })
export const problem = (status: number, error: string, message: string) => answer(status, { error, message })
