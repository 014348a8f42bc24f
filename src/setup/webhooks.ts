/**
 * What the webhooks plugin watches, and who may see each event (see plugins/webhooks/outbox.ts):
 * public documents go to every subscriber; the rest to admins and the organizer concerned.
 */
import type { PayloadRequest } from 'payload'

import { slugs } from '../config/slugs'
import { queryFor } from '../db/sql'
import { idOf } from '../fields/idOf'
import type { WebhooksOptions } from '../plugins/webhooks'

type Doc = Record<string, unknown>
const became = (field: string, value: string) => ({ doc, previousDoc }: { doc: Doc; previousDoc?: Doc }) => doc[field] === value && previousDoc?.[field] !== value

const organizerOfEvent = async (req: PayloadRequest, event: unknown) => {
  const id = idOf(event)
  if (!id) return null
  const run = await queryFor(req)
  const [row] = await run<{ organizer_id: string | null }>(`SELECT organizer_id FROM events WHERE id = $1::uuid`, [id])
  return row?.organizer_id ?? null
}

export const webhookOptions: WebhooksOptions = {
  collections: {
    [slugs.events]: {
      generic: true,
      derive: (a) => {
        if (a.operation === 'delete') return []
        const out: string[] = []
        if (became('status', 'published')(a)) out.push('event.published')
        if (became('status', 'cancelled')(a)) out.push('event.cancelled')
        if (a.operation === 'update') out.push('event.updated')
        return out
      },
      audience: (doc) => ({ public: doc.status === 'published' || doc.status === 'cancelled', organizer: idOf(doc.organizer) }),
    },
    [slugs.designers]: {
      derive: (a) => (a.operation !== 'delete' && became('status', 'active')(a) ? ['designer.published'] : []),
      audience: (doc) => ({ public: doc.status === 'active' }),
    },
    [slugs.sponsorships]: {
      derive: (a) => (a.operation !== 'delete' && became('status', 'approved')(a) ? ['sponsorship.approved'] : []),
      // Amounts and contracts stay out of the payload.
      data: (doc) => ({ id: doc.id, sponsor: idOf(doc.sponsor), event: idOf(doc.event), tier: idOf(doc.tier), customTierName: doc.customTierName, status: doc.status, featured: doc.featured, startDate: doc.startDate, endDate: doc.endDate, approvedAt: doc.approvedAt }),
      audience: async (doc, req) => ({ organizer: await organizerOfEvent(req, doc.event) }),
    },
    [slugs.venues]: { generic: true, audience: (doc) => ({ public: doc.status === 'active', organizer: idOf(doc.manager) }) },
    [slugs.ticketTypes]: { generic: true, audience: async (doc, req) => ({ organizer: await organizerOfEvent(req, doc.event) }) },
    [slugs.sponsors]: { generic: true, audience: (doc) => ({ public: doc.status === 'active' }) },
    [slugs.fashionCollections]: { generic: true, audience: (doc) => ({ public: doc.status === 'published' }) },
  },
}
