import type { CollectionConfig } from 'payload'

import { buyerOrganizerOrPermitted, nobody } from '../../access/rules'
import { slugs } from '../../config/slugs'

/** `unconfirmed`: joined, the e-mailed link not yet opened (double opt-in); such an entry keeps nothing from sale. */
export const WAITLIST_STATUSES = ['unconfirmed', 'waiting', 'offered', 'claimed', 'lapsed', 'left', 'closed'] as const

/**
 * People waiting for a sold-out ticket type, first come first served (`seq`). Joined through
 * `POST /api/events/:id/waitlist`; offers are made by the `offerWaitlist` job
 * (src/domain/ticketing/waitlist.ts) as holds reserved for the person. Written only by the
 * domain; the event's organizer (and `orders:read`) reads the list, the person their own.
 */
export const WaitlistEntries: CollectionConfig<'waitlist-entries'> = {
  slug: slugs.waitlistEntries,
  admin: {
    useAsTitle: 'email',
    group: 'Ticketing',
    defaultColumns: ['seq', 'ticketType', 'email', 'quantity', 'status', 'offerExpiresAt', 'createdAt'],
    listSearchableFields: ['email', 'name'],
    description:
      'Who waits for a sold-out ticket type, in order (seq). Pause or close a waitlist on its ticket type. Offers are holds kept for the person for WAITLIST_OFFER_HOURS (24).',
  },
  defaultSort: 'seq',
  access: {
    read: buyerOrganizerOrPermitted(slugs.orders, 'user', 'event.organizer'),
    create: nobody,
    update: nobody,
    delete: nobody,
  },
  fields: [
    { name: 'seq', type: 'number', admin: { readOnly: true, description: 'Place in the line (earlier first).' } },
    { name: 'event', type: 'relationship', relationTo: slugs.events, required: true, index: true },
    { name: 'ticketType', type: 'relationship', relationTo: slugs.ticketTypes, required: true, index: true },
    {
      type: 'row',
      fields: [
        { name: 'email', type: 'email', required: true, index: true },
        { name: 'name', type: 'text', required: true },
        { name: 'quantity', type: 'number', required: true, min: 1 },
      ],
    },
    { name: 'user', type: 'relationship', relationTo: slugs.users, index: true },
    { name: 'tokenHash', type: 'text', required: true, hidden: true },
    { name: 'confirmTokenHash', type: 'text', hidden: true },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'waiting',
      index: true,
      options: WAITLIST_STATUSES.map((s) => ({ label: s, value: s })),
    },
    {
      type: 'row',
      fields: [
        { name: 'offeredAt', type: 'date', admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } } },
        { name: 'offerExpiresAt', type: 'date', admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } } },
        { name: 'offerCheckout', type: 'text', admin: { readOnly: true, description: 'The hold kept for this person.' } },
      ],
    },
    { name: 'claimedOrder', type: 'relationship', relationTo: slugs.orders, admin: { readOnly: true } },
  ],
  timestamps: true,
}
