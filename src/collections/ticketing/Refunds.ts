import type { CollectionConfig } from 'payload'

import { buyerOrganizerOrPermitted, nobody } from '../../access/rules'
import { currencyField, moneyField } from '../../fields/money'
import { slugs } from '../../config/slugs'

export const REFUND_REASONS = ['requested', 'event_cancelled', 'unfulfilled', 'provider', 'dispute_lost'] as const
export const REFUND_STATUSES = ['pending', 'succeeded', 'failed'] as const

/**
 * Every refund of an order, written in the transaction that decides it (tickets voided,
 * capacity returned) and then sent to Stripe with the row id as idempotency key, so a retry
 * or a second worker never refunds twice. Refunds made in Stripe's dashboard arrive through
 * `charge.refunded` and are recorded here with reason `provider`.
 */
export const Refunds: CollectionConfig<'refunds'> = {
  slug: slugs.refunds,
  admin: { useAsTitle: 'id', group: 'Ticketing', defaultColumns: ['order', 'amount', 'currency', 'reason', 'status', 'createdAt'] },
  access: {
    read: buyerOrganizerOrPermitted(slugs.refunds, 'order.buyer', 'order.event.organizer'),
    create: nobody,
    update: nobody,
    delete: nobody,
  },
  fields: [
    { name: 'order', type: 'relationship', relationTo: slugs.orders, required: true, index: true },
    { type: 'row', fields: [moneyField('amount', { required: true }), currencyField()] },
    { name: 'reason', type: 'select', required: true, options: REFUND_REASONS.map((r) => ({ label: r, value: r })) },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'pending',
      index: true,
      options: REFUND_STATUSES.map((r) => ({ label: r, value: r })),
    },
    {
      name: 'tickets',
      type: 'relationship',
      relationTo: slugs.tickets,
      hasMany: true,
      admin: { description: 'The tickets this refund voided.' },
    },
    { name: 'providerRefundId', type: 'text', index: true },
    { name: 'requestedBy', type: 'relationship', relationTo: slugs.users },
    { name: 'attempts', type: 'number', defaultValue: 0 },
    { name: 'lastError', type: 'text' },
  ],
  timestamps: true,
}
