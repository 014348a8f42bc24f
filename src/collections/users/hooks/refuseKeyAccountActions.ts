import type { CollectionBeforeOperationHook } from 'payload'

import { isApiKeyRequest, ScopeRequiredError, SESSION_SCOPE } from '../../../access/accountActions'
import { can, getPrincipal } from '../../../access/principal'
import { slugs } from '../../../config/slugs'

/** Fields of the account itself: only the person, signed in, changes them. */
const ACCOUNT_FIELDS = ['password', 'email', 'pendingEmail', 'twoFactorEnabled', 'twoFactorSecret', 'sessions', 'emailVerified'] as const

/**
 * Users' account actions refused to API keys (403 `scope_required`): refreshing or ending a
 * session, and changing a password, an e-mail address, two-factor or sessions, on any account.
 * Other user changes need the key's own `users:update` scope (a key is never "its owner").
 */
export const refuseKeyAccountActions: CollectionBeforeOperationHook<'users'> = async ({ args, operation, req }) => {
  if (!isApiKeyRequest(req)) return args
  if (operation === 'refresh') throw new ScopeRequiredError(SESSION_SCOPE, 'Refreshing a session')
  if (operation === 'forgotPassword' || operation === 'resetPassword') throw new ScopeRequiredError(SESSION_SCOPE, 'Resetting a password')
  if (operation === 'update' || operation === 'delete') {
    const data = (args as { data?: Record<string, unknown> }).data ?? {}
    const touched = ACCOUNT_FIELDS.filter((f) => f in data)
    if (touched.length) throw new ScopeRequiredError(SESSION_SCOPE, `Changing ${touched.join(', ')}`)
    const action = operation === 'update' ? 'update' : 'delete'
    if (!can(await getPrincipal(req), slugs.users, action)) throw new ScopeRequiredError(`${slugs.users}:${action}`, `Changing a user`)
  }
  return args
}
