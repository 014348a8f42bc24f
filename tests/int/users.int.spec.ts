import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { apiClient, type Api } from '../helpers/rest'
import { closePayload, getTestPayload, makeUser, unique, type TestUser } from '../helpers/payload'

let payload: Payload
let api: Api
let admin: TestUser
const PASSWORD = 'Correct-Horse-9'
const SECRET_FIELDS = ['hash', 'salt', 'password', 'resetPasswordToken', 'resetPasswordExpiration', 'loginAttempts', 'lockUntil']

beforeAll(async () => {
  payload = await getTestPayload()
  api = apiClient(payload.config)
  admin = await makeUser(payload, 'admin')
})
afterAll(async () => closePayload(payload))

const raw = (id: string) => payload.findByID({ collection: 'users', id, depth: 0, overrideAccess: true, showHiddenFields: true })

describe('users', () => {
  it('signs up anonymously as a pending attendee, whatever roles, type or status are sent', async () => {
    const adminRole = (await payload.find({ collection: 'roles', where: { name: { equals: 'admin' } }, overrideAccess: true })).docs[0]
    const res = await api.post('/users', {
      email: `${unique('signup')}@test.local`,
      password: PASSWORD,
      fullName: 'Eve',
      roles: [adminRole.id],
      userType: 'admin',
      status: 'active',
    })
    expect(res.status).toBe(201)
    const doc = await payload.findByID({ collection: 'users', id: res.body.doc.id, depth: 1, overrideAccess: true })
    expect(doc.userType).toBe('attendee')
    expect(doc.status).toBe('pending')
    expect((doc.roles ?? []).map((r) => (typeof r === 'object' ? r.name : r))).toEqual(['attendee'])
  })

  it('refuses an invalid email with a message naming the field', async () => {
    const res = await api.post('/users', { email: 'not-an-email', password: PASSWORD, fullName: 'X' })
    expect(res.status).toBe(400)
    expect(JSON.stringify(res.body)).toMatch(/email/)
  })

  it('does not let a user raise their own roles, type or status', async () => {
    const me = await makeUser(payload, 'attendee')
    const adminRole = (await payload.find({ collection: 'roles', where: { name: { equals: 'admin' } }, overrideAccess: true })).docs[0]
    const token = await api.login(me.email, PASSWORD)
    const res = await api.patch(
      `/users/${me.id}`,
      { roles: [adminRole.id], userType: 'admin', status: 'active', emailVerified: true, fullName: 'Renamed' },
      token,
    )
    expect(res.status).toBe(200)
    const after = await raw(me.id)
    expect(after.fullName).toBe('Renamed')
    expect(after.userType).toBe('attendee')
    expect(after.roles).toEqual((me.roles as Array<{ id: string }>).map((r) => r.id))
    expect(after.emailVerified).toBe(false)
  })

  it('lets an admin change roles and status', async () => {
    const target = await makeUser(payload, 'attendee')
    const editorRole = (await payload.find({ collection: 'roles', where: { name: { equals: 'editor' } }, overrideAccess: true })).docs[0]
    const token = await api.login(admin.email, PASSWORD)
    const res = await api.patch(`/users/${target.id}`, { roles: [editorRole.id], status: 'suspended' }, token)
    expect(res.status).toBe(200)
    const after = await raw(target.id)
    expect(after.roles).toEqual([editorRole.id])
    expect(after.status).toBe('suspended')
  })

  it('never returns password hashes, reset tokens or lock fields over REST or GraphQL', async () => {
    const me = await makeUser(payload, 'attendee')
    await payload.forgotPassword({ collection: 'users', data: { email: me.email }, disableEmail: true })
    const token = await api.login(me.email, PASSWORD)
    const adminToken = await api.login(admin.email, PASSWORD)
    for (const body of [
      (await api.get('/users/me', token)).body.user,
      (await api.get(`/users/${me.id}`, adminToken)).body,
      (await api.get(`/users?where[id][equals]=${me.id}`, adminToken)).body.docs[0],
    ]) {
      expect(body.email).toBe(me.email)
      for (const f of SECRET_FIELDS) expect(body).not.toHaveProperty(f)
    }
    const gql = await api.graphql(`{ User(id: "${me.id}") { email } }`, adminToken)
    expect(gql.body.data.User.email).toBe(me.email)
    const sneaky = await api.graphql(`{ User(id: "${me.id}") { email hash salt resetPasswordToken } }`, adminToken)
    // Payload's schema lists these fields, but they always resolve to null.
    const stored = await raw(me.id)
    expect(stored.resetPasswordToken).toBeTruthy()
    expect(sneaky.body.data.User).toEqual({ email: me.email, hash: null, salt: null, resetPasswordToken: null })
  })

  it('refuses weak passwords with a message naming the field', async () => {
    for (const [password, why] of [
      ['short1A', /at least 10/],
      ['alllowercaseletters', /Mix/],
      ['bobby-tables-2027', null],
    ] as const) {
      const res = await api.post('/users', { email: `bobby-tables-${unique('x')}@test.local`, password, fullName: 'Bob' })
      if (why) {
        expect(res.status).toBe(400)
        expect(res.body.errors[0].data.errors[0]).toMatchObject({ path: 'password', message: expect.stringMatching(why) })
      } else expect(res.status).toBe(201)
    }
    const res = await api.post('/users', { email: 'quentin.sample@test.local', password: 'quentin.sample@test.local', fullName: 'Q' })
    expect(JSON.stringify(res.body)).toMatch(/email address/)
  })

  it('stamps lastLogin on login', async () => {
    const me = await makeUser(payload, 'attendee')
    expect((await raw(me.id)).lastLogin).toBeFalsy()
    const before = Date.now()
    await api.login(me.email, PASSWORD)
    const stamped = new Date((await raw(me.id)).lastLogin as string).getTime()
    expect(stamped).toBeGreaterThanOrEqual(before - 1000)
  })

  it('refuses suspended accounts at login', async () => {
    const me = await makeUser(payload, 'attendee', { status: 'suspended' })
    const res = await api.post('/users/login', { email: me.email, password: PASSWORD })
    expect(res.status).toBe(403)
    expect(JSON.stringify(res.body)).toMatch(/suspended/)
  })

  it('locks an account after five failed logins, even for the right password', async () => {
    const me = await makeUser(payload, 'attendee')
    for (let i = 0; i < 5; i++) expect((await api.post('/users/login', { email: me.email, password: 'wrong' })).status).toBe(401)
    const res = await api.post('/users/login', { email: me.email, password: PASSWORD })
    expect(res.status).not.toBe(200)
    expect(JSON.stringify(res.body)).toMatch(/locked/i)
  })

  it('shows a user only their own record in lists', async () => {
    const me = await makeUser(payload, 'organizer')
    await makeUser(payload, 'organizer')
    const token = await api.login(me.email, PASSWORD)
    const res = await api.get('/users?limit=100&depth=0', token)
    expect(res.body.docs.map((d: { id: string }) => d.id)).toEqual([me.id])
  })
})
