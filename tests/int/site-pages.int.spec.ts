/** GET /api/site/pages/:slug: published pages only, the page's cacheTtl as s-maxage, members-only pages and personal callers never shared. */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { closePayload, getTestPayload, makeUser, unique } from '../helpers/payload'
import { apiClient, gatedRoutes, type Api } from '../helpers/rest'

let payload: Payload
let api: Api
const sudo = { overrideAccess: true, depth: 0 } as const
const slug = (label: string) =>
  unique(label)
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, '-')
const fx = { open: slug('open'), members: slug('members'), draft: slug('draft') }

beforeAll(async () => {
  payload = await getTestPayload()
  api = apiClient(payload.config, await gatedRoutes())
  await payload.create({
    collection: 'pages',
    data: { title: 'Open house', slug: fx.open, _status: 'published', cacheTtl: 120 } as never,
    ...sudo,
  })
  await payload.create({
    collection: 'pages',
    data: { title: 'Members lounge', slug: fx.members, _status: 'published', requiresAuth: true } as never,
    ...sudo,
  })
  await payload.create({ collection: 'pages', data: { title: 'Not yet', slug: fx.draft, _status: 'draft' } as never, ...sudo, draft: true })
})
afterAll(async () => closePayload(payload))

const get = (s: string, headers: Record<string, string> = {}, token?: string) =>
  api.call('GET', `/site/pages/${s}`, { headers: { ...headers, ...(token ? { authorization: `JWT ${token}` } : {}) } })

describe('GET /api/site/pages/:slug', () => {
  it('serves a published page to everyone with its own cacheTtl as s-maxage, and 304 while the content is unchanged', async () => {
    const res = await get(fx.open)
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ title: 'Open house', slug: fx.open })
    expect(res.headers.get('cache-control')).toBe('public, max-age=0, s-maxage=120, stale-while-revalidate=120')
    const etag = res.headers.get('etag')!
    expect((await get(fx.open, { 'if-none-match': etag })).status).toBe(304)
    await payload.update({
      collection: 'pages',
      where: { slug: { equals: fx.open } },
      data: { title: 'Open house, renamed' } as never,
      ...sudo,
    })
    const after = await get(fx.open, { 'if-none-match': etag })
    expect(after.status).toBe(200)
    expect(after.body.title).toBe('Open house, renamed')
  })

  it('hides drafts and members-only pages from the public; a signed-in member reads the latter, never through a shared cache', async () => {
    expect((await get(fx.draft)).status).toBe(404)
    expect((await get(fx.members)).status).toBe(404)
    const member = await makeUser(payload, 'attendee')
    const token = await api.login(member.email, 'Correct-Horse-9')
    const res = await get(fx.members, {}, token)
    expect(res.status).toBe(200)
    expect(res.body.title).toBe('Members lounge')
    expect(res.headers.get('cache-control')).toBe('private, no-cache')
    expect(res.headers.get('vary')).toContain('Authorization')
    // The public answer is not the member's, and the member's is not cached for the public.
    expect((await get(fx.members)).status).toBe(404)
    expect((await get(fx.open, {}, token)).headers.get('cache-control')).toBe('private, no-cache')
  })

  it('refuses a malformed slug with a 400 naming it', async () => {
    const res = await get('NOT_A_SLUG')
    expect(res.status).toBe(400)
    expect(JSON.stringify(res.body)).toContain('slug')
  })
})
