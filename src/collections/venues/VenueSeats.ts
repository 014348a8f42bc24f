import type { CollectionConfig } from 'payload'

import { anyOrOwn, permitted, publicOrPermitted } from '../../access/rules'
import { requireOwnership } from '../../hooks/requireOwnership'
import { managesSectionOf } from '../fashion/access'
import { slugs } from '../../config/slugs'

export const SEAT_STATUSES = ['available', 'reserved', 'sold', 'blocked', 'maintenance'] as const

export const VenueSeats: CollectionConfig<'venue-seats'> = {
  slug: slugs.venueSeats,
  admin: { useAsTitle: 'label', group: 'Venues', defaultColumns: ['label', 'section', 'status'] },
  access: {
    read: publicOrPermitted(slugs.venues, { 'section.venue.status': { equals: 'active' } }, 'section.venue.manager'),
    create: permitted(slugs.venueSeats, 'create'),
    update: anyOrOwn(slugs.venueSeats, 'update', 'section.venue.manager'),
    delete: anyOrOwn(slugs.venueSeats, 'delete', 'section.venue.manager'),
  },
  // Row and number are unique within a section.
  indexes: [{ fields: ['section', 'rowName', 'seatNumber'], unique: true }],
  hooks: {
    beforeChange: [
      // Seats are added only to sections of a venue one manages.
      requireOwnership(slugs.venueSeats, managesSectionOf),
      ({ data, originalDoc }) => {
        const row = data.rowName ?? originalDoc?.rowName ?? ''
        const num = data.seatNumber ?? originalDoc?.seatNumber ?? ''
        data.label = `${row}${row && num ? '-' : ''}${num}`
        return data
      },
    ],
  },
  fields: [
    { name: 'section', type: 'relationship', relationTo: slugs.venueSections, required: true, index: true },
    {
      type: 'row',
      fields: [
        { name: 'rowName', type: 'text', required: true },
        { name: 'seatNumber', type: 'text', required: true },
        {
          name: 'status',
          type: 'select',
          required: true,
          defaultValue: 'available',
          index: true,
          options: SEAT_STATUSES.map((v) => ({ label: v, value: v })),
        },
      ],
    },
    { name: 'label', type: 'text', admin: { readOnly: true, description: 'Row-number, e.g. A-12.' } },
    { name: 'coordinates', type: 'json' },
    { name: 'accessibilityFeatures', type: 'text', hasMany: true },
    { name: 'notes', type: 'textarea' },
  ],
  timestamps: true,
}
