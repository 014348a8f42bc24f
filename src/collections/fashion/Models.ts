import type { CollectionConfig } from 'payload'

import { fieldPermitted, permitted, permittedOrLinked, publicOrPermitted } from '../../access/rules'
import { slugField } from '../../fields/slug'
import { slugs } from '../../config/slugs'

export const Models: CollectionConfig<'models'> = {
  slug: slugs.models,
  admin: { useAsTitle: 'name', group: 'Fashion', defaultColumns: ['name', 'agency', 'status', 'featured'] },
  access: {
    read: publicOrPermitted(slugs.models, { status: { equals: 'active' } }, 'user'),
    create: permitted(slugs.models, 'create'),
    // A model edits their own profile (linked by `user`), whatever their role.
    update: permittedOrLinked(slugs.models, 'update', 'user'),
    delete: permitted(slugs.models, 'delete'),
  },
  fields: [
    { name: 'name', type: 'text', required: true },
    slugField({ collection: slugs.models, from: 'name' }),
    {
      name: 'user',
      type: 'relationship',
      relationTo: slugs.users,
      index: true,
      access: { update: fieldPermitted(slugs.models, 'update') },
      admin: { position: 'sidebar' },
    },
    {
      type: 'row',
      fields: [
        { name: 'agency', type: 'text', index: true },
        { name: 'height', type: 'text', admin: { description: 'e.g. 178 cm' } },
      ],
    },
    {
      name: 'measurements',
      type: 'group',
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'bust', type: 'text' },
            { name: 'waist', type: 'text' },
            { name: 'hips', type: 'text' },
            { name: 'shoe', type: 'text' },
            { name: 'dress', type: 'text' },
          ],
        },
      ],
    },
    { name: 'bio', type: 'textarea' },
    { name: 'images', type: 'upload', relationTo: slugs.media, hasMany: true },
    { name: 'portfolioUrl', type: 'text' },
    {
      name: 'socialMedia',
      type: 'array',
      fields: [
        { name: 'platform', type: 'text', required: true },
        { name: 'url', type: 'text', required: true },
      ],
    },
    {
      name: 'featured',
      type: 'checkbox',
      defaultValue: false,
      index: true,
      access: { update: fieldPermitted(slugs.models, 'update') },
      admin: { position: 'sidebar' },
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'active',
      index: true,
      options: ['active', 'inactive'],
      access: { update: fieldPermitted(slugs.models, 'update') },
      admin: { position: 'sidebar' },
    },
  ],
  timestamps: true,
}
