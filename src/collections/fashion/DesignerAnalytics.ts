import type { Access, CollectionConfig, Where } from 'payload'

import { can, getPrincipal } from '../../access/principal'
import { nobody } from '../../access/rules'
import { slugs } from '../../config/slugs'

import { TRACK_KINDS } from '../../config/vocabularies'

export { TRACK_KINDS }

const readOwnAnalytics: Access = async ({ req }) => {
  const principal = await getPrincipal(req)
  if (!principal) return false
  if (can(principal, slugs.designerAnalytics, 'read')) return true
  const own: Where = { 'designer.user': { equals: principal.id } }
  return own
}

/** One row per designer per day; counted by POST /api/designers/:id/track with an atomic upsert. */
export const DesignerAnalytics: CollectionConfig<'designer-analytics'> = {
  slug: slugs.designerAnalytics,
  admin: {
    group: 'Fashion',
    defaultColumns: ['designer', 'day', 'profileViews', 'collectionViews', 'itemViews', 'favorites', 'shares', 'clickThroughs'],
  },
  access: { read: readOwnAnalytics, create: nobody, update: nobody, delete: nobody },
  indexes: [{ fields: ['designer', 'day'], unique: true }],
  fields: [
    { name: 'designer', type: 'relationship', relationTo: slugs.designers, required: true, index: true },
    { name: 'day', type: 'text', required: true, index: true, admin: { description: 'UTC date, YYYY-MM-DD.' } },
    { name: 'profileViews', type: 'number', defaultValue: 0 },
    { name: 'collectionViews', type: 'number', defaultValue: 0 },
    { name: 'itemViews', type: 'number', defaultValue: 0 },
    { name: 'favorites', type: 'number', defaultValue: 0 },
    { name: 'shares', type: 'number', defaultValue: 0 },
    { name: 'clickThroughs', type: 'number', defaultValue: 0 },
  ],
  timestamps: true,
}
