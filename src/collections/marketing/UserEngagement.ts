import type { CollectionConfig } from 'payload'

import { nobody, permitted } from '../../access/rules'
import { slugs } from '../../config/slugs'

/**
 * Engagement events from frontends (page views, clicks, shares, sponsor impressions...),
 * written only by POST /api/track in batches. A signed-in user's events carry the user;
 * anonymous ones a session id. Deleted by the retention job after RETENTION_ENGAGEMENT_DAYS.
 */
export const UserEngagement: CollectionConfig<'user-engagement'> = {
  slug: slugs.userEngagement,
  admin: { group: 'Marketing', defaultColumns: ['type', 'source', 'event', 'user', 'sessionId', 'occurredAt'] },
  access: { read: permitted(slugs.userEngagement, 'read'), create: nobody, update: nobody, delete: nobody },
  fields: [
    {
      type: 'row',
      fields: [
        { name: 'type', type: 'text', required: true, index: true },
        { name: 'source', type: 'text', required: true, index: true },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'user', type: 'relationship', relationTo: slugs.users, index: true },
        { name: 'sessionId', type: 'text', index: true },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'event', type: 'relationship', relationTo: slugs.events, index: true },
        { name: 'campaign', type: 'relationship', relationTo: slugs.marketingCampaigns, index: true },
        { name: 'sponsor', type: 'relationship', relationTo: slugs.sponsors, index: true },
      ],
    },
    { name: 'data', type: 'json' },
    {
      type: 'row',
      fields: [
        { name: 'ip', type: 'text' },
        { name: 'userAgent', type: 'text' },
      ],
    },
    { name: 'occurredAt', type: 'date', required: true, index: true },
  ],
  timestamps: true,
}
