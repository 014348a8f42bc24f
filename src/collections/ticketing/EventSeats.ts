import type { CollectionConfig } from 'payload'

import { buyerOrganizerOrPermitted, nobody } from '../../access/rules'
import { slugs } from '../../config/slugs'

export const EVENT_SEAT_STATUSES = ['available', 'held', 'sold', 'blocked'] as const

/**
 * One event's seat inventory: a snapshot of its venue's seats taken when reserved seating is
 * turned on for the event (src/domain/ticketing/seating.ts), so later venue edits never move a
 * sold seat. Status, hold and ticket change only through the seating domain operations (hold,
 * order, release, refund, block), decided in SQL; nobody writes a row through the API. The
 * rows name who holds or bought a seat, so only those who see the event's orders read them;
 * the public reads `GET /api/events/:id/seats`, which carries no buyer data.
 */
export const EventSeats: CollectionConfig<'event-seats'> = {
  slug: slugs.eventSeats,
  admin: {
    useAsTitle: 'label',
    group: 'Ticketing',
    defaultColumns: ['label', 'event', 'sectionName', 'ticketType', 'status', 'ticket'],
    listSearchableFields: ['label', 'sectionName'],
  },
  access: {
    read: buyerOrganizerOrPermitted(slugs.orders, 'ticket.order.buyer', 'event.organizer'),
    create: nobody,
    update: nobody,
    delete: nobody,
  },
  indexes: [{ fields: ['event', 'venueSeat'], unique: true }],
  fields: [
    { name: 'event', type: 'relationship', relationTo: slugs.events, required: true, index: true },
    { name: 'venueSeat', type: 'relationship', relationTo: slugs.venueSeats, index: true },
    { name: 'section', type: 'relationship', relationTo: slugs.venueSections, index: true },
    { name: 'ticketType', type: 'relationship', relationTo: slugs.ticketTypes, index: true },
    {
      type: 'row',
      fields: [
        { name: 'sectionName', type: 'text', required: true },
        { name: 'rowName', type: 'text', required: true },
        { name: 'seatNumber', type: 'text', required: true },
        { name: 'label', type: 'text', required: true },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'x', type: 'number', required: true, defaultValue: 0 },
        { name: 'y', type: 'number', required: true, defaultValue: 0 },
        { name: 'accessible', type: 'checkbox', defaultValue: false },
      ],
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'available',
      index: true,
      options: EVENT_SEAT_STATUSES.map((s) => ({ label: s, value: s })),
    },
    // The hold that holds the seat (or last held it: kept when the hold lapses, so an order
    // paid late can take the same seat back if nobody else has).
    { name: 'hold', type: 'relationship', relationTo: slugs.holds, index: true },
    { name: 'ticket', type: 'relationship', relationTo: slugs.tickets, index: true },
  ],
  timestamps: true,
}
