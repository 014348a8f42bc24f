import type { PostgresAdapter } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'
import type { Pool } from 'pg'

/** The pg pool behind a Payload instance's postgres adapter (raw SQL outside a request's transaction). */
export const poolOf = (payload: Payload): Pool => (payload.db as unknown as PostgresAdapter).pool as unknown as Pool
