import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { totpAt } from '../../src/domain/auth/totp'
import { poolOf } from '../../src/db/pool'
import { apiClient, type Api } from '../helpers/rest'
import { closePayload, getTestPayload, makeUser } from '../helpers/payload'

let payload: Payload
let api: Api
beforeAll(async () => {
  payload = await getTestPayload()
  api = apiClient(payload.config)
})
afterAll(async () => closePayload(payload))

describe('two-factor login (TOTP)', () => {
  it('sets up, enables, then demands the code at login (body for API clients, cookie for the admin screen)', async () => {
    const user = await makeUser(payload, 'editor')
    const token = await api.login(user.email, 'Correct-Horse-9')
    const setup = await api.post('/two-factor/setup', {}, token)
    expect(setup.status).toBe(200)
    expect(setup.body.otpauthUrl).toMatch(/^otpauth:\/\/totp\//)
    const {
      rows: [stored],
    } = await poolOf(payload).query(`SELECT totp_secret FROM users WHERE id = $1`, [user.id])
    expect(stored.totp_secret).toMatch(/^enc:v\d+:/)
    expect((await api.post('/two-factor/enable', { code: '000000' }, token)).status).toBe(422)
    expect((await api.post('/two-factor/enable', { code: totpAt(setup.body.secret, Date.now()) }, token)).body).toEqual({ enabled: true })
    // Nobody flips the flag by hand.
    await api.patch(`/users/${user.id}`, { twoFactorEnabled: false }, token)
    expect((await payload.findByID({ collection: 'users', id: user.id, overrideAccess: true })).twoFactorEnabled).toBe(true)

    const without = await api.post('/users/login', { email: user.email, password: 'Correct-Horse-9' })
    expect(without.status).toBe(401)
    expect(JSON.stringify(without.body)).toMatch(/two-factor code/)
    expect((await api.post('/users/login', { email: user.email, password: 'Correct-Horse-9', totp: '123456' })).status).toBe(401)
    const withBody = await api.post('/users/login', {
      email: user.email,
      password: 'Correct-Horse-9',
      totp: totpAt(setup.body.secret, Date.now()),
    })
    expect(withBody.status).toBe(200)
    const withCookie = await api.call('POST', '/users/login', {
      body: { email: user.email, password: 'Correct-Horse-9' },
      headers: { cookie: `fsh-totp=${totpAt(setup.body.secret, Date.now())}` },
    })
    expect(withCookie.status).toBe(200)
  })

  it('leaves accounts without two-factor alone, and refuses setup to anonymous callers', async () => {
    const user = await makeUser(payload, 'attendee')
    expect((await api.post('/users/login', { email: user.email, password: 'Correct-Horse-9' })).status).toBe(200)
    expect((await api.post('/two-factor/setup', {})).status).toBe(401)
  })
})
