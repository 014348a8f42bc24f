/**
 * Export and erasure of one person over the sources the app registered: the export merges
 * every source's fragment into one document; the erasure runs every source in one
 * transaction, after reading and locking the person.
 */
import type { Pool, PoolClient } from 'pg'

import type { Person, PrivacyOptions } from './types'

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x)

export async function exportPerson(db: Pool, options: Pick<PrivacyOptions, 'sources'>, userId: string): Promise<Record<string, unknown>> {
  const doc: Record<string, unknown> = { exportedAt: new Date().toISOString() }
  for (const source of options.sources) {
    if (!source.export) continue
    for (const [k, v] of Object.entries(await source.export(userId, db))) doc[k] = isObject(doc[k]) && isObject(v) ? { ...doc[k], ...v } : v
  }
  return doc
}

export const defaultIdentify =
  (userTable: string) =>
  async (userId: string, tx: PoolClient): Promise<{ email: string; name: string } | null> => {
    const {
      rows: [u],
    } = await tx.query(`SELECT email FROM "${userTable}" WHERE id = $1 FOR UPDATE`, [userId])
    return u ? { email: String(u.email), name: String(u.email) } : null
  }

/** Anonymizes a person everywhere the sources say; null when there is no such person. */
export async function erasePerson(
  tx: PoolClient,
  options: Pick<PrivacyOptions, 'sources' | 'onErased'> & { identify: NonNullable<PrivacyOptions['identify']> },
  userId: string,
  actorId: string | null,
): Promise<Record<string, number> | null> {
  const who = await options.identify(userId, tx)
  if (!who) return null
  const person: Person = { id: userId, ...who, placeholder: `erased+${userId}@invalid.example` }
  const counts: Record<string, number> = {}
  for (const source of options.sources) {
    const c = await source.erase?.(person, tx)
    if (c) Object.assign(counts, c)
  }
  await options.onErased?.(person, actorId, counts, tx)
  return counts
}
