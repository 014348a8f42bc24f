import type { CollectionBeforeChangeHook, CollectionConfig } from 'payload'
import { ValidationError } from 'payload'

import { anyone, permitted } from '../../access/rules'
import { slugField } from '../../fields/slug'
import { idOf } from '../../fields/idOf'
import { slugs } from '../../config/slugs'

/** The category tree must stay a tree: no category under itself or under one of its descendants. */
const refuseCycles: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  let parent = idOf(data.parent)
  const self = originalDoc?.id
  if (!parent || !self) return data
  const seen = new Set<string>()
  while (parent) {
    if (parent === self) {
      throw new ValidationError({
        collection: slugs.eventCategories,
        errors: [{ path: 'parent', message: 'A category cannot be placed under itself or one of its subcategories.' }],
      })
    }
    if (seen.has(parent)) break
    seen.add(parent)
    const doc = await req.payload.findByID({ collection: slugs.eventCategories, id: parent, depth: 0, overrideAccess: true, req })
    parent = idOf(doc.parent)
  }
  return data
}

export const EventCategories: CollectionConfig<'event-categories'> = {
  slug: slugs.eventCategories,
  admin: { useAsTitle: 'name', group: 'Events', defaultColumns: ['name', 'slug', 'parent', 'order'] },
  access: {
    read: anyone,
    create: permitted(slugs.eventCategories, 'create'),
    update: permitted(slugs.eventCategories, 'update'),
    delete: permitted(slugs.eventCategories, 'delete'),
  },
  hooks: { beforeChange: [refuseCycles] },
  defaultSort: 'order',
  fields: [
    { name: 'name', type: 'text', required: true, unique: true },
    slugField({ collection: slugs.eventCategories, from: 'name' }),
    { name: 'description', type: 'textarea' },
    { name: 'parent', type: 'relationship', relationTo: slugs.eventCategories, index: true },
    {
      type: 'row',
      fields: [
        { name: 'icon', type: 'text' },
        {
          name: 'color',
          type: 'text',
          validate: (v: unknown) =>
            v == null || v === '' || /^#[0-9a-fA-F]{6}$/.test(String(v)) ? true : 'Colour must be a hex value like #aa3366.',
        },
        { name: 'order', type: 'number', defaultValue: 0, index: true },
      ],
    },
  ],
  timestamps: true,
}
