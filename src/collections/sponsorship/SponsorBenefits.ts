import type { CollectionConfig } from 'payload'

import { anyone, permitted } from '../../access/rules'
import { slugs } from '../../config/slugs'

export const BENEFIT_CATEGORIES = ['branding', 'hospitality', 'media', 'digital', 'experience', 'data', 'other'] as const

/** The catalogue of things a sponsorship can give (logo on the runway wall, VIP seats, a post...). */
export const SponsorBenefits: CollectionConfig<'sponsor-benefits'> = {
  slug: slugs.sponsorBenefits,
  admin: { useAsTitle: 'name', group: 'Sponsorship', defaultColumns: ['name', 'category', 'digital', 'physical'] },
  access: {
    read: anyone,
    create: permitted(slugs.sponsorBenefits, 'create'),
    update: permitted(slugs.sponsorBenefits, 'update'),
    delete: permitted(slugs.sponsorBenefits, 'delete'),
  },
  fields: [
    { name: 'name', type: 'text', required: true },
    { name: 'description', type: 'textarea' },
    {
      type: 'row',
      fields: [
        { name: 'category', type: 'select', required: true, index: true, options: [...BENEFIT_CATEGORIES] },
        { name: 'icon', type: 'upload', relationTo: slugs.media },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'digital', type: 'checkbox', defaultValue: false },
        { name: 'physical', type: 'checkbox', defaultValue: false },
      ],
    },
  ],
  timestamps: true,
}
