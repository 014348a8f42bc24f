import { Pool } from 'pg'
import { expect } from 'vitest'

import { checkInvariants } from '../../src/domain/ops/invariants'
import type { Db } from '../../src/db/transaction'

/** What drifted (invariant name and count), empty when every counter matches its rows. */
export async function drift(db: Db): Promise<Array<[string, number]>> {
  return (await checkInvariants(db, 1000)).filter((d) => d.rows.length > 0).map((d) => [d.invariant, d.rows.length])
}

/** After a race: every counter that mirrors rows matches them (npm run check:invariants). */
export async function expectNoDrift(db: Db): Promise<void> {
  expect(await drift(db)).toEqual([])
}

/** The whole suite's database after the last file: prints and returns what drifted. */
export async function driftOfDatabase(url: string): Promise<Awaited<ReturnType<typeof checkInvariants>>> {
  const pool = new Pool({ connectionString: url, max: 1 })
  try {
    return (await checkInvariants(pool, 20)).filter((d) => d.rows.length > 0)
  } finally {
    await pool.end()
  }
}
