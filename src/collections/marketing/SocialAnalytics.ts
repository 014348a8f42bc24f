import { type CollectionConfig } from 'payload'

import { counterField as counter, dayField } from '../../fields/analytics'
import { slugs } from '../../config/slugs'
import { marketingAccess } from './Campaigns'

/** Per post and day, copied by hand from the network's insights; engagement is the sum of the interactions. */
export const SocialAnalytics: CollectionConfig<'social-analytics'> = {
  slug: slugs.socialAnalytics,
  admin: { group: 'Marketing', defaultColumns: ['post', 'day', 'impressions', 'reach', 'engagement', 'likes', 'comments', 'shares'] },
  access: marketingAccess(slugs.socialAnalytics),
  indexes: [{ fields: ['post', 'day'], unique: true }],
  hooks: {
    beforeChange: [
      ({ data, originalDoc }) => {
        const m = { ...(originalDoc ?? {}), ...data } as Record<string, number>
        data.engagement = ['likes', 'comments', 'shares', 'saves', 'clicks'].reduce((s, k) => s + Number(m[k] ?? 0), 0)
        return data
      },
    ],
  },
  fields: [
    {
      type: 'row',
      fields: [{ name: 'post', type: 'relationship', relationTo: slugs.socialPosts, required: true, index: true }, dayField()],
    },
    {
      type: 'row',
      fields: [
        counter('impressions'),
        counter('reach'),
        { ...counter('engagement'), admin: { readOnly: true, description: 'likes + comments + shares + saves + clicks' } },
      ],
    },
    { type: 'row', fields: [counter('likes'), counter('comments'), counter('shares'), counter('saves'), counter('clicks')] },
  ],
  timestamps: true,
}
