import type { CollectionConfig } from 'payload'

import { buyerOrganizerOrPermitted, nobody } from '../../access/rules'
import { moneyField } from '../../fields/money'
import { slugs } from '../../config/slugs'

export const OrderItems: CollectionConfig<'order-items'> = {
  slug: slugs.orderItems,
  admin: { group: 'Ticketing', defaultColumns: ['order', 'ticketType', 'quantity', 'unitPrice', 'finalPrice'] },
  access: {
    read: buyerOrganizerOrPermitted(slugs.orders, 'order.buyer', 'order.event.organizer'),
    create: nobody,
    update: nobody,
    delete: nobody,
  },
  fields: [
    { name: 'order', type: 'relationship', relationTo: slugs.orders, required: true, index: true },
    { name: 'ticketType', type: 'relationship', relationTo: slugs.ticketTypes, required: true, index: true },
    { name: 'quantity', type: 'number', required: true, min: 1 },
    moneyField('unitPrice'),
    moneyField('subtotal'),
    moneyField('discount'),
    moneyField('finalPrice', { admin: { description: 'subtotal - discount, in minor units.' } }),
    { name: 'discountCode', type: 'relationship', relationTo: slugs.discountCodes, index: true },
  ],
  timestamps: true,
}
