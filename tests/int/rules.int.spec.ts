import type { Payload } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { closePayload, getTestPayload, makeUser, as, unique, type TestUser } from '../helpers/payload'

let payload: Payload
let organizer: TestUser
let editor: TestUser
const sudo = { overrideAccess: true, depth: 0 } as const

beforeAll(async () => {
  payload = await getTestPayload()
  organizer = await makeUser(payload, 'organizer')
  editor = await makeUser(payload, 'editor')
})
afterAll(async () => closePayload(payload))

const event = (extra: Record<string, unknown> = {}) => ({
  title: unique('Rule event'),
  type: 'conference',
  startDate: '2027-09-10T09:00:00Z',
  endDate: '2027-09-10T17:00:00Z',
  timeZone: 'America/New_York',
  ...extra,
})

/** The validation message for `path`, or null when the call succeeded. */
async function rejection(fn: () => Promise<unknown>, path: string): Promise<string | null> {
  try {
    await fn()
    return null
  } catch (err) {
    const e = err as { data?: { errors?: Array<{ path: string; message: string }> }; message: string }
    const hit = e.data?.errors?.find((x) => x.path === path)
    if (!hit) throw err
    return hit.message
  }
}

describe('events', () => {
  it('refuses an end before (or equal to) the start, naming the field', async () => {
    const msg = await rejection(
      () => payload.create({ collection: 'events', data: event({ endDate: '2027-09-10T08:00:00Z' }) as never, ...as(organizer) }),
      'endDate',
    )
    expect(msg).toMatch(/must be after the start/)
    expect(
      await rejection(
        () => payload.create({ collection: 'events', data: event({ endDate: '2027-09-10T09:00:00Z' }) as never, ...as(organizer) }),
        'endDate',
      ),
    ).toMatch(/after/)
  })

  it('refuses an unknown time zone and attendance above capacity', async () => {
    expect(
      await rejection(
        () => payload.create({ collection: 'events', data: event({ timeZone: 'Mars/Olympus' }) as never, ...as(organizer) }),
        'timeZone',
      ),
    ).toMatch(/IANA/)
    expect(
      await rejection(
        () => payload.create({ collection: 'events', data: event({ capacity: 10, currentAttendance: 11 }) as never, ...as(organizer) }),
        'currentAttendance',
      ),
    ).toMatch(/cannot exceed/)
  })

  it('has the database refuse an end before the start even past the Local API', async () => {
    const ev = await payload.create({ collection: 'events', data: event() as never, ...sudo })
    await expect(payload.db.updateOne({ collection: 'events', id: ev.id, data: { endDate: '2000-01-01T00:00:00Z' } })).rejects.toThrow()
  })

  it('sets publishedAt when first published and keeps it afterwards', async () => {
    const ev = await payload.create({ collection: 'events', data: event() as never, ...as(organizer) })
    expect(ev.publishedAt).toBeFalsy()
    const pub = await payload.update({ collection: 'events', id: ev.id, data: { status: 'published' }, ...as(organizer) })
    expect(pub.publishedAt).toBeTruthy()
    await payload.update({ collection: 'events', id: ev.id, data: { status: 'postponed' }, ...as(organizer) })
    const again = await payload.update({ collection: 'events', id: ev.id, data: { status: 'published' }, ...as(organizer) })
    expect(again.publishedAt).toBe(pub.publishedAt)
  })

  it('makes the creating organizer the organizer, whatever they send', async () => {
    const other = await makeUser(payload, 'organizer')
    const ev = await payload.create({ collection: 'events', data: event({ organizer: other.id }) as never, depth: 0, ...as(organizer) })
    expect(ev.organizer).toBe(organizer.id)
  })

  it('keeps schedule items inside the event', async () => {
    const ev = await payload.create({ collection: 'events', data: event() as never, ...as(organizer) })
    const item = (startTime: string, endTime: string) =>
      payload.create({
        collection: 'event-schedules',
        data: { event: ev.id, title: 'Panel', startTime, endTime } as never,
        ...as(organizer),
      })
    await expect(item('2027-09-10T10:00:00Z', '2027-09-10T11:00:00Z')).resolves.toMatchObject({ title: 'Panel' })
    expect(await rejection(() => item('2027-09-10T07:00:00Z', '2027-09-10T08:00:00Z'), 'startTime')).toMatch(/within the event/)
    expect(await rejection(() => item('2027-09-10T11:00:00Z', '2027-09-10T10:00:00Z'), 'endTime')).toMatch(/after the start/)
  })
})

