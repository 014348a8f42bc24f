import type { CollectionConfig } from 'payload'

import { nobody, permitted } from '../../access/rules'
import { counterField as counter, dayField } from '../../fields/analytics'
import { moneyField } from '../../fields/money'
import { slugs } from '../../config/slugs'
import { sponsorOrOrganizer } from './access'

/**
 * One row per sponsor, event and day. Impressions and clicks are counted by POST /api/track
 * (engagement events of type sponsor_impression / sponsor_click) with an atomic upsert;
 * leads, conversions and the money side are entered by the sponsorship team.
 */
export const SponsorAnalytics: CollectionConfig<'sponsor-analytics'> = {
  slug: slugs.sponsorAnalytics,
  admin: { group: 'Sponsorship', defaultColumns: ['sponsor', 'event', 'day', 'impressions', 'clicks', 'leads', 'conversions'] },
  access: {
    read: sponsorOrOrganizer(slugs.sponsorAnalytics, 'read', 'sponsor.owner', 'event.organizer'),
    create: permitted(slugs.sponsorAnalytics, 'update'),
    update: permitted(slugs.sponsorAnalytics, 'update'),
    delete: nobody,
  },
  // Unique (sponsor, event, day) with NULLS NOT DISTINCT: a SQL index in the migrations.
  fields: [
    {
      type: 'row',
      fields: [
        { name: 'sponsor', type: 'relationship', relationTo: slugs.sponsors, required: true, index: true },
        { name: 'event', type: 'relationship', relationTo: slugs.events, index: true },
        dayField(),
      ],
    },
    { type: 'row', fields: [counter('impressions'), counter('clicks'), counter('leads'), counter('conversions')] },
    {
      name: 'engagement',
      type: 'group',
      fields: [{ type: 'row', fields: [counter('interactions'), counter('shares'), counter('dwellSeconds')] }],
    },
    {
      name: 'roi',
      type: 'group',
      admin: { description: 'Money attributed to this sponsor for the day: what it cost them and what it returned, minor units.' },
      fields: [
        {
          type: 'row',
          fields: [moneyField('cost'), moneyField('value'), { name: 'currency', type: 'text', defaultValue: 'EUR', maxLength: 3 }],
        },
      ],
    },
  ],
  timestamps: true,
}
