import type { PayloadRequest } from 'payload'

import { slugs } from '../config/slugs'
import { queryFor } from '../db/sql'
import { key, SUPERUSER_ROLE, type PermissionKey } from './vocabulary'

/** Who is asking, and what they may do: the one input every access rule reads. */
export type Principal = {
  id: string | number
  roles: string[]
  permissions: ReadonlySet<PermissionKey>
  superuser: boolean
  /**
   * What is asking: a person signed in (`user`), or a partner's API key (`api-key`), which acts
   * within its scopes only: never as its owner in "own rows" or "self" rules, never on the account.
   */
  kind: 'user' | 'api-key'
}

type RoleLike = { name?: string | null; permissions?: unknown[] | null } | string | number | null | undefined
type PermissionLike = { resource?: string | null; action?: string | null } | string | number | null | undefined

const cache = new WeakMap<object, Promise<Principal>>()

function fromPopulatedRoles(id: string | number, roles: RoleLike[]): Principal | null {
  const names: string[] = []
  const permissions = new Set<PermissionKey>()
  for (const role of roles) {
    if (!role || typeof role !== 'object') return null
    if (role.name) names.push(role.name)
    for (const p of (role.permissions ?? []) as PermissionLike[]) {
      if (!p || typeof p !== 'object') return null
      if (p.resource && p.action) permissions.add(key(p.resource, p.action))
    }
  }
  return { id, roles: names, permissions, superuser: names.includes(SUPERUSER_ROLE), kind: 'user' as const }
}

/**
 * Resolves the principal of a request once and caches it for the life of `req.user`.
 * REST requests carry the user populated to depth 2 (roles -> permissions), read as it is;
 * GraphQL and the Local API may carry bare ids, in which case the roles and permissions are
 * loaded here in one statement, joined to the request's transaction.
 */
export function getPrincipal(req: Pick<PayloadRequest, 'payload' | 'user'> & Partial<PayloadRequest>): Promise<Principal | null> {
  const user = req.user as (Record<string, unknown> & { id: string | number; collection?: string }) | null | undefined
  if (!user) return Promise.resolve(null)
  // Principals other than users (API keys, from the security plugin) attach their own.
  const attached = (user as { principal?: Principal }).principal
  if (attached) return Promise.resolve(attached)
  const hit = cache.get(user)
  if (hit) return hit
  const resolved = (async () => {
    const direct = Array.isArray(user.roles) ? fromPopulatedRoles(user.id, user.roles as RoleLike[]) : null
    if (direct) return direct
    if (user.collection && user.collection !== slugs.users)
      return { id: user.id, roles: [], permissions: new Set<PermissionKey>(), superuser: false, kind: 'user' as const }
    // One statement over the relation tables (in the request's transaction, if any), not a
    // depth-2 population of roles and permissions (about 15 ms).
    const query = await queryFor(req as PayloadRequest)
    const rows = await query<{ name: string; resource: string | null; action: string | null }>(
      `SELECT r.name, p.resource, p.action
         FROM users_rels ur
         JOIN roles r ON r.id = ur.roles_id
    LEFT JOIN roles_rels rr ON rr.parent_id = r.id AND rr.path = 'permissions'
    LEFT JOIN permissions p ON p.id = rr.permissions_id
        WHERE ur.parent_id = $1 AND ur.path = 'roles'`,
      [user.id],
    )
    const names = [...new Set(rows.map((r) => r.name))]
    const permissions = new Set<PermissionKey>()
    for (const r of rows) if (r.resource && r.action) permissions.add(key(r.resource, r.action))
    return { id: user.id, roles: names, permissions, superuser: names.includes(SUPERUSER_ROLE), kind: 'user' as const }
  })()
  cache.set(user, resolved)
  return resolved
}

/** The one question access rules ask. */
export function can(principal: Principal | null | undefined, resource: string, action: string): boolean {
  if (!principal) return false
  if (principal.superuser) return true
  return principal.permissions.has(key(resource, action))
}

/**
 * Whether the principal may reach rows through an ownership path ("its own" events, orders of
 * its events, its profile) for `resource`. A person may; a key only when it holds one of the
 * resource's `-own` scopes (or `read-own`): a key acts within its scopes, not as its owner.
 */
export function mayActAsOwner(principal: Principal | null | undefined, resource: string): boolean {
  if (!principal) return false
  if (principal.kind === 'user') return true
  for (const p of principal.permissions) if (p.startsWith(`${resource}:`) && p.endsWith('-own')) return true
  return false
}
