import type { CollectionBeforeChangeHook, CollectionConfig } from 'payload'
import { ValidationError } from 'payload'

import { anyOrOwn, fieldPermitted, permitted, publicOrPermitted } from '../../access/rules'
import { dbFor, rowsOf, sql } from '../../db/sql'
import { slugField } from '../../fields/slug'
import { inRange } from '../../fields/validators'
import { slugs } from '../../config/slugs'

export const VENUE_STATUSES = ['active', 'inactive', 'under_maintenance'] as const

/** The venue's manager defaults to its creator; lowering capacity below its sections' total is refused. */
const setManagerAndCheckCapacity: CollectionBeforeChangeHook = async ({ data, req, operation, originalDoc }) => {
  if (operation === 'create' && req.user && !data.manager) data.manager = req.user.id
  if (operation === 'update' && originalDoc && data.capacity != null && data.capacity !== originalDoc.capacity) {
    const db = await dbFor(req)
    // Lock the venue row: section writers take the same lock, so the check cannot race them.
    await db.execute(sql`SELECT id FROM venues WHERE id = ${originalDoc.id} FOR UPDATE`)
    const [{ total }] = rowsOf<{ total: number }>(
      await db.execute(sql`SELECT COALESCE(SUM(capacity), 0)::int AS total FROM venue_sections WHERE venue_id = ${originalDoc.id}`),
    )
    if (Number(data.capacity) < total) {
      throw new ValidationError({
        collection: slugs.venues,
        errors: [{ path: 'capacity', message: `Capacity ${data.capacity} is below the ${total} seats its sections already hold.` }],
      })
    }
  }
  return data
}

export const Venues: CollectionConfig<'venues'> = {
  slug: slugs.venues,
  admin: { useAsTitle: 'name', group: 'Venues', defaultColumns: ['name', 'city', 'country', 'capacity', 'status'] },
  access: {
    read: publicOrPermitted(slugs.venues, { status: { equals: 'active' } }, 'manager'),
    create: permitted(slugs.venues, 'create'),
    update: anyOrOwn(slugs.venues, 'update', 'manager'),
    delete: anyOrOwn(slugs.venues, 'delete', 'manager'),
  },
  hooks: { beforeChange: [setManagerAndCheckCapacity] },
  fields: [
    { name: 'name', type: 'text', required: true },
    slugField({ collection: slugs.venues, from: 'name' }),
    { name: 'description', type: 'textarea' },
    { name: 'address', type: 'text', required: true },
    {
      type: 'row',
      fields: [
        { name: 'city', type: 'text', required: true, index: true },
        { name: 'state', type: 'text' },
        { name: 'country', type: 'text', required: true, index: true },
        { name: 'postalCode', type: 'text' },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'latitude', type: 'number', validate: (v: unknown) => inRange(v, -90, 90, 'Latitude') },
        { name: 'longitude', type: 'number', validate: (v: unknown) => inRange(v, -180, 180, 'Longitude') },
        { name: 'capacity', type: 'number', min: 0, index: true },
      ],
    },
    { name: 'floorPlan', type: 'upload', relationTo: slugs.media },
    { name: 'images', type: 'upload', relationTo: slugs.media, hasMany: true },
    { name: 'facilities', type: 'text', hasMany: true },
    { name: 'accessibilityFeatures', type: 'text', hasMany: true },
    {
      name: 'contact',
      type: 'group',
      fields: [
        { name: 'name', type: 'text' },
        { name: 'email', type: 'email' },
        { name: 'phone', type: 'text' },
      ],
    },
    { name: 'website', type: 'text' },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'active',
      index: true,
      options: VENUE_STATUSES.map((v) => ({ label: v.replace('_', ' '), value: v })),
      admin: { position: 'sidebar' },
    },
    {
      name: 'manager',
      type: 'relationship',
      relationTo: slugs.users,
      index: true,
      admin: { position: 'sidebar', description: 'Who may edit this venue (defaults to its creator).' },
      access: { update: fieldPermitted(slugs.venues, 'update') },
    },
    { name: 'metaData', type: 'json' },
  ],
  timestamps: true,
}
