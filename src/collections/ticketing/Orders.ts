import type { CollectionConfig } from 'payload'

import { buyerOrganizerOrPermitted, nobody, permitted } from '../../access/rules'
import { currencyField, moneyField } from '../../fields/money'
import { cancelOrderEndpoint } from '../../endpoints/orders/cancel/handler'
import { refundEndpoint } from '../../endpoints/orders/refund/handler'
import { slugs } from '../../config/slugs'

/** Set by checkout, payments and refunds only: shown, never edited (even by admins). */
const platformOnly = { create: () => false, update: () => false }

/** The order's life: see the state diagram in the README (Ticketing and checkout). */
export const ORDER_STATUSES = [
  'pending',
  'processing',
  'completed',
  'partially_refunded',
  'refunded',
  'cancelled',
  'failed',
  'refunded_unfulfilled',
  // Stripe refused a refund outright after the event started (or its tickets could not be put
  // back): the money was not sent; the organizer is told and refunds again or settles it outside.
  'refund_failed',
] as const

export const DISPUTE_STATUSES = [
  'warning_needs_response',
  'warning_under_review',
  'warning_closed',
  'needs_response',
  'under_review',
  'won',
  'lost',
  'prevented',
] as const

/** Buyers read their own orders, organizers those of their events, `orders:read` all. */
export const Orders: CollectionConfig<'orders'> = {
  slug: slugs.orders,
  admin: {
    useAsTitle: 'id',
    group: 'Ticketing',
    defaultColumns: ['id', 'event', 'status', 'total', 'currency', 'billingEmail', 'createdAt'],
    listSearchableFields: ['id', 'billingEmail', 'billingName', 'paymentIntentId'],
  },
  access: {
    read: buyerOrganizerOrPermitted(slugs.orders, 'buyer', 'event.organizer'),
    // Orders are made by checkout and changed by payments and refunds, never typed in.
    create: nobody,
    update: permitted(slugs.orders, 'update'),
    delete: nobody,
  },
  endpoints: [refundEndpoint, cancelOrderEndpoint],
  fields: [
    { name: 'event', type: 'relationship', relationTo: slugs.events, required: true, index: true },
    { name: 'buyer', type: 'relationship', relationTo: slugs.users, index: true },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'pending',
      index: true,
      options: ORDER_STATUSES.map((s) => ({ label: s, value: s })),
      admin: { position: 'sidebar', readOnly: true },
      access: platformOnly,
    },
    {
      name: 'refundAction',
      type: 'ui',
      admin: { position: 'sidebar', components: { Field: '/src/components/admin/RefundOrder#RefundOrder' } },
    },
    {
      type: 'row',
      fields: [
        moneyField('subtotal', { access: platformOnly, admin: { readOnly: true } }),
        moneyField('discount', { access: platformOnly, admin: { readOnly: true } }),
        moneyField('tax', { access: platformOnly, admin: { readOnly: true } }),
        moneyField('total', { access: platformOnly, admin: { readOnly: true } }),
        currencyField({ access: platformOnly, admin: { readOnly: true } }),
      ],
    },
    moneyField('refundedAmount', { access: platformOnly, admin: { readOnly: true, description: 'Refunded so far, in minor units.' } }),
    { name: 'discountCode', type: 'relationship', relationTo: slugs.discountCodes, index: true },
    { name: 'paymentIntentId', type: 'text', index: true, admin: { readOnly: true } },
    { name: 'checkout', type: 'text', index: true, admin: { readOnly: true } },
    {
      type: 'collapsible',
      label: 'Payment',
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'paymentAttempts',
              type: 'number',
              defaultValue: 0,
              access: platformOnly,
              admin: { readOnly: true, description: 'Declined or failed attempts.' },
            },
            { name: 'lastPaymentError', type: 'text', access: platformOnly, admin: { readOnly: true } },
            {
              name: 'lastPaymentErrorAt',
              type: 'date',
              access: platformOnly,
              admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
            },
          ],
        },
        {
          type: 'row',
          fields: [
            {
              name: 'disputeStatus',
              type: 'select',
              options: DISPUTE_STATUSES.map((s) => ({ label: s, value: s })),
              access: platformOnly,
              admin: { readOnly: true },
            },
            moneyField('disputeAmount', { defaultValue: undefined, access: platformOnly, admin: { readOnly: true } }),
            { name: 'disputeReason', type: 'text', access: platformOnly, admin: { readOnly: true } },
          ],
        },
        {
          name: 'paymentHistory',
          type: 'join',
          collection: slugs.paymentEvents,
          on: 'order',
          defaultSort: 'createdAt',
          admin: {
            defaultColumns: ['type', 'outcome', 'amount', 'detail', 'createdAt'],
            description: 'Every payment event: attempts, failures, refunds, disputes.',
          },
        },
        {
          name: 'refunds',
          type: 'join',
          collection: slugs.refunds,
          on: 'order',
          defaultSort: 'createdAt',
          admin: { defaultColumns: ['amount', 'reason', 'status', 'createdAt'] },
        },
      ],
    },
    {
      type: 'collapsible',
      label: 'Billing',
      fields: [
        { name: 'billingEmail', type: 'email', required: true, index: true },
        { name: 'billingName', type: 'text', required: true },
        { name: 'billingPhone', type: 'text' },
        { name: 'billingAddress', type: 'json' },
      ],
    },
    {
      type: 'collapsible',
      label: 'Request',
      admin: { initCollapsed: true },
      fields: [
        { name: 'ipAddress', type: 'text' },
        { name: 'userAgent', type: 'text' },
      ],
    },
    {
      type: 'collapsible',
      label: 'Timeline',
      admin: { position: 'sidebar' },
      fields: [
        { name: 'expiresAt', type: 'date', index: true, admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } } },
        { name: 'completedAt', type: 'date', index: true, admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } } },
        { name: 'cancelledAt', type: 'date', admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } } },
        { name: 'refundedAt', type: 'date', admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } } },
      ],
    },
  ],
  timestamps: true,
}