describe('pages: exactly one homepage', () => {
  it('moves the homepage flag, refuses to unflag or delete the homepage', async () => {
    const first = await payload.create({
      collection: 'pages',
      data: { title: unique('Home A'), isHomepage: true, _status: 'published' } as never,
      ...as(editor),
    })
    const second = await payload.create({
      collection: 'pages',
      data: { title: unique('Home B'), isHomepage: true, _status: 'published' } as never,
      ...as(editor),
    })
    const homes = await payload.find({ collection: 'pages', where: { isHomepage: { equals: true } }, ...sudo })
    expect(homes.docs.map((d) => d.id)).toEqual([second.id])
    expect((await payload.findByID({ collection: 'pages', id: first.id, ...sudo })).isHomepage).toBe(false)
    expect(
      await rejection(
        () =>
          payload.update({ collection: 'pages', id: second.id, data: { isHomepage: false, _status: 'published' } as never, ...as(editor) }),
        'isHomepage',
      ),
    ).toMatch(/another page/)
    await expect(payload.delete({ collection: 'pages', id: second.id, ...as(editor) })).rejects.toThrow(/homepage cannot be deleted/)
  })

  it('leaves the homepage alone while a new one is only a draft', async () => {
    const current = (await payload.find({ collection: 'pages', where: { isHomepage: { equals: true } }, ...sudo })).docs[0]
    const page = await payload.create({ collection: 'pages', data: { title: unique('Draft home') } as never, draft: true, ...as(editor) })
    await payload.update({ collection: 'pages', id: page.id, data: { isHomepage: true } as never, draft: true, ...as(editor) })
    const homes = await payload.find({ collection: 'pages', where: { isHomepage: { equals: true } }, ...sudo })
    expect(homes.docs.map((d) => d.id)).toEqual([current.id])
  })
})

describe('venues: section capacities', () => {
  const venue = (capacity: number) =>
    payload.create({
      collection: 'venues',
      data: { name: unique('Hall'), address: '1 St', city: 'Paris', country: 'France', capacity } as never,
      ...as(organizer),
    })
  const section = (venueId: string, capacity: number, name = unique('Sec')) =>
    payload.create({
      collection: 'venue-sections',
      data: { venue: venueId, name, capacity, sectionType: 'general' } as never,
      ...as(organizer),
    })

  it('refuses sections that together exceed the venue, and says how much is left', async () => {
    const v = await venue(100)
    await section(v.id, 60)
    expect(await rejection(() => section(v.id, 41), 'capacity')).toMatch(/at most 40/)
    await expect(section(v.id, 40)).resolves.toBeTruthy()
  })

  it('lets only one of two concurrent sections through when both would not fit', async () => {
    const v = await venue(100)
    const results = await Promise.allSettled([section(v.id, 70), section(v.id, 70)])
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    const total = (await payload.find({ collection: 'venue-sections', where: { venue: { equals: v.id } }, ...sudo })).docs.reduce(
      (s, d) => s + Number(d.capacity),
      0,
    )
    expect(total).toBe(70)
  })

  it('refuses lowering the venue below what its sections hold', async () => {
    const v = await venue(100)
    await section(v.id, 80)
    expect(
      await rejection(() => payload.update({ collection: 'venues', id: v.id, data: { capacity: 50 }, ...as(organizer) }), 'capacity'),
    ).toMatch(/below the 80/)
    await expect(payload.update({ collection: 'venues', id: v.id, data: { capacity: 80 }, ...as(organizer) })).resolves.toBeTruthy()
  })

  it('keeps section names unique per venue and seats unique per row and number', async () => {
    const v = await venue(100)
    const s = await section(v.id, 10, 'Front')
    await expect(section(v.id, 10, 'Front')).rejects.toThrow()
    const other = await venue(100)
    await expect(section(other.id, 10, 'Front')).resolves.toBeTruthy()
    const seat = () =>
      payload.create({ collection: 'venue-seats', data: { section: s.id, rowName: 'A', seatNumber: '7' } as never, ...as(organizer) })
    expect((await seat()).label).toBe('A-7')
    await expect(seat()).rejects.toThrow()
  })

  it('checks latitude and longitude ranges', async () => {
    expect(
      await rejection(
        () =>
          payload.create({
            collection: 'venues',
            data: { name: unique('Geo'), address: 'a', city: 'c', country: 'x', latitude: 91 } as never,
            ...as(organizer),
          }),
        'latitude',
      ),
    ).toMatch(/between -90 and 90/)
  })
})

describe('media', () => {
  const file = async () => {
    const data = await sharp({ create: { width: 2000, height: 1200, channels: 3, background: '#123456' } })
      .jpeg()
      .toBuffer()
    return { data, mimetype: 'image/jpeg', name: `${unique('photo')}.jpg`, size: data.length }
  }

  it('requires alt text for images', async () => {
    expect(
      await rejection(async () => payload.create({ collection: 'media', data: {} as never, file: await file(), ...as(editor) }), 'alt'),
    ).toMatch(/Alt text is required/)
  })

  it('stores dimensions, webp sizes and the uploader', async () => {
    const doc = await payload.create({
      collection: 'media',
      data: { alt: 'A blue square', uploadedBy: organizer.id } as never,
      file: await file(),
      depth: 0,
      ...as(editor),
    })
    expect(doc.width).toBe(2000)
    expect(doc.height).toBe(1200)
    expect(doc.uploadedBy).toBe(editor.id)
    expect(doc.sizes?.thumbnail?.mimeType).toBe('image/webp')
    expect(doc.sizes?.card?.width).toBe(768)
    expect(doc.sizes?.hero?.width).toBe(1920)
  })
})
