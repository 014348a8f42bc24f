import type { CollectionBeforeChangeHook, CollectionConfig } from 'payload'

import { can, getPrincipal } from '../../access/principal'
import { anyOrOwn, fieldPermitted, permitted, publicOrPermitted } from '../../access/rules'
import { slugField } from '../../fields/slug'
import { slugs } from '../../config/slugs'

export const SPONSOR_STATUSES = ['active', 'pending', 'inactive', 'archived'] as const
export const COMPANY_SIZES = ['1-10', '11-50', '51-200', '201-1000', '1000+'] as const

const managed = { create: fieldPermitted(slugs.sponsors, 'manage'), update: fieldPermitted(slugs.sponsors, 'manage') }

/** A sponsor user's own profile is theirs and starts pending; only sponsor managers set another owner. */
const ownProfile: CollectionBeforeChangeHook = async ({ data, req, operation }) => {
  if (operation === 'create' && req.user && !can(await getPrincipal(req), slugs.sponsors, 'manage')) {
    data.owner = req.user.id
    data.status = 'pending'
  }
  return data
}

/** Companies that sponsor events. Public when active; a sponsor user manages their own profile. */
export const Sponsors: CollectionConfig<'sponsors'> = {
  slug: slugs.sponsors,
  admin: { useAsTitle: 'name', group: 'Sponsorship', defaultColumns: ['name', 'industry', 'status', 'companySize', 'website'] },
  access: {
    read: publicOrPermitted(slugs.sponsors, { status: { equals: 'active' } }, 'owner'),
    create: permitted(slugs.sponsors, 'create'),
    update: anyOrOwn(slugs.sponsors, 'update', 'owner'),
    delete: permitted(slugs.sponsors, 'delete'),
  },
  hooks: { beforeChange: [ownProfile] },
  fields: [
    { name: 'name', type: 'text', required: true, index: true },
    slugField({ collection: slugs.sponsors, from: 'name' }),
    {
      name: 'owner',
      type: 'relationship',
      relationTo: slugs.users,
      index: true,
      access: managed,
      admin: { position: 'sidebar', description: 'The sponsor user who manages this profile.' },
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'pending',
      index: true,
      options: [...SPONSOR_STATUSES],
      access: managed,
      admin: { position: 'sidebar' },
    },
    {
      type: 'row',
      fields: [
        { name: 'logo', type: 'upload', relationTo: slugs.media },
        {
          name: 'website',
          type: 'text',
          validate: (v: unknown) =>
            v == null || v === '' || /^https?:\/\/\S+$/.test(String(v)) ? true : 'Website must be an http(s) URL.',
        },
      ],
    },
    { name: 'description', type: 'textarea' },
    {
      name: 'contact',
      type: 'group',
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'name', type: 'text' },
            { name: 'email', type: 'email' },
            { name: 'phone', type: 'text' },
          ],
        },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'industry', type: 'text', index: true },
        { name: 'companySize', type: 'select', options: [...COMPANY_SIZES] },
        { name: 'foundedYear', type: 'number', min: 1800, max: 2100 },
        { name: 'headquarters', type: 'text' },
      ],
    },
    {
      name: 'socialMedia',
      type: 'array',
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'platform', type: 'text', required: true },
            { name: 'url', type: 'text', required: true },
          ],
        },
      ],
    },
  ],
  timestamps: true,
}
