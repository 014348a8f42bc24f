import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { apiClient, type Api } from '../helpers/rest'
import { closePayload, getTestPayload, makeUser, unique, type TestUser } from '../helpers/payload'

let payload: Payload
let api: Api
let organizer: TestUser
let editor: TestUser
let otherOrganizer: TestUser
const ids: Record<string, string> = {}
const tag = unique('drafts')

beforeAll(async () => {
  payload = await getTestPayload()
  api = apiClient(payload.config)
  organizer = await makeUser(payload, 'organizer')
  otherOrganizer = await makeUser(payload, 'organizer')
  editor = await makeUser(payload, 'editor')
  const base = {
    type: 'party',
    startDate: '2027-05-01T18:00:00Z',
    endDate: '2027-05-01T23:00:00Z',
    timeZone: 'UTC',
    organizer: organizer.id,
    tags: [tag],
  }
  ids.published = String(
    (
      await payload.create({
        collection: 'events',
        data: { ...base, title: `Pub ${tag}`, status: 'published' } as never,
        overrideAccess: true,
      })
    ).id,
  )
  ids.draft = String(
    (
      await payload.create({
        collection: 'events',
        data: { ...base, title: `Draft ${tag}`, status: 'draft' } as never,
        overrideAccess: true,
      })
    ).id,
  )
  ids.page = String(
    (
      await payload.create({
        collection: 'pages',
        data: { title: `Page ${tag}`, _status: 'published', layout: [] } as never,
        overrideAccess: true,
      })
    ).id,
  )
  // A later draft of a published page: the public must keep seeing the published title.
  await payload.update({
    collection: 'pages',
    id: ids.page,
    data: { title: `Unpublished edit ${tag}` } as never,
    draft: true,
    overrideAccess: true,
  })
  ids.draftPage = String(
    (
      await payload.create({
        collection: 'pages',
        data: { title: `Draft page ${tag}`, _status: 'draft' } as never,
        draft: true,
        overrideAccess: true,
      })
    ).id,
  )
})
afterAll(async () => closePayload(payload))

const titles = (body: { docs: Array<{ title: string }> }) => body.docs.map((d) => d.title).sort()

describe('drafts through REST', () => {
  it('shows the public only published events', async () => {
    const res = await api.get(`/events?where[tags][in]=${tag}&depth=0`)
    expect(res.status).toBe(200)
    expect(titles(res.body as never)).toEqual([`Pub ${tag}`])
    expect((await api.get(`/events/${ids.draft}`)).status).toBe(404)
  })

  it('shows a draft event to its organizer and to editors, not to another organizer', async () => {
    for (const [who, sees] of [
      [organizer, true],
      [editor, true],
      [otherOrganizer, false],
    ] as const) {
      const token = await api.login(who.email, 'Correct-Horse-9')
      const res = await api.get(`/events?where[tags][in]=${tag}&depth=0`, token)
      expect(titles(res.body as never).includes(`Draft ${tag}`)).toBe(sees)
    }
  })

  it('serves the published version of a page, never its newer draft, and no draft-only page', async () => {
    const res = await api.get(`/pages/${ids.page}?draft=true`)
    expect(res.status).toBe(200)
    expect(res.body.title).toBe(`Page ${tag}`)
    expect((await api.get(`/pages/${ids.draftPage}`)).status).toBe(404)
    expect((await api.get(`/pages/${ids.draftPage}?draft=true`)).status).toBe(404)
    const editorToken = await api.login(editor.email, 'Correct-Horse-9')
    const asEditor = await api.get(`/pages/${ids.page}?draft=true`, editorToken)
    expect(asEditor.body.title).toBe(`Unpublished edit ${tag}`)
  })
})

describe('drafts through GraphQL', () => {
  it('hides draft events and draft pages from anonymous queries', async () => {
    const q = `{ Events(where: { tags: { in: ["${tag}"] } }) { docs { title status } }
                 Pages(where: { title: { contains: "${tag}" } }) { docs { title } }
                 Drafts: Pages(where: { title: { contains: "${tag}" } }, draft: true) { docs { title } } }`
    const res = await api.graphql(q)
    expect(res.body.errors).toBeUndefined()
    expect(res.body.data.Events.docs.map((d: { title: string }) => d.title)).toEqual([`Pub ${tag}`])
    expect(res.body.data.Pages.docs.map((d: { title: string }) => d.title)).toEqual([`Page ${tag}`])
    // Asking for drafts anonymously yields no draft content at all.
    const draftTitles = res.body.data.Drafts.docs.map((d: { title: string }) => d.title)
    expect(draftTitles.filter((t: string) => t.startsWith('Unpublished') || t.startsWith('Draft'))).toEqual([])
  })

  it('shows the organizer their draft over GraphQL (roles loaded without REST population)', async () => {
    const token = await api.login(organizer.email, 'Correct-Horse-9')
    const res = await api.graphql(`{ Events(where: { tags: { in: ["${tag}"] } }) { docs { title } } }`, token)
    expect(res.body.data.Events.docs.map((d: { title: string }) => d.title).sort()).toEqual([`Draft ${tag}`, `Pub ${tag}`])
  })
})
