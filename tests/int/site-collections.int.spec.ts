/** GET /api/site/collections (and GraphQL siteCollections, siteDesigners): published collections of active designers, filters, keyset paging, caching, bad input. */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { closePayload, getTestPayload, unique } from '../helpers/payload'
import { apiClient, gatedRoutes, type Api } from '../helpers/rest'

let payload: Payload
let api: Api
const tag = unique('coll')
  .replace(/[^a-z0-9]/gi, '')
  .toLowerCase()
const sudo = { overrideAccess: true, depth: 0 } as const
let designerSlug = ''

beforeAll(async () => {
  payload = await getTestPayload()
  api = apiClient(payload.config, await gatedRoutes())
  const designer = (await payload.create({
    collection: 'designers',
    data: { name: `${tag} Maison`, status: 'active' } as never,
    ...sudo,
  })) as unknown as { id: string; slug: string }
  designerSlug = designer.slug
  const pending = (await payload.create({
    collection: 'designers',
    data: { name: `${tag} Pending house`, status: 'pending' } as never,
    ...sudo,
  })) as unknown as { id: string }
  for (let i = 0; i < 7; i++) {
    await payload.create({
      collection: 'fashion-collections',
      data: {
        designer: designer.id,
        name: `${tag} Look ${String(i).padStart(2, '0')}`,
        season: i % 2 ? 'spring' : 'fall',
        year: 2030 + (i % 3),
        status: 'published',
        featured: i === 0,
      } as never,
      ...sudo,
    })
  }
  await payload.create({
    collection: 'fashion-collections',
    data: { designer: designer.id, name: `${tag} Look draft`, season: 'fall', year: 2030, status: 'draft' } as never,
    ...sudo,
  })
  await payload.create({
    collection: 'fashion-collections',
    data: { designer: pending.id, name: `${tag} Look of a pending designer`, season: 'fall', year: 2030, status: 'published' } as never,
    ...sudo,
  })
})
afterAll(async () => closePayload(payload))

const list = (query: string, headers: Record<string, string> = {}) => api.call('GET', `/site/collections?${query}`, { headers })

describe('GET /api/site/collections', () => {
  it('pages through published collections of active designers by name, never a draft or a pending designer’s', async () => {
    const names: string[] = []
    let cursor = ''
    for (let guard = 0; guard < 10; guard++) {
      const res = await list(`designer=${designerSlug}&limit=3${cursor ? `&cursor=${cursor}` : ''}`)
      expect(res.status).toBe(200)
      names.push(...res.body.collections.map((c: { name: string }) => c.name))
      if (!res.body.nextCursor) break
      cursor = res.body.nextCursor
    }
    expect(names).toEqual(Array.from({ length: 7 }, (_, i) => `${tag} Look ${String(i).padStart(2, '0')}`))
    const all = (await list(`q=${tag}&limit=50&count=true`)).body
    expect(all.total).toBe(7)
    expect(all.collections[0]).toMatchObject({ designer: { slug: designerSlug, name: `${tag} Maison` }, items: 0, image: null })
  })

  it('filters by season, year and featured, and counts only when asked', async () => {
    expect((await list(`designer=${designerSlug}&season=spring&count=true`)).body.total).toBe(3)
    expect((await list(`designer=${designerSlug}&year=2030&count=true`)).body.total).toBe(3)
    expect((await list(`designer=${designerSlug}&featured=true`)).body.collections).toHaveLength(1)
    expect((await list(`designer=${designerSlug}`)).body.total).toBeUndefined()
  })

  it('answers 304 for the same content version, 200 once the content changes', async () => {
    const first = await list(`designer=${designerSlug}&limit=2`)
    const etag = first.headers.get('etag')!
    expect(first.headers.get('cache-control')).toBe('public, max-age=0, s-maxage=60, stale-while-revalidate=600')
    expect((await list(`designer=${designerSlug}&limit=2`, { 'if-none-match': etag })).status).toBe(304)
    await payload.update({
      collection: 'designers',
      where: { slug: { equals: designerSlug } },
      data: { brand: 'Renamed' } as never,
      ...sudo,
    })
    expect((await list(`designer=${designerSlug}&limit=2`, { 'if-none-match': etag })).status).toBe(200)
  })

  it('refuses bad input with a 400 naming the parameter', async () => {
    for (const [query, field] of [
      ['season=monsoon', 'season'],
      ['year=abc', 'year'],
      ['limit=0', 'limit'],
      ['limit=51', 'limit'],
      ['designer=NOT%20A%20SLUG', 'designer'],
      ['cursor=not-a-real-cursor', 'cursor'],
      ['bogus=1', ''],
    ]) {
      const res = await list(query)
      expect(res.status, query).toBe(400)
      if (field) expect(JSON.stringify(res.body), query).toContain(field)
    }
  })

  it('answers the same through GraphQL (siteCollections, siteDesigners), with bad arguments as 400', async () => {
    const res = await api.graphql(
      `query($d: String) { siteCollections(designer: $d, season: "spring", count: true) { collections { name season designer { slug } } total } }`,
      undefined,
      { d: designerSlug },
    )
    expect(res.body.errors).toBeUndefined()
    expect(res.body.data.siteCollections.total).toBe(3)
    expect(res.body.data.siteCollections.collections[0]).toMatchObject({ season: 'spring', designer: { slug: designerSlug } })
    const designers = await api.graphql(`query($q: String) { siteDesigners(q: $q, count: true) { designers { name } total } }`, undefined, {
      q: tag,
    })
    expect(designers.body.errors).toBeUndefined()
    expect(designers.body.data.siteDesigners).toEqual({ designers: [{ name: `${tag} Maison` }], total: 1 })
    const bad = await api.graphql(`{ siteCollections(season: "monsoon") { total } }`)
    expect(bad.body.errors?.[0]?.extensions?.statusCode).toBe(400)
  })
})
