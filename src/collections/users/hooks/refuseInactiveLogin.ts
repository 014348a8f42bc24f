import { APIError, type CollectionBeforeLoginHook } from 'payload'

/** Suspended and deactivated accounts cannot sign in (pending ones can: they may still verify). */
export const refuseInactiveLogin: CollectionBeforeLoginHook = ({ user }) => {
  if (user.status === 'suspended' || user.status === 'inactive') {
    throw new APIError(`This account is ${user.status}. Contact an administrator.`, 403, null, true)
  }
  return user
}
