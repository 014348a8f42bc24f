import { EVENT_TYPES } from '../../config/vocabularies'
import type { CollectionAfterChangeHook, CollectionBeforeChangeHook, CollectionConfig } from 'payload'

import { can, getPrincipal } from '../../access/principal'
import { anyOrOwn, fieldPermitted, permitted, publicOrPermitted } from '../../access/rules'
import { slugField } from '../../fields/slug'
import { endAfterStart, isValidTimeZone } from '../../fields/validators'
import { availabilityEndpoint } from '../../endpoints/events/availability/handler'
import { blockSeatsEndpoint, seatHoldersEndpoint, seatsEndpoint } from '../../endpoints/events/seats/handler'
import {
  confirmWaitlistEndpoint,
  joinWaitlistEndpoint,
  leaveWaitlistEndpoint,
  waitlistEntryEndpoint,
} from '../../endpoints/events/waitlist/handler'
import { slugs } from '../../config/slugs'
import { keepSoldSeats, snapshotSeatsOnSeating } from '../ticketing/seatingHooks'
import { tellHoldersOfChanges } from './changeNotices'
import { eventLocalDate } from '../../fields/eventLocalDate'

export const EVENT_STATUSES = ['draft', 'published', 'cancelled', 'completed', 'postponed'] as const
export { EVENT_TYPES }

/** Organizers always own what they create; only event managers (admins) may name someone else. */
const setOrganizerAndPublishedAt: CollectionBeforeChangeHook = async ({ data, req, operation, originalDoc }) => {
  if (operation === 'create' && req.user) {
    const principal = await getPrincipal(req)
    if (!data.organizer || !can(principal, slugs.events, 'update')) data.organizer = req.user.id
  }
  if (data.status === 'published' && !originalDoc?.publishedAt && !data.publishedAt) {
    data.publishedAt = new Date().toISOString()
  }
  return data
}

/**
 * Cancelling an event stops sales at once (holds need a published event) and queues the
 * resumable refund job; the job's progress is shown in the event's sidebar.
 */
const startCancellationOnCancel: CollectionAfterChangeHook = async ({ doc, previousDoc, req, context }) => {
  if (context.seeding || doc.status !== 'cancelled' || previousDoc?.status === 'cancelled') return doc
  await req.payload.jobs.queue({ task: 'cancelEventOrders', input: { event: String(doc.id) }, req })
  return doc
}

