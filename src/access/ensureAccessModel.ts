import type { Payload, PayloadRequest } from 'payload'

import { slugs } from '../config/slugs'
import { ALL_PERMISSIONS, DEFAULT_GRANTS, ROLE_NAMES, SUPERUSER_ROLE } from './vocabulary'

/**
 * Makes the database hold every permission of the vocabulary and the eight platform roles.
 * Idempotent. A role that already exists keeps whatever an admin made of it, except the
 * superuser role, which always holds every permission. Runs at start-up (onInit).
 */
export async function ensureAccessModel(payload: Payload, req?: Partial<PayloadRequest>): Promise<void> {
  const common = { overrideAccess: true, depth: 0, req, context: { skipAudit: true } } as const
  const existing = await payload.find({ collection: slugs.permissions, pagination: false, ...common })
  const idByName = new Map(existing.docs.map((p) => [p.name, p.id]))
  for (const name of ALL_PERMISSIONS) {
    if (idByName.has(name)) continue
    const [resource, action] = name.split(':')
    const created = await payload.create({ collection: slugs.permissions, data: { name, resource, action }, ...common })
    idByName.set(name, created.id)
  }
  const roles = await payload.find({ collection: slugs.roles, pagination: false, ...common })
  const roleByName = new Map(roles.docs.map((r) => [r.name, r]))
  for (const name of ROLE_NAMES) {
    const grants = DEFAULT_GRANTS[name]
    const ids = grants.permissions.map((p) => idByName.get(p)).filter((id): id is NonNullable<typeof id> => id != null)
    const role = roleByName.get(name)
    if (!role) {
      await payload.create({
        collection: slugs.roles,
        data: { name, description: grants.description, permissions: ids },
        ...common,
      })
    } else if (name === SUPERUSER_ROLE) {
      const have = new Set((role.permissions ?? []).map((p) => (typeof p === 'object' ? p.id : p)))
      if (ids.some((id) => !have.has(id))) {
        await payload.update({ collection: slugs.roles, id: role.id, data: { permissions: ids }, ...common })
      }
    }
  }
}
