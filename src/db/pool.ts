import type { PostgresAdapter } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'
import type { Pool, PoolClient } from 'pg'

/** The pg pool behind a Payload instance's postgres adapter (raw SQL outside a request's transaction). */
export const poolOf = (payload: Payload): Pool => (payload.db as unknown as PostgresAdapter).pool as unknown as Pool

/** The read replicas' pools (DATABASE_REPLICA_URLS), which the adapter keeps inside its drizzle reader. */
export function replicaPoolsOf(payload: Payload): Pool[] {
  const reader = (payload.db as unknown as { drizzle?: { $replicas?: Array<{ $client?: unknown }> } }).drizzle
  return (reader?.$replicas ?? []).map((r) => r.$client).filter((c): c is Pool => Boolean(c && typeof (c as Pool).query === 'function'))
}

/**
 * A dropped connection (the server restarting, a failover) must not end the process: pg emits the
 * error on the pool for idle clients and on the client itself for one that is checked out and
 * between statements; without a listener either is fatal. Listens on the pool, on every client it
 * opens from now on, and on the clients it has already.
 */
export function guardPool(pool: Pool, logger: { warn: (msg: string) => void }): void {
  const warn = (err: Error) => logger.warn(`PostgreSQL dropped a connection: ${err.message}`)
  const guard = (client: PoolClient) => {
    if (!client.listeners('error').includes(warn)) client.on('error', warn)
  }
  pool.on('error', warn)
  pool.on('connect', guard)
  for (const client of (pool as unknown as { _clients?: PoolClient[] })._clients ?? []) guard(client)
}
