import type { CollectionAfterDeleteHook, CollectionBeforeChangeHook, CollectionConfig } from 'payload'

import { anyOrOwn, permitted, publicOrPermitted } from '../../access/rules'
import { dbFor, rowsOf, sql } from '../../db/sql'
import { idOf } from '../../fields/idOf'
import { requireOwnership } from '../../hooks/requireOwnership'
import { slugs } from '../../config/slugs'
import { ownsItem } from './access'

/**
 * Exactly one primary image per item. Under a row lock on the item (so two concurrent
 * "make primary" calls queue up), marking one primary clears the others in the same
 * transaction; an item's first image becomes primary by itself. A partial unique index is the
 * last guard.
 */
const keepOnePrimary: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const item = idOf(data.item ?? originalDoc?.item)
  if (!item) return data
  const db = await dbFor(req)
  await db.execute(sql`SELECT id FROM fashion_items WHERE id = ${item}::uuid FOR UPDATE`)
  const others = rowsOf<{ id: string; is_primary: boolean }>(
    await db.execute(
      sql`SELECT id, is_primary FROM fashion_item_images WHERE item_id = ${item}::uuid AND id IS DISTINCT FROM ${originalDoc?.id ?? null}::uuid`,
    ),
  )
  if (data.isPrimary === true) {
    await db.execute(
      sql`UPDATE fashion_item_images SET is_primary = false WHERE item_id = ${item}::uuid AND is_primary AND id IS DISTINCT FROM ${originalDoc?.id ?? null}::uuid`,
    )
  } else if (!others.some((o) => o.is_primary)) {
    // Nothing else is primary: this one must be (it is the first, or the only one left).
    data.isPrimary = true
  }
  return data
}

/** Deleting the primary image promotes the next one in display order. */
const promoteNext: CollectionAfterDeleteHook = async ({ doc, req }) => {
  if (!doc.isPrimary) return
  const db = await dbFor(req)
  await db.execute(sql`UPDATE fashion_item_images SET is_primary = true WHERE id = (
    SELECT id FROM fashion_item_images WHERE item_id = ${idOf(doc.item)}::uuid ORDER BY display_order, created_at LIMIT 1)`)
}

export const FashionItemImages: CollectionConfig<'fashion-item-images'> = {
  slug: slugs.fashionItemImages,
  labels: { singular: 'Item image', plural: 'Item images' },
  admin: { group: 'Fashion', defaultColumns: ['item', 'media', 'displayOrder', 'isPrimary'] },
  access: {
    read: publicOrPermitted(
      slugs.fashionCollections,
      { 'item.collection.status': { equals: 'published' } },
      'item.collection.designer.user',
    ),
    create: permitted(slugs.fashionCollections, 'create'),
    update: anyOrOwn(slugs.fashionCollections, 'update', 'item.collection.designer.user'),
    delete: anyOrOwn(slugs.fashionCollections, 'delete', 'item.collection.designer.user'),
  },
  hooks: { beforeChange: [requireOwnership(slugs.fashionCollections, ownsItem), keepOnePrimary], afterDelete: [promoteNext] },
  defaultSort: 'displayOrder',
  fields: [
    { name: 'item', type: 'relationship', relationTo: slugs.fashionItems, required: true, index: true },
    { name: 'media', type: 'upload', relationTo: slugs.media, required: true },
    { name: 'altText', type: 'text' },
    { name: 'displayOrder', type: 'number', defaultValue: 0, index: true },
    {
      name: 'isPrimary',
      type: 'checkbox',
      defaultValue: false,
      label: 'Primary image',
      admin: { description: "Marking this primary unmarks the item's other images." },
    },
  ],
  timestamps: true,
}
