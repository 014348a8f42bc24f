import type { CollectionBeforeChangeHook, CollectionConfig } from 'payload'
import { ValidationError } from 'payload'

import { anyOrOwn, permitted, publicOrPermitted } from '../../access/rules'
import { dbFor, rowsOf, sql } from '../../db/sql'
import { idOf } from '../../fields/idOf'
import { requireOwnership } from '../../hooks/requireOwnership'
import { managesVenueOf } from '../fashion/access'
import { slugs } from '../../config/slugs'
import { generateSeatsEndpoint } from '../../endpoints/venues/generate-seats/handler'

export const SECTION_TYPES = ['general', 'vip', 'premium', 'backstage', 'press'] as const

/**
 * The sections of a venue may not hold more than the venue. Decided under a row lock on the
 * venue, so two sections added at once cannot both squeeze past the limit.
 */
const checkVenueCapacity: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const venueId = idOf(data.venue ?? originalDoc?.venue)
  const capacity = Number(data.capacity ?? originalDoc?.capacity ?? 0)
  if (!venueId) return data
  const db = await dbFor(req)
  const venue = rowsOf<{ capacity: number | null }>(await db.execute(sql`SELECT capacity FROM venues WHERE id = ${venueId} FOR UPDATE`))[0]
  if (!venue || venue.capacity == null) return data
  const [{ total }] = rowsOf<{ total: number }>(
    await db.execute(
      sql`SELECT COALESCE(SUM(capacity), 0)::int AS total FROM venue_sections
          WHERE venue_id = ${venueId} AND id IS DISTINCT FROM ${originalDoc?.id ?? null}::uuid`,
    ),
  )
  if (total + capacity > venue.capacity) {
    throw new ValidationError({
      collection: slugs.venueSections,
      errors: [
        {
          path: 'capacity',
          message: `The venue holds ${venue.capacity}; its other sections already take ${total}, so this section can have at most ${Math.max(0, venue.capacity - total)}.`,
        },
      ],
    })
  }
  return data
}

export const VenueSections: CollectionConfig<'venue-sections'> = {
  slug: slugs.venueSections,
  admin: { useAsTitle: 'name', group: 'Venues', defaultColumns: ['name', 'venue', 'sectionType', 'capacity'] },
  access: {
    read: publicOrPermitted(slugs.venues, { 'venue.status': { equals: 'active' } }, 'venue.manager'),
    create: permitted(slugs.venueSections, 'create'),
    update: anyOrOwn(slugs.venueSections, 'update', 'venue.manager'),
    delete: anyOrOwn(slugs.venueSections, 'delete', 'venue.manager'),
  },
  hooks: { beforeChange: [requireOwnership(slugs.venueSections, managesVenueOf), checkVenueCapacity] },
  endpoints: [generateSeatsEndpoint],
  indexes: [{ fields: ['venue', 'name'], unique: true }],
  fields: [
    { name: 'venue', type: 'relationship', relationTo: slugs.venues, required: true, index: true },
    { name: 'name', type: 'text', required: true },
    { name: 'description', type: 'textarea' },
    {
      type: 'row',
      fields: [
        { name: 'capacity', type: 'number', required: true, min: 0 },
        {
          name: 'sectionType',
          type: 'select',
          required: true,
          defaultValue: 'general',
          index: true,
          options: SECTION_TYPES.map((v) => ({ label: v, value: v })),
        },
        { name: 'priceMultiplier', type: 'number', defaultValue: 1, min: 0, max: 999 },
      ],
    },
    { name: 'coordinates', type: 'json', admin: { description: 'Shape on the floor plan, e.g. {"x":10,"y":20,"w":200,"h":80}.' } },
    { name: 'accessible', type: 'checkbox', defaultValue: true },
    { name: 'generateSeats', type: 'ui', admin: { components: { Field: '/src/components/admin/GenerateSeats#GenerateSeats' } } },
  ],
  timestamps: true,
}
