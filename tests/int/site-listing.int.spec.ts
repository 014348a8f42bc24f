/** GET /api/site/events: published cards only, filters, keyset paging, counts, caching, bad input. */
import type { Payload } from 'payload'
import type { Pool } from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { poolOf } from '../../src/db/pool'
import { closePayload, getTestPayload, makeUser, unique, type TestUser } from '../helpers/payload'
import { apiClient, gatedRoutes, type Api } from '../helpers/rest'
import { makeEvent, makeTicketType } from '../helpers/ticketing'

let payload: Payload
let api: Api
let pool: Pool
let organizer: TestUser
const tag = unique('listing').replace(/[^a-z0-9]/gi, '')
let city: string
let venueId: string
let categorySlug: string

const at = (days: number, hour = 18) => new Date(Date.UTC(2031, 0, 1 + days, hour)).toISOString()

beforeAll(async () => {
  payload = await getTestPayload()
  api = apiClient(payload.config, await gatedRoutes())
  pool = poolOf(payload)
  organizer = await makeUser(payload, 'organizer')
  city = `City${tag}`
  const venue = await payload.create({
    collection: 'venues',
    data: { name: `Hall ${tag}`, address: '1 Rue', city, country: 'FR', capacity: 500 } as never,
    overrideAccess: true,
  })
  venueId = String(venue.id)
  categorySlug = `cat-${tag}`.toLowerCase()
  const category = await payload.create({
    collection: 'event-categories',
    data: { name: `Cat ${tag}`, slug: categorySlug } as never,
    overrideAccess: true,
  })
  // 25 published events in this city, a day apart; every fifth featured and in the category; plus a draft.
  for (let i = 0; i < 25; i++) {
    const e = await makeEvent(payload, organizer.id, {
      title: `${tag} show ${String(i).padStart(2, '0')}`,
      startDate: at(i),
      endDate: at(i, 22),
      venue: venueId,
      featured: i % 5 === 0,
      categories: i % 5 === 0 ? [category.id] : [],
    })
    if (i === 0) await makeTicketType(payload, String(e.id), { price: 1500 })
  }
  await makeEvent(payload, organizer.id, { title: `${tag} draft`, status: 'draft', startDate: at(3), endDate: at(3, 22), venue: venueId })
})
afterAll(async () => closePayload(payload))

const list = (query: string, headers: Record<string, string> = {}) => api.call('GET', `/site/events?${query}`, { headers })

