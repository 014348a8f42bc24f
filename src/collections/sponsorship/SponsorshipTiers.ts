import type { CollectionConfig } from 'payload'

import { anyone, permitted } from '../../access/rules'
import { moneyField } from '../../fields/money'
import { slugs } from '../../config/slugs'

/** Tiers (Platinum, Gold, ...) with their benefits; a benefit appears at most once per tier (unique index). */
export const SponsorshipTiers: CollectionConfig<'sponsorship-tiers'> = {
  slug: slugs.sponsorshipTiers,
  admin: { useAsTitle: 'name', group: 'Sponsorship', defaultColumns: ['name', 'order', 'minPrice', 'maxPrice', 'custom'] },
  defaultSort: 'order',
  access: {
    read: anyone,
    create: permitted(slugs.sponsorshipTiers, 'create'),
    update: permitted(slugs.sponsorshipTiers, 'update'),
    delete: permitted(slugs.sponsorshipTiers, 'delete'),
  },
  fields: [
    { name: 'name', type: 'text', required: true, unique: true },
    { name: 'description', type: 'textarea' },
    {
      type: 'row',
      fields: [
        moneyField('minPrice', { defaultValue: undefined, admin: { description: 'Lower end of the price range, minor units.' } }),
        moneyField('maxPrice', {
          defaultValue: undefined,
          admin: { description: 'Upper end, minor units.' },
          validate: (v: unknown, { siblingData }: { siblingData: Record<string, unknown> }) => {
            if (v == null) return true
            if (!Number.isInteger(Number(v)) || Number(v) < 0) return 'maxPrice must be a whole number of minor units, 0 or more.'
            return siblingData.minPrice == null || Number(v) >= Number(siblingData.minPrice) ? true : 'maxPrice must not be below minPrice.'
          },
        }),
        { name: 'currency', type: 'text', defaultValue: 'EUR', maxLength: 3 },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'custom', type: 'checkbox', defaultValue: false },
        { name: 'order', type: 'number', required: true, defaultValue: 0, index: true },
      ],
    },
    {
      name: 'benefits',
      type: 'array',
      dbName: 'tier_benefits',
      admin: { description: 'What this tier includes; each benefit once.' },
      validate: (rows: unknown) => {
        const ids = ((rows as { benefit?: unknown }[] | null) ?? []).map((r) =>
          r.benefit && typeof r.benefit === 'object' ? (r.benefit as { id: string }).id : r.benefit,
        )
        return new Set(ids).size === ids.length ? true : 'A benefit appears at most once per tier.'
      },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'benefit', type: 'relationship', relationTo: slugs.sponsorBenefits, required: true },
            { name: 'quantity', type: 'number', defaultValue: 1, min: 1 },
            { name: 'details', type: 'text' },
          ],
        },
      ],
    },
  ],
  timestamps: true,
}
