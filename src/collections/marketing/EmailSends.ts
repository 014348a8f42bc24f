import { type CollectionConfig } from 'payload'

import { nobody, permitted } from '../../access/rules'
import { slugs } from '../../config/slugs'

export const SEND_STATUSES = ['pending', 'sending', 'sent', 'bounced', 'failed', 'skipped'] as const

/** One recipient of one email campaign: the unit of idempotent sending and of open/click tracking. */
export const EmailSends: CollectionConfig<'email-sends'> = {
  slug: slugs.emailSends,
  admin: {
    group: 'Marketing',
    useAsTitle: 'email',
    defaultColumns: ['email', 'emailCampaign', 'status', 'sentAt', 'openedAt', 'clickedAt', 'unsubscribedAt'],
  },
  access: { read: permitted(slugs.emailSends, 'read'), create: nobody, update: nobody, delete: nobody },
  indexes: [{ fields: ['emailCampaign', 'user'], unique: true }],
  fields: [
    { name: 'emailCampaign', type: 'relationship', relationTo: slugs.emailCampaigns, required: true, index: true },
    // Not required: deleting a user keeps the send (and the campaign's counts) without them.
    { name: 'user', type: 'relationship', relationTo: slugs.users, index: true },
    { name: 'email', type: 'text', required: true },
    { name: 'token', type: 'text', required: true, unique: true, admin: { hidden: true } },
    { name: 'status', type: 'select', required: true, defaultValue: 'pending', index: true, options: [...SEND_STATUSES] },
    { name: 'sentAt', type: 'date' },
    { name: 'openedAt', type: 'date' },
    { name: 'clickedAt', type: 'date' },
    { name: 'unsubscribedAt', type: 'date' },
    { name: 'messageId', type: 'text' },
    { name: 'error', type: 'text' },
  ],
  timestamps: true,
}
