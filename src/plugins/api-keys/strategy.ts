import type { AuthStrategy } from 'payload'

import { poolOf, tablesOf, verifyApiKey } from './resolve'
import type { ApiKeysOptions } from './types'

/**
 * `Authorization: Bearer fsh_<prefix>_<secret>` as a Payload auth strategy. The request acts as
 * the key's owner (same row-level limits) with exactly the key's scopes, capped by what the
 * owner may do; an admin owner's key is not a superuser key.
 */
export const apiKeyStrategy = (
  ownerCollection: string,
  options: Pick<ApiKeysOptions, 'resolvePermissions' | 'actAs'> = {},
): AuthStrategy => ({
  name: 'api-key',
  authenticate: async ({ headers, payload }) => {
    const verdict = await verifyApiKey(payload, headers.get('authorization'))
    if (!verdict || !verdict.ok) return { user: null }
    // A key whose owner no longer exists authenticates nobody; other lookup errors propagate.
    const found = await payload.find({
      collection: ownerCollection as never,
      where: { id: { equals: verdict.key.ownerId } },
      depth: 2,
      limit: 1,
      pagination: false,
      overrideAccess: true,
    })
    const owner = found.docs[0]
    if (!owner) return { user: null }
    const rights = options.resolvePermissions
      ? await options.resolvePermissions({ payload, user: { ...(owner as object), collection: ownerCollection } as never })
      : { all: true, has: () => true }
    const granted = verdict.key.scopes.filter((s) => rights?.all || rights?.has(s))
    const actAs = options.actAs ?? ((o: Record<string, unknown>, scopes: string[]) => ({ ...o, apiKeyScopes: scopes }))
    void poolOf(payload)
      .query(
        `UPDATE "${tablesOf(payload).keys}" SET last_used_at = now() WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
        [verdict.key.id],
      )
      .catch((err: unknown) => payload.logger.warn({ err, msg: 'could not stamp api key lastUsedAt' }))
    return {
      user: {
        ...actAs(owner as Record<string, unknown>, granted),
        collection: ownerCollection,
        _strategy: 'api-key',
        apiKeyPrefix: verdict.key.prefix,
      } as never,
    }
  },
})
