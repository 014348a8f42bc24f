import { type CollectionConfig } from 'payload'

import { nobody, permitted } from '../../access/rules'
import { counterField as counter, dayField } from '../../fields/analytics'
import { slugs } from '../../config/slugs'

/** Per email campaign and day: counted by the send job and the tracking endpoints (unique opens and clicks per recipient). */
export const EmailAnalytics: CollectionConfig<'email-analytics'> = {
  slug: slugs.emailAnalytics,
  admin: { group: 'Marketing', defaultColumns: ['emailCampaign', 'day', 'sends', 'opens', 'clicks', 'bounces', 'unsubscribes'] },
  access: { read: permitted(slugs.emailAnalytics, 'read'), create: nobody, update: nobody, delete: nobody },
  indexes: [{ fields: ['emailCampaign', 'day'], unique: true }],
  fields: [
    {
      type: 'row',
      fields: [{ name: 'emailCampaign', type: 'relationship', relationTo: slugs.emailCampaigns, required: true, index: true }, dayField()],
    },
    {
      type: 'row',
      fields: [counter('sends'), counter('opens'), counter('clicks'), counter('bounces'), counter('unsubscribes'), counter('complaints')],
    },
  ],
  timestamps: true,
}
