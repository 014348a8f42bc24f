/** GET /api/site/designers: active designers only, filters, keyset paging by name, caching, bad input. */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { closePayload, getTestPayload, unique } from '../helpers/payload'
import { apiClient, gatedRoutes, type Api } from '../helpers/rest'

let payload: Payload
let api: Api
const tag = unique('dsgn').replace(/[^a-z0-9]/gi, '')

beforeAll(async () => {
  payload = await getTestPayload()
  api = apiClient(payload.config, await gatedRoutes())
  for (let i = 0; i < 12; i++) {
    await payload.create({
      collection: 'designers',
      data: {
        name: `${tag} Atelier ${String(i).padStart(2, '0')}`,
        specialty: i % 3 === 0 ? `knit${tag}` : 'couture',
        status: 'active',
        featured: i % 4 === 0,
        location: { country: 'FR' },
      } as never,
      overrideAccess: true,
    })
  }
  await payload.create({
    collection: 'designers',
    data: { name: `${tag} Atelier pending`, status: 'pending' } as never,
    overrideAccess: true,
  })
})
afterAll(async () => closePayload(payload))

const list = (query: string, headers: Record<string, string> = {}) => api.call('GET', `/site/designers?${query}`, { headers })

describe('GET /api/site/designers', () => {
  it('pages through active designers by name with a cursor, never a pending one', async () => {
    const names: string[] = []
    let cursor: string | null = null
    do {
      const res = await list(`q=${tag}&limit=5${cursor ? `&cursor=${cursor}` : ''}`)
      expect(res.status).toBe(200)
      names.push(...res.body.designers.map((d: { name: string }) => d.name))
      cursor = res.body.nextCursor
    } while (cursor)
    expect(names).toEqual(Array.from({ length: 12 }, (_, i) => `${tag} Atelier ${String(i).padStart(2, '0')}`))
  })

  it('filters by specialty and featured, counts on request, and answers 304 to the same page', async () => {
    expect((await list(`specialty=knit${tag}&count=true`)).body.total).toBe(4)
    expect((await list(`q=${tag}&featured=true&count=true`)).body).toMatchObject({ total: 3 })
    const first = await list(`q=${tag}&limit=2`)
    expect(first.body.designers[0]).toMatchObject({
      name: `${tag} Atelier 00`,
      featured: true,
      location: { country: 'FR' },
      publishedCollections: 0,
    })
    expect((await list(`q=${tag}&limit=2`, { 'if-none-match': first.headers.get('etag')! })).status).toBe(304)
  })

  it.each([
    ['limit=0', 'limit'],
    ['cursor=bm90LWEtY3Vyc29y', 'cursor'],
    ['featured=maybe', 'featured'],
    ['status=pending', 'status'],
  ])('?%s is a 400 naming %s', async (query, field) => {
    const res = await list(query)
    expect(res.status).toBe(400)
    expect(res.body.message).toContain(field)
  })
})
