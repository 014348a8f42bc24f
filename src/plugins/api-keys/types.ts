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
}

export type ResolvedKey = {
  id: string
  prefix: string
  ownerId: string
  scopes: string[]
  rateLimit: number
}
