import type { Payload } from 'payload'

import { poolOf } from './pool'

/** The key of the start-up lock in pg_locks (advisory, session-level). */
export const STARTUP_LOCK_KEY = 7_427_000

/**
 * Runs start-up work (migrations, the access vocabulary) under a PostgreSQL session advisory lock,
 * so instances started at the same moment take turns instead of racing: the first applies the
 * migrations and writes the vocabulary, the next finds both done. The lock is held on its own
 * connection and always released (or dropped with the connection).
 */
export async function withStartupLock<T>(payload: Payload, fn: () => Promise<T>): Promise<T> {
  const client = await poolOf(payload).connect()
  try {
    await client.query('SELECT pg_advisory_lock($1)', [STARTUP_LOCK_KEY])
    try {
      return await fn()
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [STARTUP_LOCK_KEY])
    }
  } finally {
    client.release()
  }
}

/**
 * Runs `fn` with Payload's reads on the primary even when read replicas are configured (the
 * adapter keeps the primary as `primaryDrizzle`). For start-up only, before any request is served:
 * it swaps the adapter's reader for the duration.
 */
export async function onPrimary<T>(payload: Payload, fn: () => Promise<T>): Promise<T> {
  const adapter = payload.db as unknown as { drizzle: unknown; primaryDrizzle?: unknown }
  const reader = adapter.drizzle
  if (adapter.primaryDrizzle) adapter.drizzle = adapter.primaryDrizzle
  try {
    return await fn()
  } finally {
    adapter.drizzle = reader
  }
}
