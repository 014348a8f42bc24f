import type { PayloadRequest } from 'payload'

import { slugs } from '../config/slugs'
import { key, SUPERUSER_ROLE, type PermissionKey } from './vocabulary'

/** Who is asking, and what they may do: the one input every access rule reads. */
export type Principal = {
  id: string | number
  roles: string[]
  permissions: ReadonlySet<PermissionKey>
  superuser: boolean
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
  return { id, roles: names, permissions, superuser: names.includes(SUPERUSER_ROLE) }
}

/**
 * Resolves the principal of a request once and caches it for the life of `req.user`.
 * REST requests carry the user populated to depth 2 (roles -> permissions); GraphQL and the
 * Local API may carry bare ids, in which case the roles are loaded here (one query, joined
 * to the request's transaction).
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
    const loaded = await req.payload.findByID({
      collection: slugs.users,
      id: user.id,
      depth: 2,
      overrideAccess: true,
      req: req as PayloadRequest,
      select: { roles: true },
    })
    return (
      fromPopulatedRoles(user.id, ((loaded as { roles?: RoleLike[] }).roles ?? []) as RoleLike[]) ?? {
        id: user.id,
        roles: [],
        permissions: new Set<PermissionKey>(),
        superuser: false,
      }
    )
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
