/**
 * Sign-up with e-mail verification: a self-registered account starts pending and gets one
 * confirmation e-mail; its link works once and within EMAIL_VERIFICATION_HOURS, and makes the
 * account active (so campaigns reach it). Accounts an admin creates are not asked.
 */
import type { Payload } from 'payload'
import type { Pool } from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { poolOf } from '../../src/db/pool'
import { renderNotification } from '../../src/domain/ticketing/notifications'
import { closePayload, getTestPayload, makeUser, unique } from '../helpers/payload'
import { apiClient, type Api } from '../helpers/rest'

let payload: Payload
let api: Api
let db: Pool

beforeAll(async () => {
  payload = await getTestPayload()
  api = apiClient(payload.config)
  db = poolOf(payload)
})
afterAll(async () => closePayload(payload))

const signUp = async (email: string) => {
  const res = await api.post('/users', { email, password: 'Correct-Horse-9', fullName: 'Sign Up' })
  expect(res.status).toBe(201)
  return String(res.body.doc.id)
}
const mailTo = async (email: string) =>
  (await db.query(`SELECT * FROM notifications WHERE kind = 'verify_email' AND recipient = $1`, [email])).rows
const tokenFrom = async (email: string) => {
  const [row] = await mailTo(email)
  const mail = await renderNotification(db, row)
  return new URL(/https?:\/\/\S+/.exec(mail.text)![0]).searchParams.get('token')!
}
const user = async (id: string) =>
  (await db.query(`SELECT status::text, email_verified, verification_token_hash FROM users WHERE id = $1`, [id])).rows[0]

describe('e-mail verification', () => {
  it('sends one confirmation to a sign-up; its link activates the account once', async () => {
    const email = `${unique('signup')}@test.local`
    const id = await signUp(email)
    expect(await mailTo(email)).toHaveLength(1)
    expect(await user(id)).toMatchObject({ status: 'pending', email_verified: false })
    const token = await tokenFrom(email)
    // Only a hash of the token is stored.
    expect((await user(id)).verification_token_hash).not.toContain(token)
    // A pending account may sign in before confirming.
    const login = await api.call('POST', '/users/login', { body: { email, password: 'Correct-Horse-9' } })
    expect(login.status).toBe(200)
    // The hash is neither returned nor queryable.
    const me = await api.get(`/users/${id}`, login.body.token)
    expect(me.body.verificationTokenHash).toBeUndefined()
    const probe = await api.get(`/users?where[verificationTokenHash][exists]=true`, login.body.token)
    expect([probe.status, probe.body.errors?.[0]?.message]).toEqual([400, 'The following path cannot be queried: verificationTokenHash'])
    const ok = await api.post('/account/verify-email', { token })
    expect([ok.status, ok.body]).toEqual([200, { verified: true, status: 'active' }])
    expect(await user(id)).toMatchObject({ status: 'active', email_verified: true, verification_token_hash: null })
    const again = await api.post('/account/verify-email', { token })
    expect([again.status, again.body.error]).toEqual([422, 'invalid_token'])
    expect((await api.post('/account/verify-email', { token: 'x'.repeat(43) })).status).toBe(422)
    expect((await api.post('/account/verify-email', { token: 'short' })).status).toBe(400)
    expect((await api.post('/account/verify-email', {})).status).toBe(400)
  })

  it('refuses a link older than EMAIL_VERIFICATION_HOURS, and asks nothing of accounts an admin creates', async () => {
    const email = `${unique('late')}@test.local`
    const id = await signUp(email)
    const token = await tokenFrom(email)
    await db.query(`UPDATE users SET verification_sent_at = now() - interval '49 hours' WHERE id = $1`, [id])
    expect((await api.post('/account/verify-email', { token })).status).toBe(422)
    expect(await user(id)).toMatchObject({ status: 'pending', email_verified: false })
    const made = await makeUser(payload, 'organizer')
    expect(await mailTo(made.email)).toEqual([])
  })

  it('applies the password policy on reset too (Payload’s reset skips collection hooks)', async () => {
    const me = await makeUser(payload, 'attendee')
    const token = await payload.forgotPassword({ collection: 'users', data: { email: me.email }, disableEmail: true })
    const weak = await api.post('/users/reset-password', { token, password: 'password' })
    expect(weak.status).toBe(400)
    expect(JSON.stringify(weak.body)).toContain('Password too weak')
    const mine = await api.post('/users/reset-password', { token, password: `${me.email.toUpperCase()}` })
    expect(mine.status).toBe(400)
    const ok = await api.post('/users/reset-password', { token, password: 'Another-Horse-42' })
    expect(ok.status).toBe(200)
    expect((await api.call('POST', '/users/login', { body: { email: me.email, password: 'Another-Horse-42' } })).status).toBe(200)
  })
})
