import { APIError, type CollectionBeforeOperationHook, type PayloadRequest } from 'payload'

import { addressKey, clientAddress } from '../../../config/clientAddress'
import { hitAddressLimit } from '../../../plugins/api-keys'

/** Payload's own users operations that REST limits per address (the gate), by rule name. */
const RULES: Partial<Record<string, string>> = { login: 'login', forgotPassword: 'forgot-password', create: 'signup' }

const isGraphql = (req: PayloadRequest) => {
  if (!req.url) return false
  try {
    const { api, graphQL } = req.payload.config.routes
    return new URL(req.url).pathname === `${api}${graphQL}`
  } catch {
    return false
  }
}

/**
 * GraphQL's `loginUser`, `forgotPasswordUser` and an anonymous `createUser` count in the same
 * per-address buckets as their REST routes (which the gate counts), once per operation, so
 * aliases in one document count each: REST and GraphQL share one limit (review finding 4).
 * Requests made with an API key are limited per key by the gate instead.
 */
export const limitGraphqlAccountActions: CollectionBeforeOperationHook<'users'> = async ({ args, operation, req }) => {
  const rule = RULES[operation]
  if (!rule || !isGraphql(req)) return args
  if ((req.user as { _strategy?: string } | null)?._strategy === 'api-key') return args
  if (operation === 'create' && req.user) return args
  const address = clientAddress(req.headers)
  if (!address)
    throw new APIError(
      'This server cannot tell which client is asking, so it cannot apply its limits.',
      503,
      { code: 'client_address_unknown' },
      true,
    )
  const { wait } = await hitAddressLimit(req.payload, rule, addressKey(address))
  if (wait)
    throw new APIError(
      `Too many ${rule} requests from this address; try again shortly.`,
      429,
      { code: 'rate_limited', retryAfter: wait },
      true,
    )
  return args
}
