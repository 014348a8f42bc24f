import type { CollectionAfterLoginHook } from 'payload'

import { slugs } from '../../../config/slugs'

/** Stamps `lastLogin`. Written straight through the adapter: no hooks, no version, no access. */
export const recordLastLogin: CollectionAfterLoginHook = async ({ req, user }) => {
  const now = new Date().toISOString()
  await req.payload.db.updateOne({
    collection: slugs.users,
    id: user.id,
    data: { lastLogin: now },
    req,
    returning: false,
  })
  return { ...user, lastLogin: now }
}
