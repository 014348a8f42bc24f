import type { CollectionConfig } from 'payload'

import { nobody, permitted } from '../../access/rules'
import { slugs } from '../../config/slugs'

/**
 * Inventory held during checkout: one row per ticket type of a checkout (`checkout` groups the
 * rows a buyer holds together and is the hold id the API returns). Written only by the
 * checkout domain code, in SQL; an expired row stops counting at once and a job deletes it.
 */
export const Holds: CollectionConfig<'holds'> = {
  slug: slugs.holds,
  admin: { group: 'Ticketing', defaultColumns: ['checkout', 'ticketType', 'quantity', 'status', 'expiresAt'] },
  access: { read: permitted(slugs.holds, 'read'), create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'checkout', type: 'text', required: true, index: true },
    { name: 'ticketType', type: 'relationship', relationTo: slugs.ticketTypes, required: true, index: true },
    { name: 'quantity', type: 'number', required: true, min: 1 },
    { name: 'order', type: 'relationship', relationTo: slugs.orders, index: true },
    { name: 'buyerSession', type: 'text', index: true },
    // Who holds, for the per-event hoarding cap (holds.ts): the client's address (by /64 for
    // IPv6) and the signed-in user. The address is personal data: never shown, gone with the row.
    { name: 'holderAddress', type: 'text', hidden: true },
    { name: 'holderUser', type: 'relationship', relationTo: slugs.users, index: true },
    { name: 'tokenHash', type: 'text', required: true, hidden: true },
    { name: 'status', type: 'select', required: true, defaultValue: 'active', index: true, options: ['active', 'consumed', 'released'] },
    { name: 'expiresAt', type: 'date', required: true, index: true },
  ],
  timestamps: true,
}
