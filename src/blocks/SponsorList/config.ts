import type { Block } from 'payload'

/** An event's sponsors by tier, featured first; resolved by the sponsorship layer. */
export const SponsorListBlock: Block = {
  slug: 'sponsorList',
  interfaceName: 'SponsorListBlock',
  fields: [
    { name: 'title', type: 'text' },
    { name: 'event', type: 'relationship', relationTo: 'events' },
    { name: 'limit', type: 'number', defaultValue: 12, min: 1, max: 100 },
  ],
}
