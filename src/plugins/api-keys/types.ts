import type { Access, FieldAccess, Payload, PayloadRequest } from 'payload'

export type ApiKeysOptions = {
  /** The auth collection whose users own keys (they act with their owner's row-level limits). Default `users`. */
  ownerCollection?: string
  /** Slugs. Defaults `api-keys` and `usage-logs`. */
  slug?: string
  usageSlug?: string
  /** Every scope a key may carry (`resource:action`); a key's scopes are also capped by its owner's permissions. */
  scopes: string[]
  /** Requests per minute when a key does not set its own. Default 60. */
  defaultRateLimit?: number
  enabled?: boolean
  /**
   * What a user may do, to cap a key's scopes by its owner's rights: `all` for a superuser, else
   * `has('resource:action')`. Default: every configured scope (an app without a permission model).
   */
  resolvePermissions?: (req: {
    payload: Payload
    user: Record<string, unknown> & { id: string | number; collection: string }
  }) => Promise<PermissionSet | null>
  /** The user a request made with a key acts as, given the owner and the scopes granted. Default: the owner plus `apiKeyScopes`. */
  actAs?: (owner: Record<string, unknown>, granted: string[]) => Record<string, unknown>
  /** Whether the caller manages every key (may name another owner and edit others' keys). Default: nobody. */
  isManager?: (req: PayloadRequest) => Promise<boolean>
  /** Runs before a key is created, before access: throw to refuse (e.g. a key creating keys without the scope). Default: none. */
  guardCreate?: (req: PayloadRequest) => Promise<void> | void
  /** Access to the keys and the usage log. Default: signed-in users create keys and see and edit their own; the usage log is admin-only (overrideAccess). */
  access?: { read?: Access; create?: Access; update?: Access; delete?: Access; readUsage?: Access; updateOwner?: FieldAccess }
}

export type PermissionSet = { all: boolean; has: (scope: string) => boolean }

export type ResolvedKey = {
  id: string
  prefix: string
  ownerId: string
  scopes: string[]
  rateLimit: number
}
