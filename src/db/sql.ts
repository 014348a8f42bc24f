import { replicaPoolsOf } from './pool'
import type { PayloadRequest } from 'payload'
import type { PostgresAdapter } from '@payloadcms/db-postgres'

export { sql } from '@payloadcms/db-postgres'

/**
 * The Drizzle handle for raw SQL that joins the request's transaction when there is one,
 * so a row lock or conditional update commits or rolls back with the rest of the change.
 */
export async function dbFor(req: Pick<PayloadRequest, 'payload' | 'transactionID'>) {
  const adapter = req.payload.db as unknown as PostgresAdapter
  if (req.transactionID) {
    const id = await req.transactionID
    const session = adapter.sessions?.[id]
    if (session) return session.db
  }
  return adapter.drizzle
}

/** Rows of a raw query, whatever shape the driver wraps them in. */
export function rowsOf<T>(result: unknown): T[] {
  const r = result as { rows?: T[] }
  return (r.rows ?? (result as T[])) as T[]
}

type PgPoolInternals = {
  end: () => Promise<void>
  ended?: boolean
  totalCount?: number
  idleCount?: number
  on: (event: 'error', cb: (err: Error) => void) => void
  _clients?: Array<{ release?: (err?: boolean) => void }>
  _idle?: Array<{ client: unknown }>
}

/**
 * Payload's destroy() drops the adapter's state but leaves the pg pool open, and the
 * postgres adapter keeps one client checked out for good (its reconnect watch), so
 * `pool.end()` alone never resolves. A script or a test that stops its database afterwards
 * releases that client and ends the pool here.
 */
export async function closePayload(payload: { destroy: () => Promise<void>; db: unknown }): Promise<void> {
  const pool = (payload.db as { pool?: PgPoolInternals }).pool
  // The read replicas' pools carry the same watch client each.
  const replicas = replicaPoolsOf(payload as never) as unknown as PgPoolInternals[]
  await payload.destroy()
  await Promise.all([pool, ...replicas].map((p) => (p ? endPool(p) : undefined)))
}

async function endPool(pool: PgPoolInternals): Promise<void> {
  if (pool.ended) return
  // Let queries still in flight (a rate-limit flush, a usage-log write) finish and give their
  // client back first: releasing a client under a running query makes pg release it twice,
  // which throws outside any promise. Only the adapter's own watch client stays checked out.
  const deadline = Date.now() + 3000
  while (Date.now() < deadline && (pool.totalCount ?? 0) - (pool.idleCount ?? 0) > 1) await new Promise((r) => setTimeout(r, 20))
  const idle = new Set((pool._idle ?? []).map((i) => i.client))
  for (const client of pool._clients ?? []) if (!idle.has(client)) client.release?.(true)
  await pool.end()
}

/**
 * A `(text, values) => rows` runner over the request's transaction (or the pool when there is
 * none), for SQL written with $1..$n placeholders. Scalar values only (arrays would be expanded
 * by Drizzle into lists).
 */
export async function queryFor(req: Pick<PayloadRequest, 'payload' | 'transactionID'>) {
  const { sql } = await import('@payloadcms/db-postgres')
  const db = await dbFor(req)
  return async <T = Record<string, unknown>>(text: string, values: unknown[] = []): Promise<T[]> => {
    const parts = text.split(/\$(\d+)/)
    const chunks = parts.map((p, i) => (i % 2 === 0 ? sql.raw(p) : sql`${values[Number(p) - 1]}`))
    return rowsOf<T>(await db.execute(sql.join(chunks)))
  }
}
