import type { CollectionBeforeChangeHook, CollectionConfig } from 'payload'
import { ValidationError } from 'payload'

import { anyOrOwn, permitted, publicOrPermitted } from '../../access/rules'
import { endAfterStart, insideRange } from '../../fields/validators'
import { idOf } from '../../fields/idOf'
import { requireOwnership } from '../../hooks/requireOwnership'
import { organizesEventOf } from '../fashion/access'
import { slugs } from '../../config/slugs'
import { eventLocalDate } from '../../fields/eventLocalDate'

/** A schedule item must fall inside its event's dates. */
const checkInsideEvent: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const merged = { ...(originalDoc ?? {}), ...data }
  const eventId = idOf(merged.event)
  if (!eventId) return data
  const event = await req.payload.findByID({ collection: slugs.events, id: eventId, depth: 0, overrideAccess: true, req })
  const verdict = insideRange(merged.startTime, merged.endTime, event.startDate, event.endDate, 'A schedule item')
  if (verdict !== true) {
    throw new ValidationError({ collection: slugs.eventSchedules, errors: [{ path: 'startTime', message: verdict }] })
  }
  return data
}

export const EventSchedules: CollectionConfig<'event-schedules'> = {
  slug: slugs.eventSchedules,
  admin: { useAsTitle: 'title', group: 'Events', defaultColumns: ['title', 'event', 'startTime', 'endTime', 'order'] },
  access: {
    // Visible exactly when the event is.
    read: publicOrPermitted(slugs.events, { 'event.status': { equals: 'published' } }, 'event.organizer'),
    create: permitted(slugs.eventSchedules, 'create'),
    update: anyOrOwn(slugs.eventSchedules, 'update', 'event.organizer'),
    delete: anyOrOwn(slugs.eventSchedules, 'delete', 'event.organizer'),
  },
  hooks: { beforeChange: [requireOwnership(slugs.eventSchedules, organizesEventOf), checkInsideEvent] },
  defaultSort: 'order',
  fields: [
    { name: 'event', type: 'relationship', relationTo: slugs.events, required: true, index: true },
    { name: 'title', type: 'text', required: true },
    { name: 'description', type: 'textarea' },
    { name: 'speaker', type: 'relationship', relationTo: slugs.users, index: true },
    {
      type: 'row',
      fields: [
        { name: 'startTime', type: 'date', required: true, index: true, admin: eventLocalDate('event') },
        {
          name: 'endTime',
          type: 'date',
          required: true,
          admin: eventLocalDate('event'),
          validate: (value: unknown, { siblingData }: { siblingData: Record<string, unknown> }) =>
            value ? endAfterStart(siblingData.startTime, value, 'The end time') : 'The end time is required.',
        },
      ],
    },
    { name: 'location', type: 'text' },
    { name: 'type', type: 'text' },
    { name: 'order', type: 'number', defaultValue: 0, index: true },
    { name: 'isBreak', type: 'checkbox', defaultValue: false },
    { name: 'metaData', type: 'json' },
  ],
  timestamps: true,
}
