import type { Pool } from 'pg'

import { erasePerson } from './data'
import { inTransaction } from './sql'
import type { PrivacyOptions } from './types'

type Resolved = Pick<PrivacyOptions, 'sources' | 'onErased' | 'inactiveUsers' | 'retention'> & {
  identify: NonNullable<PrivacyOptions['identify']>
}

/** One pass of the retention policy: inactive people erased (each in its own transaction), then every retention task. */
export async function runRetention(db: Pool, options: Resolved, now = new Date()): Promise<Record<string, number>> {
  const out: Record<string, number> = { usersAnonymized: 0 }
  if (options.inactiveUsers) {
    const stale = await options.inactiveUsers.find(db, new Date(now.getTime() - options.inactiveUsers.days * 86_400_000))
    for (const id of stale) await inTransaction(db, (tx) => erasePerson(tx, options, id, null))
    out.usersAnonymized = stale.length
  }
  for (const task of options.retention ?? []) out[task.name] = await task.run(db, now)
  return out
}
