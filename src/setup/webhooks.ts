/**
 * What the webhooks plugin watches, and who may see each event (see plugins/webhooks/outbox.ts):
 * public documents go to every subscriber; the rest to admins and the organizer concerned.
 */
import type { PayloadRequest } from 'payload'

import { slugs } from '../config/slugs'
import { queryFor } from '../db/sql'
import { idOf } from '../fields/idOf'
import { can, getPrincipal } from '../access/principal'
import { SUPERUSER_ROLE } from '../access/vocabulary'
import { decryptValue } from '../plugins/field-encryption'
import type { WebhooksOptions } from '../plugins/webhooks'
import { organizerOf } from '../domain/ticketing/organizer'

type Doc = Record<string, unknown>
const became =
  (field: string, value: string) =>
  ({ doc, previousDoc }: { doc: Doc; previousDoc?: Doc }) =>
    doc[field] === value && previousDoc?.[field] !== value

const organizerOfEvent = async (req: PayloadRequest, event: unknown) => {
  const id = idOf(event)
  if (!id) return null
  return organizerOf(await queryFor(req), id)
}

/** The domain events the app records itself (orders, check-in, derived from changes). */
export const DOMAIN_EVENTS = [
  'order.completed',
  'order.refunded',
  'order.cancelled',
  'order.partially_refunded',
  'order.refunded_unfulfilled',
  'order.disputed',
  'ticket.checked_in',
  'waitlist.offered',
  'waitlist.claimed',
  'event.published',
  'event.updated',
  'event.cancelled',
  'designer.published',
  'sponsorship.approved',
] as const

export const webhookOptions: WebhooksOptions = {
  eventTypes: DOMAIN_EVENTS,
  ownerCollection: slugs.users,
  isAdministrator: async (req) => Boolean((await getPrincipal(req))?.superuser),
  canManage: async (req) => can(await getPrincipal(req), 'webhooks', 'manage'),
  // Administrators' hooks receive every event (see the outbox's audience rule).
  ownerSeesAll: (owner) =>
    `EXISTS (SELECT 1 FROM users_rels ur JOIN roles r ON r.id = ur.roles_id WHERE ur.parent_id = ${owner} AND ur.path = 'roles' AND r.name = '${SUPERUSER_ROLE}')`,
  // The signing secret is encrypted at rest by the field-encryption plugin (payload.config.ts).
  readSecret: (stored) => String(decryptValue(stored) ?? ''),
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
      data: (doc) => ({
        id: doc.id,
        sponsor: idOf(doc.sponsor),
        event: idOf(doc.event),
        tier: idOf(doc.tier),
        customTierName: doc.customTierName,
        status: doc.status,
        featured: doc.featured,
        startDate: doc.startDate,
        endDate: doc.endDate,
        approvedAt: doc.approvedAt,
      }),
      audience: async (doc, req) => ({ organizer: await organizerOfEvent(req, doc.event) }),
    },
    [slugs.venues]: { generic: true, audience: (doc) => ({ public: doc.status === 'active', organizer: idOf(doc.manager) }) },
    [slugs.ticketTypes]: { generic: true, audience: async (doc, req) => ({ organizer: await organizerOfEvent(req, doc.event) }) },
    [slugs.sponsors]: { generic: true, audience: (doc) => ({ public: doc.status === 'active' }) },
    [slugs.fashionCollections]: { generic: true, audience: (doc) => ({ public: doc.status === 'published' }) },
  },
}
