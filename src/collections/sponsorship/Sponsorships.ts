import { ValidationError, type CollectionBeforeChangeHook, type CollectionConfig } from 'payload'

import { anyOrOwn, permitted } from '../../access/rules'
import { currencyField, moneyField } from '../../fields/money'
import { requireOwnership } from '../../hooks/requireOwnership'
import { organizesEventOf } from '../fashion/access'
import { dayRangeFields } from '../../fields/dayRange'
import { slugs } from '../../config/slugs'
import { sponsorOrOrganizer } from './access'

export const PAYMENT_STATUSES = ['pending', 'partial', 'paid', 'refunded'] as const
export const SPONSORSHIP_STATUSES = ['proposed', 'approved', 'cancelled'] as const

/** Named tier or custom tier name; dates in order; approval stamped with who and when. */
const checkSponsorship: CollectionBeforeChangeHook = ({ data, originalDoc, req }) => {
  const merged = { ...(originalDoc ?? {}), ...data }
  if (!merged.tier && !String(merged.customTierName ?? '').trim()) {
    throw new ValidationError({
      collection: slugs.sponsorships,
      errors: [{ path: 'tier', message: 'Choose a tier or give a custom tier name.' }],
    })
  }
  if (data.status === 'approved' && originalDoc?.status !== 'approved') {
    data.approvedBy = req.user?.id ?? null
    data.approvedAt = new Date().toISOString()
  }
  return data
}

/** One sponsor at one event (unique pair): the deal, its money and its benefits. */
export const Sponsorships: CollectionConfig<'sponsorships'> = {
  slug: slugs.sponsorships,
  admin: {
    group: 'Sponsorship',
    defaultColumns: ['sponsor', 'event', 'tier', 'customTierName', 'status', 'amount', 'paymentStatus', 'featured'],
  },
  access: {
    read: sponsorOrOrganizer(slugs.sponsorships, 'read', 'sponsor.owner', 'event.organizer'),
    create: permitted(slugs.sponsorships, 'create'),
    update: anyOrOwn(slugs.sponsorships, 'update', 'event.organizer'),
    delete: anyOrOwn(slugs.sponsorships, 'delete', 'event.organizer'),
  },
  indexes: [{ fields: ['sponsor', 'event'], unique: true }],
  hooks: { beforeChange: [requireOwnership(slugs.sponsorships, organizesEventOf), checkSponsorship] },
  fields: [
    {
      type: 'row',
      fields: [
        { name: 'sponsor', type: 'relationship', relationTo: slugs.sponsors, required: true, index: true },
        { name: 'event', type: 'relationship', relationTo: slugs.events, required: true, index: true },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'tier', type: 'relationship', relationTo: slugs.sponsorshipTiers, index: true },
        { name: 'customTierName', type: 'text', admin: { description: 'Instead of a tier, for one-off deals.' } },
      ],
    },
    {
      type: 'row',
      fields: [...dayRangeFields()],
    },
    {
      type: 'row',
      fields: [
        moneyField('amount'),
        currencyField(),
        { name: 'paymentStatus', type: 'select', required: true, defaultValue: 'pending', options: [...PAYMENT_STATUSES] },
      ],
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'proposed',
      index: true,
      options: [...SPONSORSHIP_STATUSES],
      admin: { position: 'sidebar', description: 'Approved sponsorships show on the event’s pages.' },
    },
    {
      name: 'approvedBy',
      type: 'relationship',
      relationTo: slugs.users,
      admin: { readOnly: true, position: 'sidebar' },
      access: { create: () => false, update: () => false },
    },
    {
      name: 'approvedAt',
      type: 'date',
      admin: { readOnly: true, position: 'sidebar' },
      access: { create: () => false, update: () => false },
    },
    {
      type: 'row',
      fields: [
        { name: 'featured', type: 'checkbox', defaultValue: false, index: true },
        { name: 'order', type: 'number', defaultValue: 0 },
      ],
    },
    { name: 'contract', type: 'upload', relationTo: slugs.media, admin: { description: 'The signed contract (PDF).' } },
    { name: 'notes', type: 'textarea' },
    {
      name: 'benefits',
      type: 'array',
      dbName: 'sp_benefits',
      admin: { description: 'What this sponsor gets, and whether it was delivered.' },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'benefit', type: 'relationship', relationTo: slugs.sponsorBenefits, required: true },
            { name: 'quantity', type: 'number', defaultValue: 1, min: 1 },
            { name: 'delivered', type: 'checkbox', defaultValue: false },
          ],
        },
      ],
    },
  ],
  timestamps: true,
}
