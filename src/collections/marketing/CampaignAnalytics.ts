import { type CollectionConfig } from 'payload'

import { moneyField } from '../../fields/money'
import { counterField as counter, dayField } from '../../fields/analytics'
import { slugs } from '../../config/slugs'
import { CHANNELS, marketingAccess } from './Campaigns'

/** Per campaign, day and channel. Email and promotional-code rows are counted by the platform; paid channels are entered by hand. */
export const CampaignAnalytics: CollectionConfig<'campaign-analytics'> = {
  slug: slugs.campaignAnalytics,
  admin: { group: 'Marketing', defaultColumns: ['campaign', 'day', 'channel', 'impressions', 'clicks', 'conversions', 'revenue', 'cost'] },
  access: marketingAccess(slugs.campaignAnalytics),
  indexes: [{ fields: ['campaign', 'day', 'channel'], unique: true }],
  fields: [
    {
      type: 'row',
      fields: [
        { name: 'campaign', type: 'relationship', relationTo: slugs.marketingCampaigns, required: true, index: true },
        dayField(),
        { name: 'channel', type: 'select', required: true, index: true, options: [...CHANNELS] },
      ],
    },
    { type: 'row', fields: [counter('impressions'), counter('clicks'), counter('conversions')] },
    {
      type: 'row',
      fields: [
        moneyField('revenue', { admin: { description: 'Minor units, in the campaign’s currency.' } }),
        moneyField('cost', { admin: { description: 'Minor units, in the campaign’s currency.' } }),
      ],
    },
  ],
  timestamps: true,
}
