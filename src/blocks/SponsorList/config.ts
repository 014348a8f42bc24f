import type { Block } from 'payload'

import { resolveSponsors } from './resolve'

/** An event's sponsors by tier, featured first; resolved on read (`resolvedSponsors`). */
export const SponsorListBlock: Block = {
  slug: 'sponsorList',
  interfaceName: 'SponsorListBlock',
  fields: [
    { name: 'title', type: 'text' },
    { name: 'event', type: 'relationship', relationTo: 'events' },
    { name: 'limit', type: 'number', defaultValue: 12, min: 1, max: 100 },
    {
      name: 'resolvedSponsors',
      type: 'json',
      virtual: true,
      admin: { readOnly: true, hidden: true },
      hooks: { afterRead: [resolveSponsors] },
    },
  ],
}
