import path from 'node:path'

import type { CollectionBeforeChangeHook, CollectionConfig } from 'payload'

import { permitted } from '../../access/rules'
import { currencyField, moneyField } from '../../fields/money'
import { dayRangeFields } from '../../fields/dayRange'
import { slugs } from '../../config/slugs'

export const CAMPAIGN_STATUSES = ['draft', 'scheduled', 'active', 'paused', 'completed', 'cancelled'] as const
import { CHANNELS } from '../../config/vocabularies'

export { CHANNELS }
export const GOAL_METRICS = ['impressions', 'clicks', 'conversions', 'revenue', 'signups', 'tickets'] as const

/** CRUD for holders of `<resource>:<action>` (the marketing role and admins). */
export const marketingAccess = (resource: string) => ({
  read: permitted(resource, 'read'),
  create: permitted(resource, 'create'),
  update: permitted(resource, 'update'),
  delete: permitted(resource, 'delete'),
})

export const stampCreator: CollectionBeforeChangeHook = ({ data, req, operation }) => {
  if (operation === 'create' && req.user) data.createdBy = req.user.id
  return data
}

export const createdByField = {
  name: 'createdBy',
  type: 'relationship',
  relationTo: slugs.users,
  admin: { readOnly: true, position: 'sidebar' },
  access: { create: () => false, update: () => false },
} as const

/** A marketing campaign: dates, budget, audience, goals and channels, optionally for one event. */
export const MarketingCampaigns: CollectionConfig<'marketing-campaigns'> = {
  slug: slugs.marketingCampaigns,
  admin: { useAsTitle: 'name', group: 'Marketing', defaultColumns: ['name', 'status', 'startDate', 'endDate', 'budget', 'event'] },
  access: marketingAccess(slugs.marketingCampaigns),
  hooks: { beforeChange: [stampCreator] },
  fields: [
    { name: 'name', type: 'text', required: true },
    { name: 'description', type: 'textarea' },
    {
      type: 'row',
      fields: [
        ...dayRangeFields(),
        { name: 'status', type: 'select', required: true, defaultValue: 'draft', index: true, options: [...CAMPAIGN_STATUSES] },
      ],
    },
    { type: 'row', fields: [moneyField('budget'), currencyField()] },
    { name: 'event', type: 'relationship', relationTo: slugs.events, index: true },
    { name: 'channels', type: 'select', hasMany: true, options: [...CHANNELS] },
    {
      name: 'targetAudience',
      type: 'group',
      fields: [
        { name: 'description', type: 'textarea' },
        { name: 'segments', type: 'relationship', relationTo: slugs.marketingSegments, hasMany: true },
      ],
    },
    {
      name: 'goals',
      type: 'array',
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'metric', type: 'select', required: true, options: [...GOAL_METRICS] },
            { name: 'target', type: 'number', required: true, min: 0 },
          ],
        },
      ],
    },
    createdByField,
  ],
  timestamps: true,
}

/** Creative for a campaign (images, video, documents, audio). The kind follows the file. */
export const CampaignAssets: CollectionConfig<'campaign-assets'> = {
  slug: slugs.campaignAssets,
  admin: { useAsTitle: 'name', group: 'Marketing', defaultColumns: ['name', 'campaign', 'assetType', 'filesize'] },
  access: marketingAccess(slugs.campaignAssets),
  upload: {
    staticDir: path.resolve(process.env.MEDIA_DIR ?? path.resolve(process.cwd(), '.data/media'), 'campaign-assets'),
    mimeTypes: ['image/*', 'video/*', 'audio/*', 'application/pdf'],
    imageSizes: [
      { name: 'thumbnail', width: 320, height: 320, fit: 'inside', formatOptions: { format: 'webp', options: { quality: 80 } } },
    ],
    adminThumbnail: 'thumbnail',
  },
  hooks: {
    beforeChange: [
      stampCreator,
      ({ data }) => {
        const mime = String(data.mimeType ?? '')
        if (mime)
          data.assetType = mime.startsWith('image/')
            ? 'image'
            : mime.startsWith('video/')
              ? 'video'
              : mime.startsWith('audio/')
                ? 'audio'
                : mime === 'application/pdf'
                  ? 'document'
                  : 'other'
        return data
      },
    ],
  },
  fields: [
    { name: 'name', type: 'text', required: true },
    {
      type: 'row',
      fields: [
        { name: 'campaign', type: 'relationship', relationTo: slugs.marketingCampaigns, required: true, index: true },
        {
          name: 'assetType',
          type: 'select',
          index: true,
          options: ['image', 'video', 'document', 'audio', 'other'],
          admin: { readOnly: true },
        },
      ],
    },
    { name: 'duration', type: 'number', min: 0, admin: { description: 'Seconds, for audio and video.' } },
    createdByField,
  ],
  timestamps: true,
}
