import { ValidationError, type CollectionBeforeChangeHook, type CollectionConfig } from 'payload'

import { slugs } from '../../config/slugs'
import { sendNowEndpoint } from '../../endpoints/marketing/send-now/handler'
import { marketingAccess } from './Campaigns'

export const EMAIL_STATUSES = ['draft', 'scheduled', 'sending', 'sent', 'cancelled'] as const
export const EMAIL_TEMPLATES = ['newsletter', 'announcement', 'plain'] as const

/** Only draft/scheduled/cancelled are chosen by people; sending and sent belong to the send job. */
const guardStatus: CollectionBeforeChangeHook = ({ data, originalDoc, context }) => {
  if (context?.emailJob) return data
  const before = originalDoc?.status ?? 'draft'
  if (data.status && data.status !== before) {
    if (['sending', 'sent'].includes(before) && data.status !== 'cancelled') {
      throw new ValidationError({
        collection: slugs.emailCampaigns,
        errors: [{ path: 'status', message: `A campaign that is ${before} can only be cancelled.` }],
      })
    }
    if (['sending', 'sent'].includes(String(data.status))) {
      throw new ValidationError({
        collection: slugs.emailCampaigns,
        errors: [{ path: 'status', message: 'Schedule the campaign (or use Send now); the send job marks it sending and sent.' }],
      })
    }
    if (data.status === 'scheduled' && !(data.segment ?? originalDoc?.segment)) {
      throw new ValidationError({
        collection: slugs.emailCampaigns,
        errors: [{ path: 'segment', message: 'Choose the recipient segment before scheduling.' }],
      })
    }
  }
  if (data.status === 'scheduled' && !data.scheduledAt && !originalDoc?.scheduledAt) data.scheduledAt = new Date().toISOString()
  return data
}

/** A marketing email: content as rich text rendered to HTML per recipient, sent by the `sendEmailCampaigns` job. */
export const EmailCampaigns: CollectionConfig<'email-campaigns'> = {
  slug: slugs.emailCampaigns,
  admin: {
    useAsTitle: 'subject',
    group: 'Marketing',
    defaultColumns: ['subject', 'campaign', 'status', 'segment', 'scheduledAt', 'sentAt'],
    components: { edit: { beforeDocumentControls: ['/src/components/admin/SendEmailNow#SendEmailNow'] } },
  },
  access: marketingAccess(slugs.emailCampaigns),
  hooks: { beforeChange: [guardStatus] },
  endpoints: [sendNowEndpoint],
  fields: [
    { name: 'campaign', type: 'relationship', relationTo: slugs.marketingCampaigns, required: true, index: true },
    { name: 'subject', type: 'text', required: true, maxLength: 200 },
    { name: 'previewText', type: 'text', maxLength: 200, admin: { description: 'Shown after the subject in most inboxes.' } },
    {
      type: 'row',
      fields: [
        { name: 'senderName', type: 'text', required: true, defaultValue: 'Fashionistas' },
        { name: 'senderEmail', type: 'email', required: true, defaultValue: 'news@fashionistas.local' },
      ],
    },
    { name: 'template', type: 'select', required: true, defaultValue: 'newsletter', options: [...EMAIL_TEMPLATES] },
    {
      name: 'content',
      type: 'richText',
      required: true,
      admin: { description: 'Use {{firstName}} or {{name}} to personalise. Links are tracked.' },
    },
    { name: 'segment', type: 'relationship', relationTo: slugs.marketingSegments, index: true },
    {
      name: 'tracking',
      type: 'group',
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'opens', type: 'checkbox', defaultValue: true },
            { name: 'clicks', type: 'checkbox', defaultValue: true },
          ],
        },
      ],
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'draft',
      index: true,
      options: [...EMAIL_STATUSES],
      admin: { position: 'sidebar' },
    },
    { name: 'scheduledAt', type: 'date', index: true, admin: { position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } } },
    {
      name: 'sentAt',
      type: 'date',
      index: true,
      admin: { position: 'sidebar', readOnly: true },
      access: { create: () => false, update: () => false },
    },
    { name: 'links', type: 'json', admin: { hidden: true, readOnly: true }, access: { create: () => false, update: () => false } },
  ],
  timestamps: true,
}
