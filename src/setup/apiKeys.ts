/**
 * This app's settings for the api-keys plugin: scopes are the roles' permission vocabulary, a
 * key is capped by its owner's permissions and acts as a principal holding exactly its granted
 * scopes, and the keys follow the `api-keys` permissions (any, or one's own).
 */
import { isApiKeyRequest, ScopeRequiredError } from '../access/accountActions'
import { can, getPrincipal, type Principal } from '../access/principal'
import { anyOrOwn, fieldPermitted, permitted } from '../access/rules'
import { ALL_PERMISSIONS, type PermissionKey } from '../access/vocabulary'
import { slugs } from '../config/slugs'
import type { ApiKeysOptions } from '../plugins/api-keys'

export const apiKeyOptions: ApiKeysOptions = {
  scopes: ALL_PERMISSIONS,
  resolvePermissions: async ({ payload, user }) => {
    const p = await getPrincipal({ payload, user: user as never })
    return p ? { all: p.superuser, has: (scope) => p.permissions.has(scope as PermissionKey) } : null
  },
  // getPrincipal takes an attached principal as it is: the key's scopes, never the owner's superuser.
  actAs: (owner, granted) => ({
    ...owner,
    principal: {
      id: owner.id as string,
      roles: [],
      permissions: new Set(granted as PermissionKey[]),
      superuser: false,
      kind: 'api-key',
    } satisfies Principal,
  }),
  isManager: async (req) => can(await getPrincipal(req), slugs.apiKeys, 'update'),
  // A key creates keys only with the scope that says so (403 scope_required naming it).
  guardCreate: async (req) => {
    if (isApiKeyRequest(req) && !can(await getPrincipal(req), slugs.apiKeys, 'create'))
      throw new ScopeRequiredError(`${slugs.apiKeys}:create`, 'Creating an API key')
  },
  access: {
    read: anyOrOwn(slugs.apiKeys, 'read', 'owner'),
    create: permitted(slugs.apiKeys, 'create'),
    update: anyOrOwn(slugs.apiKeys, 'update', 'owner'),
    delete: anyOrOwn(slugs.apiKeys, 'delete', 'owner'),
    readUsage: permitted(slugs.apiKeys, 'read'),
    updateOwner: fieldPermitted(slugs.apiKeys, 'update'),
  },
}
