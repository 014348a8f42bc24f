import type { CollectionBeforeChangeHook, CollectionConfig } from 'payload'

import { can, getPrincipal } from '../../access/principal'
import { anyOrOwn, fieldPermitted, permitted, publicOrPermitted } from '../../access/rules'
import { slugField } from '../../fields/slug'
import { featuredDesignersEndpoint, trackDesignerEndpoint } from '../../endpoints/fashion/designers/handler'
import { slugs } from '../../config/slugs'

export const DESIGNER_STATUSES = ['active', 'inactive', 'pending', 'rejected'] as const

const managed = { create: fieldPermitted(slugs.designers, 'manage'), update: fieldPermitted(slugs.designers, 'manage') }

/** A designer user's own profile is theirs; only designer managers attach a profile to someone else. */
const ownProfile: CollectionBeforeChangeHook = async ({ data, req, operation }) => {
  if (operation === 'create' && req.user && !can(await getPrincipal(req), slugs.designers, 'manage')) data.user = req.user.id
  return data
}

export const Designers: CollectionConfig<'designers'> = {
  slug: slugs.designers,
  admin: { useAsTitle: 'name', group: 'Fashion', defaultColumns: ['name', 'brand', 'specialty', 'status', 'featured', 'verified'] },
  access: {
    read: publicOrPermitted(slugs.designers, { status: { equals: 'active' } }, 'user'),
    create: permitted(slugs.designers, 'create'),
    update: anyOrOwn(slugs.designers, 'update', 'user'),
    delete: permitted(slugs.designers, 'delete'),
  },
  hooks: { beforeChange: [ownProfile] },
  endpoints: [featuredDesignersEndpoint, trackDesignerEndpoint],
  fields: [
    { name: 'name', type: 'text', required: true },
    slugField({ collection: slugs.designers, from: 'name' }),
    {
      name: 'user',
      type: 'relationship',
      relationTo: slugs.users,
      index: true,
      access: { update: fieldPermitted(slugs.designers, 'manage') },
      admin: { position: 'sidebar' },
    },
    {
      type: 'row',
      fields: [
        { name: 'brand', type: 'text' },
        { name: 'specialty', type: 'text', index: true },
      ],
    },
    { name: 'bio', type: 'textarea' },
    { name: 'website', type: 'text' },
    {
      name: 'socialMedia',
      type: 'array',
      fields: [
        { name: 'platform', type: 'text', required: true },
        { name: 'url', type: 'text', required: true },
      ],
    },
    {
      name: 'contact',
      type: 'group',
      fields: [
        { name: 'email', type: 'email' },
        { name: 'phone', type: 'text' },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'profileImage', type: 'upload', relationTo: slugs.media },
        { name: 'coverImage', type: 'upload', relationTo: slugs.media },
      ],
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'pending',
      index: true,
      options: DESIGNER_STATUSES.map((s) => ({ label: s, value: s })),
      access: managed,
      admin: { position: 'sidebar' },
    },
    { name: 'featured', type: 'checkbox', defaultValue: false, index: true, access: managed, admin: { position: 'sidebar' } },
    { name: 'verified', type: 'checkbox', defaultValue: false, access: managed, admin: { position: 'sidebar' } },
    { name: 'yearsActive', type: 'number', min: 0 },
    {
      name: 'awards',
      type: 'array',
      fields: [
        { name: 'title', type: 'text', required: true },
        { name: 'year', type: 'number' },
        { name: 'organisation', type: 'text' },
      ],
    },
    {
      name: 'pressMentions',
      type: 'array',
      fields: [
        { name: 'outlet', type: 'text', required: true },
        { name: 'title', type: 'text' },
        { name: 'url', type: 'text' },
        { name: 'date', type: 'date' },
      ],
    },
    {
      name: 'location',
      type: 'group',
      fields: [
        { name: 'city', type: 'text' },
        { name: 'country', type: 'text' },
      ],
    },
    { name: 'metaData', type: 'json' },
  ],
  timestamps: true,
}
