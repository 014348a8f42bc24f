import type { CollectionConfig } from 'payload'

import { anyOrOwn, permitted, publicOrPermitted } from '../../access/rules'
import { dbFor, rowsOf, sql } from '../../db/sql'
import { idOf } from '../../fields/idOf'
import { slugField } from '../../fields/slug'
import { requireOwnership } from '../../hooks/requireOwnership'
import { collectionFullEndpoint } from '../../endpoints/fashion/collections/handler'
import { slugs } from '../../config/slugs'
import { ownsDesigner } from './access'

export const SEASONS = ['spring', 'summer', 'fall', 'winter', 'resort', 'pre-fall', 'bridal', 'couture', 'other'] as const

export const FashionCollections: CollectionConfig<'fashion-collections'> = {
  slug: slugs.fashionCollections,
  labels: { singular: 'Collection', plural: 'Collections' },
  admin: { useAsTitle: 'name', group: 'Fashion', defaultColumns: ['name', 'designer', 'season', 'year', 'status', 'featured'] },
  access: {
    read: publicOrPermitted(slugs.fashionCollections, { status: { equals: 'published' } }, 'designer.user'),
    create: permitted(slugs.fashionCollections, 'create'),
    update: anyOrOwn(slugs.fashionCollections, 'update', 'designer.user'),
    delete: anyOrOwn(slugs.fashionCollections, 'delete', 'designer.user'),
  },
  hooks: { beforeChange: [requireOwnership(slugs.fashionCollections, ownsDesigner)] },
  endpoints: [collectionFullEndpoint],
  fields: [
    { name: 'designer', type: 'relationship', relationTo: slugs.designers, required: true, index: true },
    { name: 'name', type: 'text', required: true },
    slugField({
      collection: slugs.fashionCollections,
      // designer + name + season + year, e.g. "maison-aurore-lumiere-spring-2027"
      from: async (data, req) => {
        const id = idOf(data.designer)
        const rows = id
          ? rowsOf<{ name: string }>(await (await dbFor(req)).execute(sql`SELECT name FROM designers WHERE id = ${id}::uuid`))
          : []
        return [rows[0]?.name, data.name, data.season, data.year].filter(Boolean).join(' ')
      },
    }),
    { name: 'description', type: 'textarea' },
    {
      type: 'row',
      fields: [
        { name: 'season', type: 'select', options: SEASONS.map((s) => ({ label: s, value: s })), index: true },
        { name: 'year', type: 'number', min: 1900, max: 2200, index: true },
        { name: 'releaseDate', type: 'date', index: true },
      ],
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'draft',
      index: true,
      options: ['draft', 'published', 'archived'],
      admin: { position: 'sidebar' },
    },
    { name: 'featured', type: 'checkbox', defaultValue: false, index: true, admin: { position: 'sidebar' } },
    { name: 'coverImage', type: 'upload', relationTo: slugs.media },
    { name: 'inspiration', type: 'textarea' },
    { name: 'colorPalette', type: 'text', hasMany: true, admin: { description: 'Hex colours, e.g. #c70039.' } },
    { name: 'materials', type: 'text', hasMany: true },
    { name: 'showNotes', type: 'textarea' },
    { name: 'event', type: 'relationship', relationTo: slugs.events, index: true },
  ],
  timestamps: true,
}
