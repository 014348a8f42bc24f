import type { CollectionConfig } from 'payload'

import { permitted } from '../../access/rules'
import { slugs } from '../../config/slugs'

/** A named set of permissions; users carry roles. The eight platform roles are synced at start-up. */
export const Roles: CollectionConfig<'roles'> = {
  slug: slugs.roles,
  admin: { useAsTitle: 'name', group: 'People', defaultColumns: ['name', 'description'] },
  access: {
    read: permitted(slugs.roles, 'read'),
    create: permitted(slugs.roles, 'create'),
    update: permitted(slugs.roles, 'update'),
    delete: permitted(slugs.roles, 'delete'),
  },
  fields: [
    { name: 'name', type: 'text', required: true, unique: true, index: true },
    { name: 'description', type: 'textarea' },
    { name: 'permissions', type: 'relationship', relationTo: slugs.permissions, hasMany: true },
  ],
  timestamps: true,
}