describe('GET /api/site/events', () => {
  it('pages through every published event of a filter by cursor, in start order, never a draft', async () => {
    const seen: string[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const res = await list(`city=${city}&from=2031-01-01&limit=10${cursor ? `&cursor=${cursor}` : ''}`)
      expect(res.status).toBe(200)
      seen.push(...res.body.events.map((e: { title: string }) => e.title))
      cursor = res.body.nextCursor
      pages++
    } while (cursor)
    expect(pages).toBe(3)
    expect(seen).toEqual(Array.from({ length: 25 }, (_, i) => `${tag} show ${String(i).padStart(2, '0')}`))
  })

  it('shows what a card needs: venue, image slot, categories, price from, dates with the zone', async () => {
    const res = await list(`city=${city}&from=2031-01-01&limit=1`)
    expect(res.body.events[0]).toMatchObject({
      title: `${tag} show 00`,
      type: 'fashion_show',
      startDate: at(0),
      timeZone: 'Europe/Paris',
      featured: true,
      venue: { id: venueId, city },
      categories: [{ slug: categorySlug }],
      priceFrom: { amount: 1500, currency: 'EUR' },
      image: null,
    })
    expect(res.body.events[0]).not.toHaveProperty('description')
  })

  it('filters by category, featured, type, venue, free text and a date window, and counts only when asked', async () => {
    expect((await list(`category=${categorySlug}&from=2031-01-01&count=true`)).body).toMatchObject({ total: 5 })
    expect((await list(`category=${categorySlug}&from=2031-01-01`)).body.total).toBeUndefined()
    expect((await list(`venue=${venueId}&featured=true&from=2031-01-01&count=true`)).body.total).toBe(5)
    expect((await list(`venue=${venueId}&type=party&from=2031-01-01&count=true`)).body.total).toBe(0)
    expect((await list(`city=${city}&from=2031-01-03&to=2031-01-06&count=true`)).body.total).toBe(3)
    expect((await list(`q=${encodeURIComponent(`${tag} show`)}&from=2031-01-01&count=true`)).body.total).toBe(25)
  })

  it('answers 304 to a client holding the same page, and lets shared caches keep it', async () => {
    const first = await list(`city=${city}&from=2031-01-01&limit=5`)
    const etag = first.headers.get('etag')!
    expect(etag).toMatch(/^W\/"/)
    expect(first.headers.get('cache-control')).toBe('public, max-age=0, s-maxage=30, stale-while-revalidate=300')
    const again = await list(`city=${city}&from=2031-01-01&limit=5`, { 'if-none-match': etag })
    expect(again.status).toBe(304)
    // A change to the content changes the answer, so the tag no longer matches.
    await pool.query(`UPDATE events SET title = title || ' (moved)' WHERE title = $1`, [`${tag} show 00`])
    expect((await list(`city=${city}&from=2031-01-01&limit=5`, { 'if-none-match': etag })).status).toBe(200)
  })

  it('serves one published event page by slug with live availability, and no draft', async () => {
    const first = (await list(`city=${city}&from=2031-01-01&limit=1`)).body.events[0]
    const page = await api.call('GET', `/site/events/${first.slug}`)
    expect(page.status).toBe(200)
    expect(page.body).toMatchObject({
      id: first.id,
      timeZone: 'Europe/Paris',
      venue: { id: venueId, city },
      categories: [{ slug: categorySlug }],
      schedule: [],
      ticketTypes: [{ price: 1500, currency: 'EUR', available: 50, onSale: true }],
      sponsors: [],
    })
    expect(page.headers.get('cache-control')).toBe('public, no-cache')
    // Live: a hold shows at once, and the old ETag no longer matches.
    const etag = page.headers.get('etag')!
    const hold = await api.post('/checkout/holds', { items: [{ ticketType: page.body.ticketTypes[0].id, quantity: 2 }] })
    expect(hold.status).toBe(201)
    const after = await api.call('GET', `/site/events/${first.slug}`, { headers: { 'if-none-match': etag } })
    expect(after.status).toBe(200)
    expect(after.body.ticketTypes[0].available).toBe(48)
    const { rows } = await pool.query(`SELECT slug FROM events WHERE title = $1`, [`${tag} draft`])
    expect((await api.call('GET', `/site/events/${rows[0].slug}`)).status).toBe(404)
    expect((await api.call('GET', `/site/events/NOT_A_SLUG`)).status).toBe(400)
  })

  it('bumps the content version once per committed change, never for holds, and never before the commit', async () => {
    const version = async () => Number((await pool.query(`SELECT version FROM content_version`)).rows[0].version)
    const first = (await list(`city=${city}&from=2031-01-01&limit=1`)).body.events[0]
    const page = (await api.call('GET', `/site/events/${first.slug}`)).body
    const v0 = await version()
    // Checkout writes sold and held on the ticket type: no bump, caches stay warm.
    expect((await api.post('/checkout/holds', { items: [{ ticketType: page.ticketTypes[0].id, quantity: 1 }] })).status).toBe(201)
    expect(await version()).toBe(v0)
    // A transaction touching many rows bumps once, at commit; a reader before the commit sees the old version.
    const client = await pool.connect()
    try {
      await client.query('BEGIN')
      await client.query(`UPDATE events SET short_description = 'Now with a live orchestra' WHERE id = $1`, [first.id])
      await client.query(`UPDATE venues SET name = name WHERE id = $1`, [venueId])
      expect(await version()).toBe(v0)
      await client.query('COMMIT')
    } finally {
      client.release()
    }
    expect(await version()).toBe(v0 + 1)
    // The event page's cached content follows at once; so does the listing behind its old ETag.
    expect((await api.call('GET', `/site/events/${first.slug}`)).body.shortDescription).toBe('Now with a live orchestra')
    await pool.query(`UPDATE ticket_types SET price = 1750 WHERE id = $1`, [page.ticketTypes[0].id])
    expect(await version()).toBe(v0 + 2)
    expect((await api.call('GET', `/site/events/${first.slug}`)).body.ticketTypes[0].price).toBe(1750)
    await pool.query(`UPDATE ticket_types SET price = 1500 WHERE id = $1`, [page.ticketTypes[0].id])
  })

  it('answers the same page through GraphQL (siteEvents)', async () => {
    const res = await api.graphql(
      `query($city: String, $from: String) { siteEvents(city: $city, from: $from, limit: 2, count: true) { events { title timeZone venue { city } } nextCursor total } }`,
      undefined,
      { city, from: '2031-01-01' },
    )
    expect(res.body.errors).toBeUndefined()
    expect(res.body.data.siteEvents).toMatchObject({
      total: 25,
      events: [{ title: expect.stringContaining(`${tag} show 00`), venue: { city } }, { title: `${tag} show 01` }],
    })
    expect(res.body.data.siteEvents.nextCursor).toEqual(expect.any(String))
    const bad = await api.graphql(`{ siteEvents(limit: 2, cursor: "garbage-cursor") { nextCursor } }`)
    expect(bad.body.errors?.[0].message).toMatch(/cursor/)
  })

  it.each([
    ['limit=0', 'limit'],
    ['limit=51', 'limit'],
    ['cursor=bm90LWEtY3Vyc29y', 'cursor'],
    ['from=yesterday', 'from'],
    ['from=2031-02-01&to=2031-01-01', 'to'],
    ['type=rave', 'type'],
    ['venue=abc', 'venue'],
    ['featured=yes', 'featured'],
    ['sort=title', 'sort'],
  ])('?%s is a 400 naming %s', async (query, field) => {
    const res = await list(query)
    expect(res.status).toBe(400)
    expect(res.body.message).toContain(field)
  })
})
