import type { CollectionAfterChangeHook, CollectionConfig } from 'payload'

import { nobody } from '../../access/rules'
import { computeSegment, type SegmentDoc } from '../../domain/marketing/segments'
import { USER_TYPES } from '../users/Users'
import { slugs } from '../../config/slugs'
import { computeSegmentEndpoint } from '../../endpoints/marketing/compute-segment/handler'
import { createdByField, marketingAccess, stampCreator } from './Campaigns'

export const SEGMENT_TYPES = ['static', 'dynamic'] as const

/** Size is recomputed (one COUNT over users) whenever the segment is saved. */
const recompute: CollectionAfterChangeHook = async ({ doc, req }) => {
  const size = await computeSegment(req, doc as unknown as SegmentDoc)
  return { ...doc, ...size }
}

/**
 * Who a campaign talks to. Static: the members listed. Dynamic: every user matching the
 * criteria, evaluated as one SQL query over users when used (criteria combine with AND;
 * the values inside one criterion with OR).
 */
export const MarketingSegments: CollectionConfig<'marketing-segments'> = {
  slug: slugs.marketingSegments,
  admin: { useAsTitle: 'name', group: 'Marketing', defaultColumns: ['name', 'type', 'estimatedSize', 'reachable', 'computedAt'] },
  access: marketingAccess(slugs.marketingSegments),
  hooks: { beforeChange: [stampCreator], afterChange: [recompute] },
  endpoints: [computeSegmentEndpoint],
  fields: [
    { name: 'name', type: 'text', required: true },
    { name: 'description', type: 'textarea' },
    { name: 'type', type: 'select', required: true, defaultValue: 'dynamic', index: true, options: [...SEGMENT_TYPES] },
    { name: 'members', type: 'relationship', relationTo: slugs.users, hasMany: true, admin: { condition: (_, s) => s?.type === 'static' } },
    {
      name: 'criteria',
      type: 'group',
      admin: {
        condition: (_, s) => s?.type === 'dynamic',
        description: 'Every filled criterion must hold; leave all empty for every active user.',
      },
      fields: [
        { name: 'userTypes', type: 'select', hasMany: true, options: [...USER_TYPES] },
        {
          name: 'boughtForEvents',
          type: 'relationship',
          relationTo: slugs.events,
          hasMany: true,
          admin: { description: 'Has a completed order for one of these events.' },
        },
        {
          name: 'attendedEvents',
          type: 'relationship',
          relationTo: slugs.events,
          hasMany: true,
          admin: { description: 'Has a ticket checked in at one of these events.' },
        },
        { name: 'interests', type: 'text', hasMany: true, admin: { description: 'Lists at least one of these interests.' } },
        { name: 'location', type: 'text', admin: { description: 'Profile location contains this text.' } },
        {
          type: 'row',
          fields: [
            { name: 'joinedAfter', type: 'date' },
            { name: 'joinedBefore', type: 'date' },
          ],
        },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'estimatedSize',
          type: 'number',
          admin: { readOnly: true, description: 'Matching users.' },
          access: { create: nobody as never, update: nobody as never },
        },
        {
          name: 'reachable',
          type: 'number',
          admin: { readOnly: true, description: 'Of those, who accept marketing email.' },
          access: { create: nobody as never, update: nobody as never },
        },
        { name: 'computedAt', type: 'date', admin: { readOnly: true }, access: { create: nobody as never, update: nobody as never } },
      ],
    },
    createdByField,
  ],
  timestamps: true,
}