export const Events: CollectionConfig<'events'> = {
  slug: slugs.events,
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'status', 'type', 'startDate', 'venue', 'organizer'],
    group: 'Events',
    listSearchableFields: ['title', 'slug', 'shortDescription'],
    // The event's storefront page (published content, re-rendered on save).
    livePreview: {
      url: ({ data }) => `/events/${String(data?.slug ?? '')}`,
      breakpoints: [
        { label: 'Mobile', name: 'mobile', width: 375, height: 667 },
        { label: 'Desktop', name: 'desktop', width: 1440, height: 900 },
      ],
    },
  },
  access: {
    // The public sees published events; organizers also their own; `events:read` (editors, staff) all.
    read: publicOrPermitted(slugs.events, { status: { equals: 'published' } }, 'organizer'),
    create: permitted(slugs.events, 'create'),
    update: anyOrOwn(slugs.events, 'update', 'organizer'),
    delete: anyOrOwn(slugs.events, 'delete', 'organizer'),
  },
  hooks: {
    beforeChange: [setOrganizerAndPublishedAt, keepSoldSeats],
    afterChange: [startCancellationOnCancel, snapshotSeatsOnSeating, tellHoldersOfChanges],
  },
  endpoints: [
    availabilityEndpoint,
    seatsEndpoint,
    seatHoldersEndpoint,
    blockSeatsEndpoint,
    joinWaitlistEndpoint,
    confirmWaitlistEndpoint,
    waitlistEntryEndpoint,
    leaveWaitlistEndpoint,
  ],
  fields: [
    { name: 'title', type: 'text', required: true },
    slugField({ collection: slugs.events, from: 'title' }),
    {
      name: 'organizer',
      type: 'relationship',
      relationTo: slugs.users,
      index: true,
      admin: { position: 'sidebar', description: 'Defaults to you.' },
      access: { update: fieldPermitted(slugs.events, 'update') },
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'draft',
      index: true,
      options: EVENT_STATUSES.map((v) => ({ label: v, value: v })),
      admin: { position: 'sidebar' },
    },
    {
      name: 'type',
      type: 'select',
      required: true,
      index: true,
      options: EVENT_TYPES.map((v) => ({ label: v.replace('_', ' '), value: v })),
    },
    { name: 'shortDescription', type: 'textarea', maxLength: 500 },
    { name: 'description', type: 'richText' },
    {
      type: 'row',
      fields: [
        {
          name: 'startDate',
          type: 'date',
          required: true,
          index: true,
          admin: eventLocalDate('own'),
        },
        {
          name: 'endDate',
          type: 'date',
          required: true,
          index: true,
          admin: eventLocalDate('own'),
          validate: (value: unknown, { siblingData }: { siblingData: Record<string, unknown> }) =>
            value ? endAfterStart(siblingData.startDate, value, 'The end date') : 'The end date is required.',
        },
        {
          name: 'timeZone',
          type: 'text',
          required: true,
          defaultValue: 'UTC',
          admin: { description: 'IANA time zone the event is shown in, e.g. Europe/Paris. Dates are stored in UTC.' },
          validate: (value: unknown) =>
            isValidTimeZone(value) ? true : `"${String(value)}" is not an IANA time zone (e.g. Europe/Paris).`,
        },
      ],
    },
    { name: 'venue', type: 'relationship', relationTo: slugs.venues, index: true },
    {
      name: 'ticketAvailability',
      type: 'ui',
      admin: { components: { Field: '/src/components/admin/EventAvailability#EventAvailability' } },
    },
    { name: 'seatMap', type: 'ui', admin: { components: { Field: '/src/components/admin/SeatMap#SeatMap' } } },
    {
      type: 'row',
      fields: [
        { name: 'capacity', type: 'number', min: 0, admin: { step: 1 } },
        {
          name: 'currentAttendance',
          type: 'number',
          min: 0,
          defaultValue: 0,
          validate: (value: unknown, { siblingData }: { siblingData: Record<string, unknown> }) => {
            const cap = siblingData.capacity
            if (value == null || cap == null) return true
            return Number(value) <= Number(cap) ? true : `Current attendance (${value}) cannot exceed the capacity (${cap}).`
          },
        },
      ],
    },
    { name: 'categories', type: 'relationship', relationTo: slugs.eventCategories, hasMany: true, index: true },
    { name: 'tags', type: 'text', hasMany: true, index: true },
    { name: 'featured', type: 'checkbox', defaultValue: false, index: true, admin: { position: 'sidebar' } },
    { name: 'featuredImage', type: 'upload', relationTo: slugs.media },
    { name: 'gallery', type: 'upload', relationTo: slugs.media, hasMany: true },
    {
      type: 'row',
      fields: [
        { name: 'ticketUrl', type: 'text' },
        { name: 'externalUrl', type: 'text' },
      ],
    },
    {
      name: 'publishedAt',
      type: 'date',
      index: true,
      admin: { position: 'sidebar', readOnly: true, description: 'Set when first published.' },
    },
    {
      name: 'staff',
      type: 'relationship',
      relationTo: slugs.users,
      hasMany: true,
      admin: { position: 'sidebar', description: 'Door staff who may check tickets in at this event (and no other).' },
    },
    {
      name: 'holdLimit',
      type: 'number',
      min: 1,
      max: 1000,
      admin: {
        position: 'sidebar',
        step: 1,
        description:
          'Most tickets of this event one buyer (one address, one signed-in account) may hold at once in checkout. Empty: the platform default (HOLD_LIMIT_PER_EVENT, 10).',
      },
    },
    {
      name: 'seating',
      type: 'checkbox',
      defaultValue: false,
      admin: {
        position: 'sidebar',
        description:
          'Reserved seating: on save, the venue’s seats are copied into this event’s seat map, and ticket types with a venue section sell its seats.',
      },
    },
    {
      name: 'buyerCancellationHours',
      type: 'number',
      min: 0,
      admin: {
        position: 'sidebar',
        step: 1,
        description: 'Buyers may cancel their own free orders until this many hours before the start. Empty: buyers cannot cancel.',
      },
    },
    {
      type: 'collapsible',
      label: 'Cancellation',
      admin: { position: 'sidebar', condition: (data) => data?.status === 'cancelled' || Boolean(data?.cancellationStatus) },
      fields: [
        {
          name: 'cancellationStatus',
          type: 'select',
          options: ['refunding', 'done'],
          access: { create: () => false, update: () => false },
          admin: { readOnly: true },
        },
        {
          name: 'cancellationOrders',
          type: 'number',
          access: { create: () => false, update: () => false },
          admin: { readOnly: true, description: 'Paid or free orders to refund or cancel.' },
        },
        {
          name: 'cancellationOrdersDone',
          type: 'number',
          access: { create: () => false, update: () => false },
          admin: { readOnly: true, description: 'Orders refunded or cancelled so far.' },
        },
      ],
    },
    { name: 'metaData', type: 'json' },
  ],
  timestamps: true,
}
