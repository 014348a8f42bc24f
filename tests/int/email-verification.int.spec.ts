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

describe('changing an e-mail address proves the new one first (review finding 2)', () => {
  const linkOf = async (kind: string, recipient: string, param: string) => {
    const [row] = (await db.query(`SELECT * FROM notifications WHERE kind = $1 AND recipient = $2`, [kind, recipient])).rows
    const mail = await renderNotification(db, row)
    return new URL(/https?:\/\/\S+/.exec(mail.text)![0]).searchParams.get(param)!
  }

  it('keeps the old address until the new one confirms; the old one is told; the link works once', async () => {
    const me = await makeUser(payload, 'attendee', { emailVerified: true })
    const token = await api.login(me.email, 'Correct-Horse-9')
    const to = `${unique('new')}@test.local`
    const res = await api.patch(`/users/${me.id}`, { email: to }, token)
    expect([res.status, res.body.doc.email, res.body.doc.pendingEmail]).toEqual([200, me.email, to])
    const row = await db.query(`SELECT email, email_verified, pending_email FROM users WHERE id = $1`, [me.id])
    expect(row.rows[0]).toEqual({ email: me.email, email_verified: true, pending_email: to })
    const notice = (
      await db.query(`SELECT recipient FROM notifications WHERE kind = 'email_change_notice' AND data->>'newEmail' = $1`, [to])
    ).rows
    expect(notice).toEqual([{ recipient: me.email }])
    // The old address still signs in; the new one does not yet.
    expect((await api.call('POST', '/users/login', { body: { email: to, password: 'Correct-Horse-9' } })).status).toBe(401)
    const change = await linkOf('email_change_confirm', to, 'change')
    const done = await api.post('/account/confirm-email-change', { token: change })
    expect([done.status, done.body]).toEqual([200, { changed: true, email: to }])
    const after = (await db.query(`SELECT email, email_verified, pending_email FROM users WHERE id = $1`, [me.id])).rows[0]
    expect(after).toEqual({ email: to, email_verified: true, pending_email: null })
    const again = await api.post('/account/confirm-email-change', { token: change })
    expect([again.status, again.body.error]).toEqual([422, 'invalid_token'])
    expect((await api.post('/account/confirm-email-change', { token: 'x' })).status).toBe(400)
  })

  it('an administrator sets an address directly, and it counts as unverified', async () => {
    const admin = await makeUser(payload, 'admin')
    const adminToken = await api.login(admin.email, 'Correct-Horse-9')
    const someone = await makeUser(payload, 'attendee', { emailVerified: true })
    const to = `${unique('set')}@test.local`
    expect((await api.patch(`/users/${someone.id}`, { email: to }, adminToken)).status).toBe(200)
    expect((await db.query(`SELECT email, email_verified FROM users WHERE id = $1`, [someone.id])).rows[0]).toEqual({
      email: to,
      email_verified: false,
    })
  })

  it('a guest gets their data only through a link e-mailed to the address; asking tells nobody anything', async () => {
    const organizer = await makeUser(payload, 'organizer')
    const { makeEvent, makeTicketType } = await import('../helpers/ticketing')
    const event = await makeEvent(payload, organizer.id)
    const tt = await makeTicketType(payload, String(event.id), { price: 0 })
    const guest = `${unique('guest')}@example.com`
    const hold = (await api.post('/checkout/holds', { items: [{ ticketType: String(tt.id), quantity: 1 }] })).body
    await api.post('/checkout/orders', {
      hold: hold.id,
      token: hold.token,
      billing: { email: guest, name: 'Guest', phone: '+33 6 12 34 56 78' },
    })
    const nobody = await api.post('/privacy/guest-request', { email: `${unique('nobody')}@example.com` })
    const asked = await api.post('/privacy/guest-request', { email: guest.toUpperCase() })
    expect([nobody.status, asked.status, nobody.body.message]).toEqual([202, 202, asked.body.message])
    expect(
      (await db.query(`SELECT count(*)::int AS n FROM notifications WHERE kind = 'guest_data_link' AND recipient = $1`, [guest])).rows[0].n,
    ).toBe(1)
    const link = await linkOf('guest_data_link', guest, 'token')
    const data = await api.get(`/privacy/guest-export?token=${encodeURIComponent(link)}`)
    expect(data.status).toBe(200)
    expect(data.body.orders.map((o: { billing_email: string; billing_phone: string }) => [o.billing_email, o.billing_phone])).toEqual([
      [guest, '+33 6 12 34 56 78'],
    ])
    expect(data.body.tickets).toHaveLength(1)
    expect((await api.get(`/privacy/guest-export?token=${'y'.repeat(43)}`)).status).toBe(422)
    await db.query(`UPDATE guest_data_requests SET created_at = now() - interval '25 hours' WHERE email = $1`, [guest])
    expect((await api.get(`/privacy/guest-export?token=${encodeURIComponent(link)}`)).status).toBe(422)
    expect((await api.post('/privacy/guest-request', { email: 'not-an-address' })).status).toBe(400)
  })
})
