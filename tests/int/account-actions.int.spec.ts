/**
 * Account actions and API keys (review finding 1): a key acts within its scopes, never as its
 * owner. Every account action (password, e-mail, two-factor, sessions, privacy export and
 * erasure, creating keys without the scope) is refused to every key with 403 `scope_required`
 * naming the scope, on REST and GraphQL alike; the same actions stay open to the person signed in.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { apiClient, gatedRoutes, type Api } from '../helpers/rest'
import { closePayload, getTestPayload, makeUser, unique, type TestUser } from '../helpers/payload'

let payload: Payload
let api: Api
let organizer: TestUser
let organizerToken: string
let admin: TestUser
let adminToken: string
let narrowKey: string
let adminUsersKey: string

const keyFor = async (token: string, scopes: string[]) => {
  const res = await api.post('/api-keys', { name: unique('acct'), scopes, rateLimit: 10_000 }, token)
  if (res.status !== 201) throw new Error(JSON.stringify(res.body))
  return res.body.doc.key as string
}
const refusal = (res: { status: number; body: Record<string, any> }) => [res.status, res.body?.error, res.body?.scope]

beforeAll(async () => {
  payload = await getTestPayload()
  api = apiClient(payload.config, await gatedRoutes())
  organizer = await makeUser(payload, 'organizer')
  organizerToken = await api.login(organizer.email, 'Correct-Horse-9')
  admin = await makeUser(payload, 'admin')
  adminToken = await api.login(admin.email, 'Correct-Horse-9')
  narrowKey = await keyFor(organizerToken, ['events:create'])
  adminUsersKey = await keyFor(adminToken, ['users:read', 'users:update'])
})
afterAll(async () => closePayload(payload))

describe('account actions through an API key', () => {
  it('refuses a password change on its owner, and the old password still logs in', async () => {
    const res = await api.patch(`/users/${organizer.id}`, { password: 'Taken-Over-123' }, narrowKey)
    expect(refusal(res)).toEqual([403, 'scope_required', 'session'])
    expect((await api.call('POST', '/users/login', { body: { email: organizer.email, password: 'Taken-Over-123' } })).status).toBe(401)
    expect((await api.call('POST', '/users/login', { body: { email: organizer.email, password: 'Correct-Horse-9' } })).status).toBe(200)
  })

  it('refuses an e-mail change, even with users:update (an admin-owned key)', async () => {
    expect(refusal(await api.patch(`/users/${organizer.id}`, { email: 'thief@example.com' }, narrowKey))).toEqual([
      403,
      'scope_required',
      'session',
    ])
    expect(refusal(await api.patch(`/users/${admin.id}`, { email: 'thief@example.com' }, adminUsersKey))).toEqual([
      403,
      'scope_required',
      'session',
    ])
    expect(refusal(await api.patch(`/users/${admin.id}`, { password: 'Taken-Over-123' }, adminUsersKey))).toEqual([
      403,
      'scope_required',
      'session',
    ])
    const row = await payload.findByID({ collection: 'users', id: admin.id, overrideAccess: true })
    expect(row.email).toBe(admin.email)
  })

  it('a key without users:update changes nothing on its owner (scope named); with it, profile fields of another user change', async () => {
    expect(refusal(await api.patch(`/users/${organizer.id}`, { fullName: 'Renamed by key' }, narrowKey))).toEqual([
      403,
      'scope_required',
      'users:update',
    ])
    const other = await makeUser(payload, 'attendee')
    const ok = await api.patch(`/users/${other.id}`, { fullName: 'Renamed by admin key' }, adminUsersKey)
    expect(ok.status).toBe(200)
    expect(ok.body.doc.fullName).toBe('Renamed by admin key')
  })

  it('a key does not read its owner as "self"', async () => {
    expect((await api.get(`/users/${organizer.id}`, narrowKey)).status).not.toBe(200)
    const list = await api.get(`/users?limit=5`, narrowKey)
    expect([list.status, list.body.totalDocs ?? 0]).toEqual([list.status, 0])
  })

  it('refuses privacy export and erasure, two-factor, session refresh and creating keys without the scope', async () => {
    expect(refusal(await api.get('/privacy/export', narrowKey))).toEqual([403, 'scope_required', 'session'])
    expect(refusal(await api.post('/privacy/erase', { confirm: true }, narrowKey))).toEqual([403, 'scope_required', 'session'])
    expect(refusal(await api.post('/two-factor/setup', {}, narrowKey))).toEqual([403, 'scope_required', 'session'])
    expect(refusal(await api.post('/two-factor/disable', { code: '123456' }, narrowKey))).toEqual([403, 'scope_required', 'session'])
    expect(refusal(await api.post('/users/refresh-token', {}, narrowKey))).toEqual([403, 'scope_required', 'session'])
    expect(refusal(await api.post('/api-keys', { name: 'spawn', scopes: ['events:create'] }, narrowKey))).toEqual([
      403,
      'scope_required',
      'api-keys:create',
    ])
    const erased = await payload.findByID({ collection: 'users', id: organizer.id, overrideAccess: true })
    expect(erased.email).toBe(organizer.email)
  })

  it('refuses the same actions through GraphQL', async () => {
    const update = await api.graphql(
      `mutation($id: String!) { updateUser(id: $id, data: { password: "Taken-Over-123" }) { id } }`,
      narrowKey,
      { id: organizer.id },
    )
    expect(update.body.errors?.[0]?.extensions?.data).toEqual({ code: 'scope_required', scope: 'session' })
    const email = await api.graphql(
      `mutation($id: String!) { updateUser(id: $id, data: { email: "thief@example.com" }) { id } }`,
      adminUsersKey,
      { id: admin.id },
    )
    expect(email.body.errors?.[0]?.extensions?.data).toEqual({ code: 'scope_required', scope: 'session' })
    const refresh = await api.graphql(`mutation { refreshTokenUser { refreshedToken } }`, narrowKey)
    expect(refresh.body.errors?.[0]?.extensions?.data).toEqual({ code: 'scope_required', scope: 'session' })
    const key = await api.graphql(`mutation { createApiKey(data: { name: "spawn", scopes: ["events:create"] }) { id } }`, narrowKey)
    expect(key.body.errors?.[0]?.extensions?.data).toEqual({ code: 'scope_required', scope: 'api-keys:create' })
    expect((await api.call('POST', '/users/login', { body: { email: organizer.email, password: 'Correct-Horse-9' } })).status).toBe(200)
  })

  it('the person signed in still does every one of these', async () => {
    const person = await makeUser(payload, 'attendee')
    const token = await api.login(person.email, 'Correct-Horse-9')
    expect((await api.patch(`/users/${person.id}`, { fullName: 'Myself' }, token)).status).toBe(200)
    expect((await api.patch(`/users/${person.id}`, { password: 'Another-Horse-10' }, token)).status).toBe(200)
    expect((await api.get('/privacy/export', token)).status).toBe(200)
    expect((await api.post('/two-factor/setup', {}, token)).status).toBe(200)
    expect((await api.post('/api-keys', { name: 'mine', scopes: ['events:create'] }, organizerToken)).status).toBe(201)
    // A key holding api-keys:create may create keys.
    const maker = await keyFor(organizerToken, ['api-keys:create', 'events:create'])
    expect((await api.post('/api-keys', { name: 'made by key', scopes: ['events:create'] }, maker)).status).toBe(201)
  })
})
