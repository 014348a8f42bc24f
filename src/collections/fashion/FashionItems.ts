import type { CollectionConfig } from 'payload'

import { anyOrOwn, permitted, publicOrPermitted } from '../../access/rules'
import { moneyField } from '../../fields/money'
import { requireOwnership } from '../../hooks/requireOwnership'
import { slugs } from '../../config/slugs'
import { ownsCollection } from './access'

export const ITEM_TYPES = ['dress', 'top', 'bottom', 'outerwear', 'footwear', 'accessory', 'swimwear', 'activewear', 'other'] as const

export const FashionItems: CollectionConfig<'fashion-items'> = {
  slug: slugs.fashionItems,
  admin: { useAsTitle: 'name', group: 'Fashion', defaultColumns: ['name', 'collection', 'type', 'displayOrder', 'featured'] },
  access: {
    read: publicOrPermitted(slugs.fashionCollections, { 'collection.status': { equals: 'published' } }, 'collection.designer.user'),
    create: permitted(slugs.fashionCollections, 'create'),
    update: anyOrOwn(slugs.fashionCollections, 'update', 'collection.designer.user'),
    delete: anyOrOwn(slugs.fashionCollections, 'delete', 'collection.designer.user'),
  },
  hooks: { beforeChange: [requireOwnership(slugs.fashionCollections, ownsCollection)] },
  defaultSort: 'displayOrder',
  fields: [
    { name: 'collection', type: 'relationship', relationTo: slugs.fashionCollections, required: true, index: true },
    { name: 'name', type: 'text', required: true },
    { name: 'description', type: 'textarea' },
    { name: 'type', type: 'select', required: true, index: true, options: ITEM_TYPES.map((t) => ({ label: t, value: t })) },
    { name: 'materials', type: 'text', hasMany: true },
    { name: 'colors', type: 'text', hasMany: true },
    { name: 'sizes', type: 'text', hasMany: true },
    {
      type: 'row',
      fields: [
        moneyField('priceMin', { defaultValue: undefined }),
        moneyField('priceMax', {
          defaultValue: undefined,
          validate: (v: unknown, { siblingData }: { siblingData: Record<string, unknown> }) => {
            if (v == null || v === '') return true
            if (!Number.isInteger(Number(v)) || Number(v) < 0) return 'priceMax must be a whole number of minor units.'
            return siblingData.priceMin == null || Number(siblingData.priceMin) <= Number(v)
              ? true
              : 'The price range minimum must not exceed its maximum.'
          },
        }),
        { name: 'currency', type: 'text', defaultValue: 'EUR', maxLength: 3 },
      ],
    },
    { name: 'featured', type: 'checkbox', defaultValue: false, index: true },
    { name: 'displayOrder', type: 'number', defaultValue: 0, index: true },
    // The item's images, listed (and marked primary) from the item's own edit view.
    {
      name: 'images',
      type: 'join',
      collection: slugs.fashionItemImages,
      on: 'item',
      defaultSort: 'displayOrder',
      admin: { defaultColumns: ['media', 'altText', 'displayOrder', 'isPrimary'] },
    },
  ],
  timestamps: true,
}
