import type { CollectionBeforeChangeHook, CollectionConfig } from 'payload'
import { ValidationError } from 'payload'

import { anyOrOwn, permitted, publicOrPermitted } from '../../access/rules'
import { idOf } from '../../fields/idOf'
import { requireOwnership } from '../../hooks/requireOwnership'
import { runOfShowEndpoint, upcomingShowsEndpoint } from '../../endpoints/fashion/runway/handler'
import { slugs } from '../../config/slugs'
import { organizesEventOf } from './access'
import { eventLocalDate } from '../../fields/eventLocalDate'

export const SHOW_STATUSES = ['scheduled', 'in_progress', 'completed', 'cancelled'] as const

/** The show date lies inside its event's dates. */
const showInsideEvent: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const merged = { ...(originalDoc ?? {}), ...data }
  const eventId = idOf(merged.event)
  if (!eventId || !merged.showDate) return data
  const event = await req.payload.findByID({ collection: slugs.events, id: eventId, depth: 0, overrideAccess: true, req })
  const t = new Date(merged.showDate).getTime()
  if (t < new Date(event.startDate).getTime() || t > new Date(event.endDate).getTime()) {
    throw new ValidationError({
      collection: slugs.runwayShows,
      errors: [{ path: 'showDate', message: `The show date must fall within the event (${event.startDate} – ${event.endDate}).` }],
    })
  }
  return data
}

export const RunwayShows: CollectionConfig<'runway-shows'> = {
  slug: slugs.runwayShows,
  admin: { useAsTitle: 'title', group: 'Fashion', defaultColumns: ['title', 'collection', 'event', 'showDate', 'status'] },
  access: {
    // In-progress shows are public too: a live show is the one people look for.
    read: publicOrPermitted(slugs.runwayShows, { status: { in: ['scheduled', 'in_progress', 'completed'] } }, 'event.organizer'),
    create: permitted(slugs.runwayShows, 'create'),
    update: anyOrOwn(slugs.runwayShows, 'update', 'event.organizer'),
    delete: anyOrOwn(slugs.runwayShows, 'delete', 'event.organizer'),
  },
  hooks: { beforeChange: [requireOwnership(slugs.runwayShows, organizesEventOf), showInsideEvent] },
  endpoints: [upcomingShowsEndpoint, runOfShowEndpoint],
  fields: [
    { name: 'title', type: 'text', required: true },
    { name: 'collection', type: 'relationship', relationTo: slugs.fashionCollections, required: true, index: true },
    { name: 'event', type: 'relationship', relationTo: slugs.events, required: true, index: true },
    { name: 'venue', type: 'relationship', relationTo: slugs.venues, required: true, index: true },
    {
      type: 'row',
      fields: [
        { name: 'showDate', type: 'date', required: true, index: true, admin: eventLocalDate('event') },
        { name: 'durationMinutes', type: 'number', min: 1 },
        {
          name: 'status',
          type: 'select',
          required: true,
          defaultValue: 'scheduled',
          index: true,
          options: SHOW_STATUSES.map((s) => ({ label: s.replace('_', ' '), value: s })),
        },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'capacity', type: 'number', min: 0 },
        {
          name: 'attendance',
          type: 'number',
          min: 0,
          validate: (v: unknown, { siblingData }: { siblingData: Record<string, unknown> }) =>
            v == null || siblingData.capacity == null || Number(v) <= Number(siblingData.capacity)
              ? true
              : `Attendance (${v}) cannot exceed the capacity (${siblingData.capacity}).`,
        },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'videoUrl', type: 'text' },
        { name: 'livestreamUrl', type: 'text' },
      ],
    },
    { name: 'notes', type: 'textarea' },
    {
      name: 'segments',
      type: 'join',
      collection: slugs.runwaySegments,
      on: 'show',
      defaultSort: 'order',
      admin: { defaultColumns: ['name', 'order', 'startTime', 'durationMinutes'] },
    },
    { name: 'runOfShow', type: 'ui', admin: { components: { Field: '/src/components/admin/RunOfShow#RunOfShow' } } },
  ],
  timestamps: true,
}
