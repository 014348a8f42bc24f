import type { Access } from 'payload'

export type AuditLogOptions = {
  /** Collections to audit. Default: every collection except `exclude`. */
  collections?: string[]
  /** Never audited (high-volume logs, the log itself). The audit collection is always excluded. */
  exclude?: string[]
  /** Field names whose values are replaced by "[redacted]" (in addition to the defaults and `custom.redact` fields). */
  redact?: string[]
  /** Slug of the audit collection. Default `audit-logs`. */
  slug?: string
  /** Who may read entries (nobody may write them through any API). */
  readAccess?: Access
  /** Auth collections whose logins, failed logins, logouts and reset requests are recorded. Default: every auth collection. */
  authCollections?: string[]
  /** Switch the hooks off; the collection stays so the schema does not change. */
  enabled?: boolean
  /** The auth collection the `actor` of an entry belongs to. Default `users`. */
  userCollection?: string
  /** The client's address for an entry's `ip` (the app knows which proxies it trusts). Default: not recorded. */
  clientAddress?: (req: { headers: Headers }) => string | null
  /** Admin component path for the "history" link on audited edit views; false to omit. */
  historyLinkComponent?: string | false
}

/** `req.context` flag that skips auditing (seeding, migrations), and nothing else. */
export const SKIP_AUDIT = 'skipAudit'
