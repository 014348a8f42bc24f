import type { CollectionConfig } from 'payload'

import { anyOrOwn, permitted, publicOrPermitted } from '../../access/rules'
import { requireOwnership } from '../../hooks/requireOwnership'
import { reorderSegmentEndpoint } from '../../endpoints/fashion/runway/handler'
import { slugs } from '../../config/slugs'
import { organizesShow } from './access'

export const RunwaySegments: CollectionConfig<'runway-segments'> = {
  slug: slugs.runwaySegments,
  admin: { useAsTitle: 'name', group: 'Fashion', defaultColumns: ['name', 'show', 'order', 'startTime', 'durationMinutes'] },
  access: {
    read: publicOrPermitted(
      slugs.runwayShows,
      { 'show.status': { in: ['scheduled', 'in_progress', 'completed'] } },
      'show.event.organizer',
    ),
    create: permitted(slugs.runwayShows, 'create'),
    update: anyOrOwn(slugs.runwayShows, 'update', 'show.event.organizer'),
    delete: anyOrOwn(slugs.runwayShows, 'delete', 'show.event.organizer'),
  },
  hooks: { beforeChange: [requireOwnership(slugs.runwayShows, organizesShow)] },
  indexes: [{ fields: ['show', 'order'], unique: true }],
  defaultSort: 'order',
  endpoints: [reorderSegmentEndpoint],
  fields: [
    { name: 'show', type: 'relationship', relationTo: slugs.runwayShows, required: true, index: true },
    { name: 'name', type: 'text', required: true },
    { name: 'description', type: 'textarea' },
    {
      type: 'row',
      fields: [
        { name: 'order', type: 'number', required: true, min: 0 },
        { name: 'startTime', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
        { name: 'durationMinutes', type: 'number', min: 1 },
      ],
    },
    { name: 'theme', type: 'text' },
    { name: 'music', type: 'text' },
    { name: 'lightingNotes', type: 'textarea' },
    {
      name: 'appearances',
      type: 'join',
      collection: slugs.runwayAppearances,
      on: 'segment',
      defaultSort: 'order',
      admin: { defaultColumns: ['order', 'model', 'item'] },
    },
  ],
  timestamps: true,
}
