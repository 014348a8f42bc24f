import type { PostgresAdapter } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'
import type { Pool } from 'pg'

/** The pg pool behind a Payload instance's postgres adapter (raw SQL outside a request's transaction). */
export const poolOf = (payload: Payload): Pool => (payload.db as unknown as PostgresAdapter).pool as unknown as Pool

/** The read replicas' pools (DATABASE_REPLICA_URLS), which the adapter keeps inside its drizzle reader. */
export function replicaPoolsOf(payload: Payload): Pool[] {
  const reader = (payload.db as unknown as { drizzle?: { $replicas?: Array<{ $client?: unknown }> } }).drizzle
  return (reader?.$replicas ?? []).map((r) => r.$client).filter((c): c is Pool => Boolean(c && typeof (c as Pool).query === 'function'))
}
