import type { CollectionBeforeChangeHook } from 'payload'

import { slugs } from '../../../config/slugs'

async function roleId(req: Parameters<CollectionBeforeChangeHook>[0]['req'], name: string) {
  const found = await req.payload.find({
    collection: slugs.roles,
    where: { name: { equals: name } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return found.docs[0]?.id
}

/**
 * On create: the very first user becomes an active admin (so a fresh install can be set up
 * from /admin/create-first-user); anyone else with no roles chosen by an admin becomes an
 * attendee. Field access has already dropped roles/type/status sent by non-admins.
 */
export const assignInitialRoles: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create') return data
  const { totalDocs } = await req.payload.count({ collection: slugs.users, overrideAccess: true, req })
  if (totalDocs === 0) {
    const admin = await roleId(req, 'admin')
    return { ...data, roles: admin ? [admin] : [], userType: 'admin', status: 'active' }
  }
  if (!Array.isArray(data.roles) || data.roles.length === 0) {
    const attendee = await roleId(req, 'attendee')
    return { ...data, roles: attendee ? [attendee] : [] }
  }
  return data
}
