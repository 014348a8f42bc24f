import type { CollectionConfig } from 'payload'

import { buyerOrganizerOrPermitted, nobody } from '../../access/rules'
import { slugs } from '../../config/slugs'

/** Every payment-provider event processed, by its provider id (unique): the idempotency record. */
export const PaymentEvents: CollectionConfig<'payment-events'> = {
  slug: slugs.paymentEvents,
  admin: { useAsTitle: 'eventId', group: 'Ticketing', defaultColumns: ['eventId', 'type', 'outcome', 'amount', 'order', 'createdAt'] },
  access: {
    read: buyerOrganizerOrPermitted(slugs.paymentEvents, 'order.buyer', 'order.event.organizer'),
    create: nobody,
    update: nobody,
    delete: nobody,
  },
  fields: [
    { name: 'provider', type: 'text', required: true, defaultValue: 'stripe' },
    { name: 'eventId', type: 'text', required: true, unique: true },
    { name: 'type', type: 'text', required: true, index: true },
    { name: 'order', type: 'relationship', relationTo: slugs.orders, index: true },
    { name: 'outcome', type: 'text' },
    { name: 'amount', type: 'number', admin: { description: 'Minor units: the attempt, refund or dispute amount.' } },
    { name: 'detail', type: 'text', admin: { description: 'A decline reason, a dispute reason or status.' } },
  ],
  timestamps: true,
}
