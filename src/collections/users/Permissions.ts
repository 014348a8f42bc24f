import type { CollectionBeforeValidateHook, CollectionConfig } from 'payload'

import { permitted } from '../../access/rules'
import { slugs } from '../../config/slugs'

const nameFromPair: CollectionBeforeValidateHook = ({ data }) => {
  if (data && !data.name && data.resource && data.action) data.name = `${data.resource}:${data.action}`
  return data
}

/** A (resource, action) pair, unique. `name` is `resource:action`, the scope vocabulary of API keys too. */
export const Permissions: CollectionConfig<'permissions'> = {
  slug: slugs.permissions,
  admin: { useAsTitle: 'name', group: 'People', defaultColumns: ['name', 'resource', 'action', 'description'] },
  access: {
    read: permitted(slugs.permissions, 'read'),
    create: permitted(slugs.permissions, 'create'),
    update: permitted(slugs.permissions, 'update'),
    delete: permitted(slugs.permissions, 'delete'),
  },
  hooks: { beforeValidate: [nameFromPair] },
  indexes: [{ fields: ['resource', 'action'], unique: true }],
  fields: [
    { name: 'name', type: 'text', required: true, unique: true },
    { name: 'resource', type: 'text', required: true, index: true },
    { name: 'action', type: 'text', required: true },
    { name: 'description', type: 'textarea' },
  ],
  timestamps: true,
}
