import type { Payload } from 'payload'
import type { Pool } from 'pg'
import type { PostgresAdapter } from '@payloadcms/db-postgres'

import { parseKey, sameSecret } from './keys'
import type { ResolvedKey } from './types'

export type KeyVerdict = { ok: true; key: ResolvedKey } | { ok: false; reason: 'unknown' | 'revoked' | 'expired' }

export const poolOf = (payload: Payload) => (payload.db as unknown as PostgresAdapter).pool as unknown as Pool

/** The tables of the keys and usage collections, whatever slugs the app gave them (marked by the plugin). */
const tables = new WeakMap<Payload, { keys: string; usage: string }>()

/** Found once per Payload instance (keys are verified on every request carrying one). */
export function tablesOf(payload: Payload): { keys: string; usage: string } {
  const known = tables.get(payload)
  if (known) return known
  const all = Object.values(payload.collections as Record<string, { config: { slug: string; custom?: Record<string, unknown> } }>)
  const slugOf = (mark: string, fallback: string) => all.find((c) => c.config.custom?.[mark])?.config.slug ?? fallback
  const found = { keys: slugOf('apiKeys', 'api-keys').replace(/-/g, '_'), usage: slugOf('apiKeyUsage', 'usage-logs').replace(/-/g, '_') }
  tables.set(payload, found)
  return found
}

/** A few seconds of memory so the gate and the auth strategy do not both hit the table for one request. */
const recent = new Map<string, { at: number; verdict: KeyVerdict }>()

/** Verifies `Authorization: Bearer fsh_...` against the stored prefix and secret hash. */
export async function verifyApiKey(payload: Payload, header: string | null, now = new Date()): Promise<KeyVerdict | null> {
  const parsed = parseKey(header)
  if (!parsed) return header?.trim().startsWith('Bearer fsh_') ? { ok: false, reason: 'unknown' } : null
  const cacheKey = header!.trim()
  const hit = recent.get(cacheKey)
  if (hit && now.getTime() - hit.at < 2000) return hit.verdict
  const { rows } = await poolOf(payload).query(
    `SELECT k.id, k.prefix, k.secret_hash, k.owner_id, k.active, k.expires_at, k.rate_limit,
            COALESCE((SELECT array_agg(s.text ORDER BY s."order") FROM "${tablesOf(payload).keys}_texts" s WHERE s.parent_id = k.id AND s.path = 'scopes'), '{}') AS scopes
       FROM "${tablesOf(payload).keys}" k WHERE k.prefix = $1`,
    [parsed.prefix],
  )
  const row = rows[0]
  let verdict: KeyVerdict
  if (!row || !row.secret_hash || !sameSecret(parsed.secret, row.secret_hash)) verdict = { ok: false, reason: 'unknown' }
  else if (!row.active) verdict = { ok: false, reason: 'revoked' }
  else if (row.expires_at && new Date(row.expires_at) <= now) verdict = { ok: false, reason: 'expired' }
  else
    verdict = {
      ok: true,
      key: { id: row.id, prefix: row.prefix, ownerId: row.owner_id, scopes: row.scopes, rateLimit: Number(row.rate_limit ?? 60) },
    }
  recent.set(cacheKey, { at: now.getTime(), verdict })
  if (recent.size > 10_000) recent.clear()
  return verdict
}
