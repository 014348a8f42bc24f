/** GET /api/search: ranking, prefixes, typo tolerance, access filtering and hostile input. */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { richText } from '../../src/seed/richText'
import { closePayload, getTestPayload, makeUser, unique, type TestUser } from '../helpers/payload'
import { apiClient, type Api } from '../helpers/rest'
import { makeEvent } from '../helpers/ticketing'

let payload: Payload
let api: Api
let organizer: TestUser
const fx: Record<string, string> = {}
const sudo = { overrideAccess: true, depth: 0 } as const
// A made-up word per run keeps this file's rows apart from other tests' rows.
const word = `zephyrine${Math.random().toString(36).slice(2, 7).replace(/\d/g, 'q')}`

const mk = async (collection: string, data: Record<string, unknown>) =>
  String(((await payload.create({ collection, data, ...sudo } as never)) as { id: string }).id)
const find = async (q: string, extra = '', token?: string) => {
  const res = await api.get(`/search?q=${encodeURIComponent(q)}${extra}`, token)
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  return res.body.hits as Array<{ type: string; id: string; title: string; excerpt: string; match: string; rank: number }>
}

beforeAll(async () => {
  payload = await getTestPayload()
  api = apiClient(payload.config)
  organizer = await makeUser(payload, 'organizer')
  fx.titleEvent = String(
    (await makeEvent(payload, organizer.id, { title: `${word} couture night`, shortDescription: 'An evening of gowns' })).id,
  )
  fx.bodyEvent = String(
    (
      await makeEvent(payload, organizer.id, {
        title: `Autumn gala ${unique('g')}`,
        shortDescription: `Dinner with a ${word} couture finale`,
      })
    ).id,
  )
  fx.draftEvent = String((await makeEvent(payload, organizer.id, { title: `${word} secret preview`, status: 'draft' })).id)
  fx.designer = await mk('designers', {
    name: `${word} Atelier`,
    status: 'active',
    brand: 'Maison',
    specialty: 'couture',
    bio: 'Hand-finished couture.',
  })
  fx.pendingDesigner = await mk('designers', { name: `${word} Pending`, status: 'pending' })
  fx.sponsor = await mk('sponsors', { name: `${word} Water`, status: 'active', industry: 'Beverages' })
  fx.venue = await mk('venues', { name: `${word} Hall`, address: '1 Rue', city: 'Lyon', country: 'France', status: 'active' })
  fx.describedEvent = String(
    (
      await makeEvent(payload, organizer.id, {
        title: `Spring salon ${unique('s')}`,
        description: richText(`Backstage tour with the ${word}lace embroidery team`),
      })
    ).id,
  )
  fx.model = await mk('models', { name: `${word} Okafor`, agency: 'Elite', bio: 'Runway and editorial.', status: 'active' })
  fx.inactiveModel = await mk('models', { name: `${word} Retired`, status: 'inactive' })
  fx.page = await mk('pages', { title: `${word} press kit`, _status: 'published', requiresAuth: true })
})
afterAll(async () => closePayload(payload))

describe('search', () => {
  it('ranks a title match above a description match, across types', async () => {
    const hits = await find(`${word} couture`)
    const ids = hits.map((h) => h.id)
    expect(ids.indexOf(fx.titleEvent)).toBeGreaterThanOrEqual(0)
    expect(ids.indexOf(fx.titleEvent)).toBeLessThan(ids.indexOf(fx.bodyEvent))
    expect(ids).toContain(fx.designer)
    const ev = hits.find((h) => h.id === fx.bodyEvent)!
    expect(ev).toMatchObject({ type: 'events', match: 'text' })
    expect(ev.excerpt).toContain('<mark>')
    expect(hits.find((h) => h.id === fx.designer)).toMatchObject({ type: 'designers', title: `${word} Atelier` })
  })

  it('matches the last word as a prefix while typing', async () => {
    const ids = (await find(`${word} coutu`)).map((h) => h.id)
    expect(ids).toContain(fx.titleEvent)
    expect((await find(word.slice(0, 7))).map((h) => h.id)).toContain(fx.sponsor)
  })

  it('still finds misspelt names by trigram similarity', async () => {
    // Two letters of the fixed stem swapped: swapping the random tail's last two would be no typo when they are equal ("…qq").
    const typo = `${word.replace('zephyrine', 'zephyrnie')} Atelier`
    const hits = await find(typo)
    expect(hits.find((h) => h.id === fx.designer)).toMatchObject({ match: 'similar' })
  })

  it('finds events by the words of their rich-text description, with the match marked in the excerpt', async () => {
    const hits = await find(`${word}lace embroidery`)
    const hit = hits.find((h) => h.id === fx.describedEvent)
    expect(hit).toMatchObject({ type: 'events', match: 'text' })
    expect(hit!.excerpt).toContain('<mark>')
  })

  it('finds active models, not inactive ones, for the public', async () => {
    const hits = await find(`${word} Okafor`, '&types=models')
    expect(hits.map((h) => h.id)).toEqual([fx.model])
    expect(hits[0]).toMatchObject({ type: 'models', subtitle: 'Elite' })
    expect((await find(word, '&types=models')).map((h) => h.id)).not.toContain(fx.inactiveModel)
  })

  it('filters by type', async () => {
    const hits = await find(word, '&types=venues,sponsors')
    expect(new Set(hits.map((h) => h.type))).toEqual(new Set(['venues', 'sponsors']))
    expect((await api.get(`/search?q=x&types=events,bogus`)).status).toBe(400)
  })

  it('only returns what the caller may read', async () => {
    const anon = (await find(word)).map((h) => h.id)
    expect(anon).not.toContain(fx.draftEvent)
    expect(anon).not.toContain(fx.pendingDesigner)
    expect(anon).not.toContain(fx.page) // members-only page
    const orgToken = await api.login(organizer.email, 'Correct-Horse-9')
    const mine = (await find(word, '&limit=50', orgToken)).map((h) => h.id)
    expect(mine).toContain(fx.draftEvent) // their own draft
    expect(mine).toContain(fx.page) // signed in
    expect(mine).not.toContain(fx.pendingDesigner)
    const admin = await makeUser(payload, 'admin')
    expect((await find(word, '&limit=50', await api.login(admin.email, 'Correct-Horse-9'))).map((h) => h.id)).toContain(fx.pendingDesigner)
  })

  it('answers hostile input with 200 or 400, never 500', async () => {
    for (const q of [
      '"',
      "'; DROP TABLE events; --",
      'a & | ! ( ) :* <->',
      '\\',
      '%_%',
      '😀 couture',
      'select * from users',
      '))))((((',
      'x'.repeat(200),
      ':*',
      '-',
      '""""',
      'NOT OR AND',
    ]) {
      const res = await api.get(`/search?q=${encodeURIComponent(q)}`)
      expect(res.status, q).toBe(200)
      expect(Array.isArray(res.body.hits), q).toBe(true)
    }
    for (const q of ['', '   ', 'x'.repeat(201)]) expect((await api.get(`/search?q=${encodeURIComponent(q)}`)).status, q).toBe(400)
    expect((await api.get('/search')).status).toBe(400)
    expect((await api.get('/search?q=a&limit=0')).status).toBe(400)
    expect((await api.get('/search?q=a&limit=abc')).status).toBe(400)
    const count = await payload.count({ collection: 'events', overrideAccess: true })
    expect(count.totalDocs).toBeGreaterThan(0)
  })
})
