import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { closePayload, getTestPayload, makeUser, as, unique, type TestUser } from '../helpers/payload'

let payload: Payload
let organizer: TestUser

const eventData = (title: string, extra: Record<string, unknown> = {}) => ({
  title,
  type: 'workshop',
  startDate: '2027-03-01T10:00:00.000Z',
  endDate: '2027-03-01T12:00:00.000Z',
  timeZone: 'Europe/Paris',
  ...extra,
})

beforeAll(async () => {
  payload = await getTestPayload()
  organizer = await makeUser(payload, 'organizer')
})
afterAll(async () => closePayload(payload))

describe('generateSlug', () => {
  it('derives the slug from the title and suffixes collisions -1, -2', async () => {
    const title = `Spring Show ${unique('s')}`
    const a = await payload.create({ collection: 'events', data: eventData(title) as never, ...as(organizer) })
    const b = await payload.create({ collection: 'events', data: eventData(title) as never, ...as(organizer) })
    const c = await payload.create({ collection: 'events', data: eventData(title) as never, ...as(organizer) })
    expect(b.slug).toBe(`${a.slug}-1`)
    expect(c.slug).toBe(`${a.slug}-2`)
    expect(a.slug).toMatch(/^spring-show-/)
  })

  it('keeps the slug when the title changes, and regenerates it when cleared', async () => {
    const ev = await payload.create({ collection: 'events', data: eventData(`Défilé Été ${unique('x')}`) as never, ...as(organizer) })
    expect(ev.slug).toMatch(/^defile-ete-/)
    const renamed = await payload.update({ collection: 'events', id: ev.id, data: { title: 'Something else' }, ...as(organizer) })
    expect(renamed.slug).toBe(ev.slug)
    const cleared = await payload.update({ collection: 'events', id: ev.id, data: { slug: '' }, ...as(organizer) })
    expect(cleared.slug).toMatch(/^something-else/)
  })

  it('normalises and de-duplicates a slug an editor types', async () => {
    const base = unique('typed')
    const a = await payload.create({ collection: 'events', data: eventData('A', { slug: `${base}` }) as never, ...as(organizer) })
    const b = await payload.create({
      collection: 'events',
      data: eventData('B', { slug: `  ${base.toUpperCase()} ` }) as never,
      ...as(organizer),
    })
    expect(a.slug).toBe(base)
    expect(b.slug).toBe(`${base}-1`)
  })
})
