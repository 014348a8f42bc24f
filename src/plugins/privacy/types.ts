import type { Payload, PayloadRequest } from 'payload'
import type { Pool, PoolClient } from 'pg'

/** Who is being erased, read (and row-locked) before any source runs. */
export type Person = { id: string; email: string; name: string; placeholder: string }

/**
 * One place the app keeps personal data. Each collection or table that holds a person's data
 * registers one: what it holds for the export, and how it is erased (anonymized or deleted) in
 * the erasure's transaction. Sources run in the order given.
 */
export type PersonalDataSource = {
  name: string
  /** A fragment of the export document (merged, one level deep, with the other sources' fragments). */
  export?: (userId: string, db: Pool) => Promise<Record<string, unknown>>
  /** Erases the person here; returns counts (e.g. `{ orders: 3 }`) for the answer. */
  erase?: (person: Person, tx: PoolClient) => Promise<Record<string, number> | void>
}

/** A scheduled retention rule: deletes or anonymizes what is older than its period; returns how many rows. */
export type RetentionTask = { name: string; run: (db: Pool, now: Date) => Promise<number> }

export type PrivacyOptions = {
  /** Slug of the data-subject-requests collection. Default `data-subject-requests`. */
  slug?: string
  /** The auth collection whose people file requests and are exported and erased. Default `users`. */
  userCollection?: string
  /** Where the person's data lives (the app registers each). */
  sources: PersonalDataSource[]
  /** Reads and locks the person before erasure (null: no such person). Default: `email` of the user collection's table. */
  identify?: (userId: string, tx: PoolClient) => Promise<{ email: string; name: string } | null>
  /** Called in the erasure's transaction once every source ran (an audit entry, say). */
  onErased?: (person: Person, actorId: string | null, counts: Record<string, number>, tx: PoolClient) => Promise<void>
  /**
   * A refusal for callers who may not act on an account at all (the app's API keys), checked
   * before anything else: `{ status, body }` to answer, or null to go on. Default: none.
   */
  refuse?: (req: PayloadRequest) => { status: number; body: Record<string, unknown> } | null
  /** Whether the caller may act for another person and handle every request. Default: nobody. */
  isManager?: (req: Pick<PayloadRequest, 'payload' | 'user'>) => Promise<boolean>
  /** Who reads every data-subject request, and who updates (handles) or deletes them. Default: `isManager`. */
  handlesRequests?: (req: PayloadRequest, action: 'read' | 'update' | 'delete') => Promise<boolean>
  /** People to anonymize because they have been inactive since `cutoff` (the retention job). */
  inactiveUsers?: { days: number; find: (db: Pool, cutoff: Date) => Promise<string[]> }
  /** The other retention rules, run daily. */
  retention?: RetentionTask[]
  /** Cron of the retention job. Default daily at 03:17 UTC. */
  retentionCron?: string
}

export type ResolvedPrivacy = Required<Pick<PrivacyOptions, 'sources' | 'identify' | 'isManager' | 'retention'>> &
  PrivacyOptions & { payload?: Payload }
