import type { CollectionConfig } from 'payload'

import { nobody, permitted } from '../../access/rules'
import { moneyField } from '../../fields/money'
import { slugs } from '../../config/slugs'

/**
 * One use of a discount code by one order: reserved when the order is created, confirmed when
 * it is paid, deleted (and the use given back) when it fails or expires. `buyerKey` is set
 * only for one-use-per-buyer codes; a unique index on (code, buyerKey) enforces it under races.
 */
export const DiscountRedemptions: CollectionConfig<'discount-redemptions'> = {
  slug: slugs.discountRedemptions,
  admin: { group: 'Ticketing', defaultColumns: ['discountCode', 'order', 'buyerEmail', 'status', 'discount', 'orderTotal'] },
  access: { read: permitted(slugs.discountCodes, 'read'), create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'discountCode', type: 'relationship', relationTo: slugs.discountCodes, required: true, index: true },
    { name: 'order', type: 'relationship', relationTo: slugs.orders, required: true, index: true },
    { name: 'buyer', type: 'relationship', relationTo: slugs.users, index: true },
    { name: 'buyerEmail', type: 'text', required: true },
    { name: 'buyerKey', type: 'text' },
    { name: 'status', type: 'select', required: true, defaultValue: 'reserved', options: ['reserved', 'confirmed'] },
    moneyField('discount'),
    moneyField('orderTotal'),
  ],
  timestamps: true,
}
