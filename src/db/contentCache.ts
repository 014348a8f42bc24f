/**
 * The public reads' cache. `content_version` is one number that every change to published
 * content bumps at commit (deferred triggers, migration 20261204_204500), whichever instance,
 * admin or script made it. A read takes the version (one indexed row), and an answer computed
 * for that version can be reused by any request that sees the same version: an ETag made of it
 * answers 304 without computing anything, and a small in-process store answers 200 without
 * querying. A body computed just after a change may be stored under the previous version; it is
 * newer than its key, never older, and the next read sees the new version anyway.
 */
import type { Pool } from 'pg'

export async function contentVersion(db: Pool): Promise<string> {
  const { rows } = await db.query<{ version: string }>(`SELECT version FROM content_version`)
  return rows[0]?.version ?? '0'
}

/** Entries kept per process (CONTENT_CACHE_ENTRIES, default 2,000); the least recently used goes first. */
const MAX_ENTRIES = Math.max(0, Number(process.env.CONTENT_CACHE_ENTRIES ?? 2000) || 0)
const store = new Map<string, { version: string; value: unknown }>()

/** `compute()` for `key` at `version`, from the store when it holds that version. */
export async function memo<T>(key: string, version: string, compute: () => Promise<T>): Promise<T> {
  const hit = store.get(key)
  if (hit && hit.version === version) {
    store.delete(key)
    store.set(key, hit) // most recently used last
    return hit.value as T
  }
  const value = await compute()
  store.delete(key)
  store.set(key, { version, value })
  while (store.size > MAX_ENTRIES) store.delete(store.keys().next().value as string)
  return value
}

/** For tests: forget everything. */
export const clearContentCache = () => store.clear()
