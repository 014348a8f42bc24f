import type { Payload } from 'payload'

import { unique } from './payload'

const sudo = { overrideAccess: true, depth: 0 } as const

export async function makeEvent(payload: Payload, organizerId: string, extra: Record<string, unknown> = {}) {
  return payload.create({
    collection: 'events',
    data: {
      title: unique('Ticketed'),
      type: 'fashion_show',
      status: 'published',
      startDate: '2030-05-01T18:00:00Z',
      endDate: '2030-05-01T22:00:00Z',
      timeZone: 'Europe/Paris',
      organizer: organizerId,
      ...extra,
    } as never,
    ...sudo,
  })
}

export async function makeTicketType(payload: Payload, eventId: string, extra: Record<string, unknown> = {}) {
  return payload.create({
    collection: 'ticket-types',
    data: {
      event: eventId,
      name: unique('General'),
      price: 2500,
      currency: 'EUR',
      capacity: 50,
      maxPerOrder: 10,
      tier: 'general',
      active: true,
      ...extra,
    } as never,
    ...sudo,
  })
}

export async function makeCode(payload: Payload, extra: Record<string, unknown> = {}) {
  return payload.create({
    collection: 'discount-codes',
    data: {
      code: unique('CODE')
        .replace(/[^A-Za-z0-9_-]/g, '')
        .slice(0, 36),
      kind: 'percentage',
      value: 10,
      appliesTo: 'all',
      active: true,
      ...extra,
    } as never,
    ...sudo,
  })
}

/** An active venue managed by `managerId`. */
export async function makeVenue(payload: Payload, managerId: string, extra: Record<string, unknown> = {}) {
  return payload.create({
    collection: 'venues',
    data: {
      name: unique('Hall'),
      address: '1 Rue',
      city: 'Paris',
      country: 'France',
      capacity: 500,
      status: 'active',
      manager: managerId,
      ...extra,
    } as never,
    ...sudo,
  })
}

/** A section of a venue (seats are added with POST /venue-sections/:id/generate-seats). */
export async function makeSection(payload: Payload, venueId: string | number, extra: Record<string, unknown> = {}) {
  return payload.create({
    collection: 'venue-sections',
    data: { venue: venueId, name: unique('Section'), capacity: 40, sectionType: 'general', priceMultiplier: 1, ...extra } as never,
    ...sudo,
  })
}
