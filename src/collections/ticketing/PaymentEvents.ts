import type { CollectionConfig } from 'payload'

import { nobody, permitted } from '../../access/rules'
import { slugs } from '../slugs'

/** Every payment-provider event processed, by its provider id (unique): the idempotency record. */
export const PaymentEvents: CollectionConfig<'payment-events'> = {
  slug: slugs.paymentEvents,
  admin: { useAsTitle: 'eventId', group: 'Ticketing', defaultColumns: ['eventId', 'type', 'order', 'createdAt'] },
  access: { read: permitted(slugs.paymentEvents, 'read'), create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'provider', type: 'text', required: true, defaultValue: 'stripe' },
    { name: 'eventId', type: 'text', required: true, unique: true },
    { name: 'type', type: 'text', required: true, index: true },
    { name: 'order', type: 'relationship', relationTo: slugs.orders, index: true },
    { name: 'outcome', type: 'text' },
  ],
  timestamps: true,
}
