import { ValidationError, type CollectionBeforeChangeHook, type CollectionConfig } from 'payload'

import { slugs } from '../../config/slugs'
import { createdByField, marketingAccess, stampCreator } from './Campaigns'

export const PLATFORMS = ['instagram', 'facebook', 'twitter', 'linkedin', 'tiktok', 'pinterest', 'other'] as const
export const POST_STATUSES = ['draft', 'scheduled', 'published', 'failed'] as const
/** What each network accepts in one post, in characters. */
export const PLATFORM_LIMITS: Record<string, number> = {
  twitter: 280,
  instagram: 2200,
  facebook: 63206,
  linkedin: 3000,
  tiktok: 2200,
  pinterest: 500,
  other: 10000,
}

/**
 * Publishing to the networks is done by people and recorded here (no network calls): marking
 * a post published stamps `publishedAt` and needs the post's URL.
 */
const recordPublishing: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  const merged = { ...(originalDoc ?? {}), ...data }
  const limit = PLATFORM_LIMITS[String(merged.platform)] ?? 10000
  if (String(merged.content ?? '').length > limit) {
    throw new ValidationError({
      collection: slugs.socialPosts,
      errors: [{ path: 'content', message: `A ${merged.platform} post holds at most ${limit} characters.` }],
    })
  }
  if (merged.status === 'scheduled' && !merged.scheduledAt) {
    throw new ValidationError({
      collection: slugs.socialPosts,
      errors: [{ path: 'scheduledAt', message: 'A scheduled post needs its time.' }],
    })
  }
  if (merged.status === 'published') {
    if (!merged.postUrl)
      throw new ValidationError({
        collection: slugs.socialPosts,
        errors: [{ path: 'postUrl', message: 'Record the published post’s URL.' }],
      })
    if (!merged.publishedAt) data.publishedAt = new Date().toISOString()
  }
  return data
}

export const SocialPosts: CollectionConfig<'social-posts'> = {
  slug: slugs.socialPosts,
  admin: {
    useAsTitle: 'content',
    group: 'Marketing',
    defaultColumns: ['platform', 'content', 'status', 'scheduledAt', 'publishedAt', 'campaign'],
  },
  access: marketingAccess(slugs.socialPosts),
  hooks: { beforeChange: [stampCreator, recordPublishing] },
  fields: [
    {
      type: 'row',
      fields: [
        { name: 'campaign', type: 'relationship', relationTo: slugs.marketingCampaigns, required: true, index: true },
        { name: 'platform', type: 'select', required: true, index: true, options: [...PLATFORMS] },
      ],
    },
    { name: 'content', type: 'textarea', required: true },
    { name: 'media', type: 'upload', relationTo: slugs.media, hasMany: true },
    {
      type: 'row',
      fields: [
        { name: 'status', type: 'select', required: true, defaultValue: 'draft', index: true, options: [...POST_STATUSES] },
        { name: 'scheduledAt', type: 'date', index: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
        { name: 'publishedAt', type: 'date', index: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'postUrl',
          type: 'text',
          validate: (v: unknown) =>
            v == null || v === '' || /^https?:\/\/\S+$/.test(String(v)) ? true : 'postUrl must be an http(s) URL.',
        },
        { name: 'postId', type: 'text' },
      ],
    },
    createdByField,
  ],
  timestamps: true,
}
