import type { Payload } from 'payload'
import type { Pool } from 'pg'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { poolOf } from '../../src/db/pool'
import { apiClient, awayFromMinuteEdge, type Api } from '../helpers/rest'
import { as, closePayload, getTestPayload, makeUser, unique, type TestUser } from '../helpers/payload'
import { makeEvent } from '../helpers/ticketing'

let payload: Payload
let api: Api
let pool: Pool
let designerUser: TestUser
let otherDesignerUser: TestUser
let organizer: TestUser
let otherOrganizer: TestUser
let modelUser: TestUser
let admin: TestUser
const fx: Record<string, string> = {}
const sudo = { overrideAccess: true, depth: 0 } as const
const mk = async (collection: string, data: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  String(((await payload.create({ collection, data, ...sudo, ...extra } as never)) as { id: string }).id)
const png = async (color = '#336699') => {
  const data = await sharp({ create: { width: 60, height: 80, channels: 3, background: color } })
    .png()
    .toBuffer()
  return { data, mimetype: 'image/png', name: `${unique('look')}.png`, size: data.length }
}
const media = async () => mk('media', { alt: 'A look' }, { file: await png() })

/** Counts the SQL statements the pool runs while `fn` runs. */
async function countQueries<T>(fn: () => Promise<T>): Promise<{ result: T; queries: number }> {
  const original = pool.query.bind(pool)
  let queries = 0
  ;(pool as unknown as { query: unknown }).query = (...args: unknown[]) => {
    queries++
    return (original as (...a: unknown[]) => unknown)(...args)
  }
  try {
    return { result: await fn(), queries }
  } finally {
    ;(pool as unknown as { query: unknown }).query = original
  }
}

beforeAll(async () => {
  payload = await getTestPayload()
  api = apiClient(payload.config)
  pool = poolOf(payload)
  designerUser = await makeUser(payload, 'designer')
  otherDesignerUser = await makeUser(payload, 'designer')
  organizer = await makeUser(payload, 'organizer')
  otherOrganizer = await makeUser(payload, 'organizer')
  modelUser = await makeUser(payload, 'attendee', { userType: 'model' })
  admin = await makeUser(payload, 'admin')
  fx.designer = await mk('designers', {
    name: unique('Maison Aurore'),
    brand: 'Aurore',
    status: 'active',
    featured: true,
    user: designerUser.id,
  })
  fx.otherDesigner = await mk('designers', { name: unique('Atelier Noir'), status: 'active', user: otherDesignerUser.id })
  fx.pendingDesigner = await mk('designers', { name: unique('Pending Studio'), status: 'pending' })
  fx.collection = await mk('fashion-collections', {
    designer: fx.designer,
    name: 'Lumiere',
    season: 'spring',
    year: 2027,
    status: 'published',
    releaseDate: '2027-02-01T00:00:00Z',
  })
  fx.draftCollection = await mk('fashion-collections', {
    designer: fx.designer,
    name: 'Secret',
    season: 'fall',
    year: 2027,
    status: 'draft',
  })
  fx.otherCollection = await mk('fashion-collections', { designer: fx.otherDesigner, name: 'Nuit', status: 'published' })
  fx.item = await mk('fashion-items', { collection: fx.collection, name: 'Silk gown', type: 'dress', displayOrder: 2 })
  fx.item2 = await mk('fashion-items', { collection: fx.collection, name: 'Cropped jacket', type: 'outerwear', displayOrder: 1 })
  fx.event = String((await makeEvent(payload, organizer.id, { startDate: '2030-03-01T17:00:00Z', endDate: '2030-03-01T23:00:00Z' })).id)
  fx.venue = await mk('venues', { name: unique('Hall'), address: '1 Quai', city: 'Paris', country: 'France' })
  fx.model = await mk('models', { name: unique('Ines'), agency: 'Elite', status: 'active', user: modelUser.id })
  fx.model2 = await mk('models', { name: unique('Kofi'), status: 'active' })
  fx.show = await mk('runway-shows', {
    title: 'Lumiere show',
    collection: fx.collection,
    event: fx.event,
    venue: fx.venue,
    showDate: '2030-03-01T19:00:00Z',
    durationMinutes: 40,
    status: 'scheduled',
  })
  fx.seg1 = await mk('runway-segments', {
    show: fx.show,
    name: 'Opening',
    order: 1,
    startTime: '2030-03-01T19:00:00Z',
    durationMinutes: 10,
  })
  fx.seg2 = await mk('runway-segments', {
    show: fx.show,
    name: 'Evening',
    order: 2,
    startTime: '2030-03-01T19:10:00Z',
    durationMinutes: 10,
  })
  fx.seg3 = await mk('runway-segments', {
    show: fx.show,
    name: 'Overlap',
    order: 3,
    startTime: '2030-03-01T19:05:00Z',
    durationMinutes: 10,
  })
})
afterAll(async () => closePayload(payload))

describe('slugs', () => {
  it('builds a collection slug from designer, name, season and year, with a collision suffix', async () => {
    const c = await payload.findByID({ collection: 'fashion-collections', id: fx.collection, ...sudo })
    const designer = await payload.findByID({ collection: 'designers', id: fx.designer, ...sudo })
    expect(c.slug).toBe(`${designer.slug}-lumiere-spring-2027`)
    const again = await mk('fashion-collections', { designer: fx.designer, name: 'Lumiere', season: 'spring', year: 2027, status: 'draft' })
    expect((await payload.findByID({ collection: 'fashion-collections', id: again, ...sudo })).slug).toBe(`${c.slug}-1`)
    const renamed = await payload.update({ collection: 'fashion-collections', id: again, data: { name: 'Other' }, ...sudo })
    expect(renamed.slug).toBe(`${c.slug}-1`)
  })
})

describe('item images', () => {
  it('makes the first image primary and keeps exactly one primary under two concurrent "make primary" calls', async () => {
    const item = await mk('fashion-items', { collection: fx.collection, name: unique('Coat'), type: 'outerwear' })
    const first = await mk('fashion-item-images', { item, media: await media(), displayOrder: 0 })
    const b = await mk('fashion-item-images', { item, media: await media(), displayOrder: 1 })
    const c = await mk('fashion-item-images', { item, media: await media(), displayOrder: 2 })
    expect((await payload.findByID({ collection: 'fashion-item-images', id: first, ...sudo })).isPrimary).toBe(true)
    await Promise.all(
      [b, c].map((id) => payload.update({ collection: 'fashion-item-images', id, data: { isPrimary: true }, ...as(designerUser) })),
    )
    const { rows } = await pool.query('SELECT id FROM fashion_item_images WHERE item_id = $1 AND is_primary', [item])
    expect(rows).toHaveLength(1)
    expect([b, c]).toContain(rows[0].id)
    await payload.delete({ collection: 'fashion-item-images', id: rows[0].id, ...as(designerUser) })
    const after = await pool.query('SELECT id FROM fashion_item_images WHERE item_id = $1 AND is_primary', [item])
    expect(after.rows.map((r) => r.id)).toEqual([first])
  })
})

describe('runway rules', () => {
  it('keeps segment order unique per show and appearance order unique per segment', async () => {
    await expect(mk('runway-segments', { show: fx.show, name: 'Dup', order: 1 })).rejects.toThrow()
    const seg = await mk('runway-segments', { show: fx.show, name: 'Finale', order: 9 })
    await mk('runway-appearances', { segment: seg, order: 1, model: fx.model2 })
    await expect(mk('runway-appearances', { segment: seg, order: 1, model: fx.model })).rejects.toThrow()
  })

  it('refuses a model walking twice at overlapping times, and allows it when the times do not overlap', async () => {
    await mk('runway-appearances', { segment: fx.seg1, order: 1, model: fx.model, item: fx.item })
    const overlap = { data: { errors: [{ path: 'model', message: expect.stringMatching(/overlapping/) }] } }
    await expect(mk('runway-appearances', { segment: fx.seg1, order: 2, model: fx.model })).rejects.toMatchObject(overlap)
    await expect(mk('runway-appearances', { segment: fx.seg3, order: 1, model: fx.model })).rejects.toMatchObject(overlap)
    await expect(mk('runway-appearances', { segment: fx.seg2, order: 1, model: fx.model, item: fx.item2 })).resolves.toBeTruthy()
  })

  it('lets only one of two concurrent bookings of a model into overlapping segments', async () => {
    const model = await mk('models', { name: unique('Rapid'), status: 'active' })
    const seg = await mk('runway-segments', {
      show: fx.show,
      name: 'Rush',
      order: 20,
      startTime: '2030-03-01T20:00:00Z',
      durationMinutes: 10,
    })
    const seg2 = await mk('runway-segments', {
      show: fx.show,
      name: 'Rush 2',
      order: 21,
      startTime: '2030-03-01T20:05:00Z',
      durationMinutes: 10,
    })
    const results = await Promise.allSettled([
      mk('runway-appearances', { segment: seg, order: 1, model }),
      mk('runway-appearances', { segment: seg2, order: 1, model }),
    ])
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
  })

  it('keeps the show inside its event, attendance within capacity, and price ranges ordered', async () => {
    await expect(
      mk('runway-shows', { title: 'Late', collection: fx.collection, event: fx.event, venue: fx.venue, showDate: '2030-03-02T19:00:00Z' }),
    ).rejects.toMatchObject({
      data: { errors: [{ path: 'showDate', message: expect.stringMatching(/within the event/) }] },
    })
    await expect(
      mk('runway-shows', {
        title: 'Full',
        collection: fx.collection,
        event: fx.event,
        venue: fx.venue,
        showDate: '2030-03-01T19:00:00Z',
        capacity: 10,
        attendance: 11,
      }),
    ).rejects.toThrow()
    await expect(
      mk('fashion-items', { collection: fx.collection, name: 'X', type: 'top', priceMin: 5000, priceMax: 1000 }),
    ).rejects.toThrow()
  })
})

describe('access', () => {
  it('lets a designer edit their own profile, collections, items and images, and nothing of another designer', async () => {
    await expect(
      payload.update({ collection: 'designers', id: fx.designer, data: { bio: 'Mine' }, ...as(designerUser) }),
    ).resolves.toBeTruthy()
    await expect(
      payload.update({ collection: 'designers', id: fx.otherDesigner, data: { bio: 'Theirs' }, ...as(designerUser) }),
    ).rejects.toThrow()
    await expect(
      payload.update({ collection: 'fashion-collections', id: fx.collection, data: { description: 'x' }, ...as(designerUser) }),
    ).resolves.toBeTruthy()
    await expect(
      payload.update({ collection: 'fashion-collections', id: fx.otherCollection, data: { description: 'x' }, ...as(designerUser) }),
    ).rejects.toThrow()
    await expect(
      payload.create({
        collection: 'fashion-collections',
        data: { designer: fx.otherDesigner, name: 'Sneaky' } as never,
        ...as(designerUser),
      }),
    ).rejects.toThrow()
    await expect(
      payload.create({
        collection: 'fashion-items',
        data: { collection: fx.otherCollection, name: 'Sneaky', type: 'top' } as never,
        ...as(designerUser),
      }),
    ).rejects.toThrow()
    await expect(
      payload.create({
        collection: 'fashion-items',
        data: { collection: fx.collection, name: 'Mine', type: 'top' } as never,
        ...as(designerUser),
      }),
    ).resolves.toBeTruthy()
    await expect(
      payload.create({
        collection: 'runway-shows',
        data: { title: 'No', collection: fx.collection, event: fx.event, venue: fx.venue, showDate: '2030-03-01T19:00:00Z' } as never,
        ...as(designerUser),
      }),
    ).rejects.toThrow()
  })

  it('does not let a designer feature, verify or activate themselves', async () => {
    const me = await makeUser(payload, 'designer')
    const d = await payload.create({
      collection: 'designers',
      data: { name: unique('Self'), status: 'active', featured: true, verified: true } as never,
      ...as(me),
    })
    const stored = await payload.findByID({ collection: 'designers', id: d.id, ...sudo })
    expect([stored.status, stored.featured, stored.verified, stored.user]).toEqual(['pending', false, false, me.id])
  })

  it('shows the public active designers, published collections and their items, and public shows', async () => {
    expect((await api.get(`/designers/${fx.designer}`)).status).toBe(200)
    expect((await api.get(`/designers/${fx.pendingDesigner}`)).status).toBe(404)
    expect((await api.get(`/fashion-collections/${fx.draftCollection}`)).status).toBe(404)
    expect((await api.get(`/fashion-items/${fx.item}`)).status).toBe(200)
    expect((await api.get(`/runway-shows/${fx.show}`)).status).toBe(200)
    const designerToken = await api.login(designerUser.email, 'Correct-Horse-9')
    expect((await api.get(`/fashion-collections/${fx.draftCollection}`, designerToken)).status).toBe(200)
  })

  it('lets organizers manage the shows of their own events only', async () => {
    await expect(payload.update({ collection: 'runway-shows', id: fx.show, data: { notes: 'ok' }, ...as(organizer) })).resolves.toBeTruthy()
    await expect(
      payload.update({ collection: 'runway-shows', id: fx.show, data: { notes: 'no' }, ...as(otherOrganizer) }),
    ).rejects.toThrow()
    await expect(
      payload.create({ collection: 'runway-segments', data: { show: fx.show, name: 'Theirs', order: 50 } as never, ...as(otherOrganizer) }),
    ).rejects.toThrow()
    await expect(
      payload.create({ collection: 'runway-segments', data: { show: fx.show, name: 'Mine', order: 51 } as never, ...as(organizer) }),
    ).resolves.toBeTruthy()
  })

  it('shows a model only their own appearances, the organizer all of their show', async () => {
    const mine = await payload.find({ collection: 'runway-appearances', pagination: false, depth: 0, ...as(modelUser) })
    expect(mine.docs.length).toBeGreaterThan(0)
    expect(mine.docs.every((a) => a.model === fx.model)).toBe(true)
    const organizers = await payload.find({ collection: 'runway-appearances', pagination: false, depth: 0, ...as(organizer) })
    expect(organizers.docs.length).toBeGreaterThan(mine.docs.length)
    expect((await payload.find({ collection: 'runway-appearances', ...as(otherOrganizer) })).docs).toHaveLength(0)
    expect((await payload.find({ collection: 'runway-appearances', ...as(null) }).catch(() => ({ docs: [] }))).docs).toHaveLength(0)
  })
})

describe('endpoints', () => {
  it('GET /api/designers/featured: featured active designers with their 3 latest published collections, nulls last', async () => {
    for (const [name, date] of [
      ['A', '2026-01-01T00:00:00Z'],
      ['B', '2027-06-01T00:00:00Z'],
      ['C', null],
      ['D', '2025-01-01T00:00:00Z'],
    ] as const) {
      await mk('fashion-collections', { designer: fx.designer, name: `Line ${name}`, status: 'published', releaseDate: date })
    }
    const res = await api.get('/designers/featured')
    expect(res.status).toBe(200)
    const d = res.body.designers.find((x: { id: string }) => x.id === fx.designer)
    expect(d.latestCollections.map((c: { name: string }) => c.name)).toEqual(['Line B', 'Lumiere', 'Line A'])
    expect(res.body.designers.some((x: { id: string }) => x.id === fx.otherDesigner)).toBe(false)
    const before = await countQueries(() => api.get('/designers/featured'))
    for (let n = 0; n < 5; n++) {
      const d = await mk('designers', { name: unique('Featured'), status: 'active', featured: true })
      await mk('fashion-collections', { designer: d, name: 'One', status: 'published' })
    }
    const after = await countQueries(() => api.get('/designers/featured'))
    expect(after.result.body.designers.length).toBeGreaterThanOrEqual(res.body.designers.length + 5)
    expect(after.queries).toBe(before.queries)
  })

  it('GET /api/fashion-collections/by-slug/:slug/full: items by display order, images primary first, shows; a fixed number of queries', async () => {
    const c = await payload.findByID({ collection: 'fashion-collections', id: fx.collection, ...sudo })
    await mk('fashion-item-images', { item: fx.item, media: await media(), displayOrder: 5 })
    const primaryLater = await mk('fashion-item-images', { item: fx.item, media: await media(), displayOrder: 9 })
    await payload.update({ collection: 'fashion-item-images', id: primaryLater, data: { isPrimary: true }, ...sudo })
    const small = await countQueries(() => api.get(`/fashion-collections/by-slug/${c.slug}/full`))
    expect(small.result.status).toBe(200)
    const body = small.result.body
    expect(body.designer.id).toBe(fx.designer)
    const names = body.items.map((i: { name: string }) => i.name)
    expect(names.indexOf('Cropped jacket')).toBeLessThan(names.indexOf('Silk gown'))
    const orders = body.items.map((i: { displayOrder: number }) => i.displayOrder)
    expect(orders).toEqual([...orders].sort((a: number, b: number) => a - b))
    const gown = body.items.find((i: { name: string }) => i.name === 'Silk gown')
    expect(gown.images[0]).toMatchObject({ id: primaryLater, isPrimary: true })
    expect(body.runwayShows.map((s: { id: string }) => s.id)).toContain(fx.show)
    for (let n = 0; n < 10; n++) {
      const it = await mk('fashion-items', { collection: fx.collection, name: unique('Extra'), type: 'accessory', displayOrder: 100 + n })
      await mk('fashion-item-images', { item: it, media: await media() })
    }
    const big = await countQueries(() => api.get(`/fashion-collections/by-slug/${c.slug}/full`))
    expect(big.result.body.items.length).toBeGreaterThanOrEqual(12)
    expect(big.queries).toBe(small.queries)
    expect(small.queries).toBeLessThanOrEqual(2)
    expect((await api.get(`/fashion-collections/by-slug/nope-${Date.now()}/full`)).status).toBe(404)
  })

  it('GET /api/runway-shows/upcoming: scheduled and in-progress shows with collection, designer, venue and event', async () => {
    const res = await api.get('/runway-shows/upcoming?limit=50')
    const show = res.body.shows.find((s: { id: string }) => s.id === fx.show)
    expect(show).toMatchObject({
      status: 'scheduled',
      collection: { id: fx.collection, season: 'spring', year: 2027 },
      designer: { id: fx.designer, brand: 'Aurore' },
      venue: { id: fx.venue, city: 'Paris' },
    })
    expect(show.event.id).toBe(fx.event)
    expect((await api.get('/runway-shows/upcoming?limit=0')).status).toBe(400)
    const one = await countQueries(() => api.get('/runway-shows/upcoming?limit=1'))
    const many = await countQueries(() => api.get('/runway-shows/upcoming?limit=100'))
    expect(many.queries).toBe(one.queries)
  })

  it('GET /api/runway-shows/:id/run-of-show: segments and appearances in order, for the organizer only', async () => {
    const orgToken = await api.login(organizer.email, 'Correct-Horse-9')
    const res = await api.get(`/runway-shows/${fx.show}/run-of-show`, orgToken)
    expect(res.status).toBe(200)
    const orders = res.body.segments.map((s: { order: number }) => s.order)
    expect(orders).toEqual([...orders].sort((a: number, b: number) => a - b))
    const opening = res.body.segments.find((s: { name: string }) => s.name === 'Opening')
    expect(opening.appearances[0]).toMatchObject({ model: { name: expect.stringMatching(/^Ines/) }, item: { name: 'Silk gown' } })
    expect(typeof opening.appearances[0].item.primaryImage).toBe('string')
    const before = await countQueries(() => api.get(`/runway-shows/${fx.show}/run-of-show`, orgToken))
    const seg = await mk('runway-segments', { show: fx.show, name: 'Count', order: 77 })
    for (let i = 0; i < 6; i++)
      await mk('runway-appearances', {
        segment: seg,
        order: i,
        model: await mk('models', { name: unique('C'), status: 'active' }),
        item: fx.item,
      })
    const after = await countQueries(() => api.get(`/runway-shows/${fx.show}/run-of-show`, orgToken))
    expect(after.queries).toBe(before.queries)
    expect((await api.get(`/runway-shows/${fx.show}/run-of-show`, await api.login(otherOrganizer.email, 'Correct-Horse-9'))).status).toBe(
      404,
    )
    expect((await api.get(`/runway-shows/${fx.show}/run-of-show`)).status).toBe(401)
  })

  it("reorders a segment's appearances in one go", async () => {
    const seg = await mk('runway-segments', { show: fx.show, name: 'Reorder', order: 30 })
    const ids = []
    for (let i = 0; i < 3; i++)
      ids.push(
        await mk('runway-appearances', { segment: seg, order: i, model: await mk('models', { name: unique('M'), status: 'active' }) }),
      )
    const token = await api.login(organizer.email, 'Correct-Horse-9')
    const res = await api.post(`/runway-segments/${seg}/reorder`, { appearances: [ids[2], ids[0], ids[1]] }, token)
    expect(res.status).toBe(200)
    const { rows } = await pool.query('SELECT id FROM runway_appearances WHERE segment_id = $1 ORDER BY "order"', [seg])
    expect(rows.map((r) => r.id)).toEqual([ids[2], ids[0], ids[1]])
    expect((await api.post(`/runway-segments/${seg}/reorder`, { appearances: [ids[0]] }, token)).status).toBe(422)
  })

  it("POST /api/designers/:id/track counts atomically into today's row, and only the designer and admins read it", async () => {
    const designer = await mk('designers', {
      name: unique('Tracked'),
      status: 'active',
      user: otherDesignerUser.id === designerUser.id ? undefined : undefined,
    })
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        api.call('POST', `/designers/${designer}/track`, {
          body: { kind: i % 2 ? 'profile_view' : 'share' },
          headers: { 'x-forwarded-for': `10.0.0.${i}` },
        }),
      ),
    )
    expect(results.every((r) => r.status === 202)).toBe(true)
    const { rows } = await pool.query('SELECT profile_views, shares FROM designer_analytics WHERE designer_id = $1', [designer])
    expect(rows).toHaveLength(1)
    expect([Number(rows[0].profile_views), Number(rows[0].shares)]).toEqual([20, 20])
    expect((await api.post(`/designers/${designer}/track`, { kind: 'nope' })).status).toBe(400)
    expect((await api.post(`/designers/${fx.pendingDesigner}/track`, { kind: 'share' })).status).toBe(404)
    await api.post(`/designers/${fx.designer}/track`, { kind: 'favorite' })
    const own = await payload.find({ collection: 'designer-analytics', depth: 0, ...as(designerUser) })
    expect(own.docs.map((d) => d.designer)).toEqual([fx.designer])
    expect((await payload.find({ collection: 'designer-analytics', ...as(otherDesignerUser) })).docs).toHaveLength(0)
    expect((await payload.find({ collection: 'designer-analytics', ...as(admin) })).docs.length).toBeGreaterThanOrEqual(2)
  })

  it("resolves a page's designer list block to real designers, featured or hand-picked", async () => {
    const page = await payload.create({
      collection: 'pages',
      data: {
        title: unique('Designers page'),
        _status: 'published',
        layout: [
          { blockType: 'designerList', mode: 'featured', limit: 50 },
          { blockType: 'designerList', mode: 'manual', designers: [fx.otherDesigner, fx.pendingDesigner] },
        ],
      } as never,
      ...sudo,
    })
    const res = await api.get(`/pages/${page.id}?depth=0`)
    const [featured, manual] = res.body.layout
    expect(featured.resolvedDesigners.map((d: { id: string }) => d.id)).toContain(fx.designer)
    expect(featured.resolvedDesigners.find((d: { id: string }) => d.id === fx.designer).latestCollections.length).toBeGreaterThan(0)
    // Hand-picked, but only the active one is shown.
    expect(manual.resolvedDesigners.map((d: { id: string }) => d.id)).toEqual([fx.otherDesigner])
  })

  it("lists an item's images and a show's segments on their own records (join fields)", async () => {
    const item = await payload.findByID({ collection: 'fashion-items', id: fx.item, ...sudo })
    expect((item.images?.docs ?? []).length).toBeGreaterThan(0)
    const show = await payload.findByID({ collection: 'runway-shows', id: fx.show, ...sudo })
    expect((show.segments?.docs ?? []).length).toBeGreaterThanOrEqual(3)
  })

  it('rate-limits tracking per client, exactly, in the shared store (not one process’s memory)', async () => {
    await awayFromMinuteEdge()
    const statuses = []
    for (let i = 0; i < 70; i++)
      statuses.push(
        (
          await api.call('POST', `/designers/${fx.designer}/track`, {
            body: { kind: 'item_view' },
            headers: { 'x-forwarded-for': '192.0.2.77' },
          })
        ).status,
      )
    expect(statuses.slice(0, 60).every((s) => s === 202)).toBe(true)
    expect(statuses.slice(60)).toEqual(Array(10).fill(429))
    // Every hit is in the database's counters (what other instances read), refused ones too.
    const bucket = `app:designer-track:192.0.2.77:${fx.designer}@${Math.floor(Date.now() / 60_000)}`
    await expect
      .poll(async () => (await pool.query(`SELECT count FROM rate_limit_counters WHERE bucket = $1`, [bucket])).rows[0]?.count)
      .toBe(70)
  })
})
