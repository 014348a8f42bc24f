/**
 * api-keys: partner keys with scopes (the role permission vocabulary), per-key rate limits and
 * usage logs. Keys authenticate through a Payload auth strategy on the owner collection; the
 * gate in front of the API routes (`withApiKeyGate`) answers 401/429 and logs usage.
 */
import type { Config, Plugin } from 'payload'

import { apiKeysCollection, usageLogsCollection } from './collections'
import { apiKeyStrategy } from './strategy'
import type { ApiKeysOptions } from './types'

export type { ApiKeysOptions, PermissionSet } from './types'
export { hitAddressLimit, hitSharedLimit, withApiKeyGate } from './gate'

export const apiKeysPlugin =
  (options: ApiKeysOptions): Plugin =>
  (config: Config): Config => {
    const slug = options.slug ?? 'api-keys'
    const usageSlug = options.usageSlug ?? 'usage-logs'
    const ownerCollection = options.ownerCollection ?? 'users'
    const collections = (config.collections ?? []).map((c) => {
      if (c.slug !== ownerCollection || options.enabled === false || !c.auth) return c
      const auth = typeof c.auth === 'object' ? c.auth : {}
      // Keep the local (email/password) strategy; add the key strategy beside it.
      return { ...c, auth: { ...auth, strategies: [...(auth.strategies ?? []), apiKeyStrategy(ownerCollection, options)] } }
    })
    collections.push(
      apiKeysCollection(slug, ownerCollection, options.scopes, options.defaultRateLimit ?? 60, options),
      usageLogsCollection(usageSlug, options.access?.readUsage),
    )
    return { ...config, collections }
  }
