import type { CollectionConfig } from 'payload'

import { buyerOrganizerOrPermitted, nobody, permitted } from '../../access/rules'
import { checkInEndpoint } from '../../endpoints/tickets/check-in/handler'
import { moneyField } from '../../fields/money'
import { slugs } from '../../config/slugs'

export const TICKET_STATUSES = ['valid', 'checked_in', 'void'] as const

/** One per admitted person, issued when an order completes. `code` is what the door scans. */
export const Tickets: CollectionConfig<'tickets'> = {
  slug: slugs.tickets,
  admin: {
    useAsTitle: 'code',
    group: 'Ticketing',
    defaultColumns: ['code', 'attendeeName', 'attendeeEmail', 'event', 'seatSection', 'seatRow', 'seatNumber', 'status', 'checkedInAt'],
    listSearchableFields: ['code', 'attendeeName', 'attendeeEmail'],
  },
  access: {
    read: buyerOrganizerOrPermitted(slugs.tickets, 'order.buyer', 'event.organizer', 'event.staff'),
    create: nobody,
    update: permitted(slugs.tickets, 'update'),
    delete: nobody,
  },
  endpoints: [checkInEndpoint],
  fields: [
    { name: 'code', type: 'text', required: true, unique: true, index: true, admin: { readOnly: true } },
    { name: 'order', type: 'relationship', relationTo: slugs.orders, required: true, index: true },
    { name: 'orderItem', type: 'relationship', relationTo: slugs.orderItems, required: true, index: true },
    { name: 'event', type: 'relationship', relationTo: slugs.events, required: true, index: true },
    { name: 'ticketType', type: 'relationship', relationTo: slugs.ticketTypes, required: true, index: true },
    { name: 'attendeeName', type: 'text', index: true },
    { name: 'attendeeEmail', type: 'email', index: true },
    moneyField('price', {
      access: { create: () => false, update: () => false },
      admin: { readOnly: true, description: 'What this ticket was paid, in minor units (its share of the order line).' },
    }),
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'valid',
      index: true,
      options: TICKET_STATUSES.map((s) => ({ label: s, value: s })),
    },
    {
      // Set when the order completes, from the seat the buyer held; kept as text so the ticket
      // still names its seat if the seat map changes.
      type: 'row',
      fields: [
        { name: 'eventSeat', type: 'relationship', relationTo: slugs.eventSeats, admin: { readOnly: true } },
        { name: 'seatSection', type: 'text', admin: { readOnly: true } },
        { name: 'seatRow', type: 'text', admin: { readOnly: true } },
        { name: 'seatNumber', type: 'text', admin: { readOnly: true } },
      ],
    },
    { name: 'checkedInAt', type: 'date', admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'checkedInBy', type: 'relationship', relationTo: slugs.users, admin: { readOnly: true } },
  ],
  timestamps: true,
}
