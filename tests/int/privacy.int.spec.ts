import type { Payload } from 'payload'
import type { Pool } from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { richText } from '../../src/seed/richText'
import { poolOf } from '../../src/db/pool'
import { resolvePrivacy, runRetention } from '../../src/plugins/privacy'
import { privacyOptions } from '../../src/setup/privacy'
import { apiClient, type Api } from '../helpers/rest'
import { as, closePayload, getTestPayload, makeUser, unique, type TestUser } from '../helpers/payload'
import { makeEvent, makeTicketType } from '../helpers/ticketing'

let payload: Payload
let api: Api
let pool: Pool
let organizer: TestUser
let admin: TestUser

beforeAll(async () => {
  payload = await getTestPayload()
  api = apiClient(payload.config)
  pool = poolOf(payload)
  organizer = await makeUser(payload, 'organizer')
  admin = await makeUser(payload, 'admin')
})
afterAll(async () => closePayload(payload))

/** A person with an account, a profile, an order with tickets and a request: the full footprint. */
async function person() {
  const fullName = `Zoë ${unique('Quartermaine')}`
  const phone = `+33 6 ${Math.floor(10_000_000 + Math.random() * 80_000_000)}`
  const company = unique('Quartz SARL')
  const user = await makeUser(payload, 'attendee', { fullName, phone, profile: { bio: `Bio of ${fullName}`, location: 'Lyon', company } })
  const token = await api.login(user.email, 'Correct-Horse-9')
  const tt = await makeTicketType(payload, String((await makeEvent(payload, organizer.id)).id), { price: 0 })
  const hold = (await api.post('/checkout/holds', { items: [{ ticketType: tt.id, quantity: 2 }] }, token)).body
  const order = (
    await api.post(
      '/checkout/orders',
      {
        hold: hold.id,
        token: hold.token,
        billing: { email: user.email, name: fullName, phone, address: { line1: `${fullName} street`, city: 'Lyon' } },
      },
      token,
    )
  ).body.order
  await payload.create({
    collection: 'data-subject-requests',
    data: { type: 'access', details: 'Please send my data' } as never,
    ...as(user),
  })
  // The marketing footprint: consent, a tracked event, a list membership and a campaign email.
  await pool.query(`UPDATE users SET profile_notification_settings_marketing = true WHERE id = $1`, [user.id])
  expect(
    (
      await api.call('POST', '/track', {
        body: { events: [{ type: 'page_view', source: 'web' }] },
        token,
        headers: { 'x-forwarded-for': '10.77.0.1' },
      })
    ).status,
  ).toBe(202)
  const segment = await payload.create({
    collection: 'marketing-segments',
    data: { name: unique('List'), type: 'static', members: [user.id] } as never,
    overrideAccess: true,
  })
  const campaign = await payload.create({
    collection: 'marketing-campaigns',
    data: { name: unique('C'), startDate: '2030-01-01', endDate: '2030-01-02' } as never,
    overrideAccess: true,
  })
  const email = await payload.create({
    collection: 'email-campaigns',
    data: { campaign: campaign.id, subject: 'S', senderName: 'F', senderEmail: 'n@test.local', content: richText('x') } as never,
    overrideAccess: true,
  })
  await pool.query(`INSERT INTO email_sends (email_campaign_id, user_id, email, token, status) VALUES ($1, $2, $3, $4, 'sent')`, [
    email.id,
    user.id,
    user.email,
    unique('tok'),
  ])
  return { user, token, fullName, phone, company, orderId: order.id as string, segment: String(segment.id) }
}

/** Every text-like column of every table that mentions `needle` (case-insensitive). */
async function tablesMentioning(needle: string): Promise<string[]> {
  const { rows: cols } = await pool.query(
    `SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'jsonb', 'json')`,
  )
  const hits: string[] = []
  for (const c of cols) {
    const { rows } = await pool.query(`SELECT 1 FROM "${c.table_name}" WHERE "${c.column_name}"::text ILIKE $1 LIMIT 1`, [`%${needle}%`])
    if (rows.length) hits.push(`${c.table_name}.${c.column_name}`)
  }
  return hits
}

describe('privacy', () => {
  it("exports the person's own rows, decrypted, and nobody else's", async () => {
    const a = await person()
    const b = await person()
    const res = await api.get('/privacy/export', a.token)
    expect(res.status).toBe(200)
    expect(res.body.account).toMatchObject({ email: a.user.email, full_name: a.fullName, phone: a.phone, roles: ['attendee'] })
    expect(res.body.orders).toHaveLength(1)
    expect(res.body.orders[0]).toMatchObject({ id: a.orderId, billing_phone: a.phone, billing_address: { city: 'Lyon' } })
    expect(res.body.orders[0].items[0]).toMatchObject({ quantity: 2 })
    expect(res.body.tickets).toHaveLength(2)
    expect(res.body.dataSubjectRequests).toHaveLength(1)
    expect(res.body.consents.notifications).toMatchObject({ email: true, sms: false, push: true, marketingEmail: true })
    expect(res.body.engagement.tracked).toEqual([expect.objectContaining({ type: 'page_view', source: 'web', ip: '10.77.0.1' })])
    expect(res.body.engagement.emails).toEqual([expect.objectContaining({ subject: 'S', email: a.user.email, status: 'sent' })])
    expect(res.body.engagement.segments).toHaveLength(1)
    const text = JSON.stringify(res.body)
    expect(text).not.toContain(b.user.email)
    expect(text).not.toContain(b.fullName)
    // Someone else's export: admins only.
    expect((await api.get(`/privacy/export?user=${b.user.id}`, a.token)).status).toBe(403)
    const byAdmin = await api.get(`/privacy/export?user=${b.user.id}`, await api.login(admin.email, 'Correct-Horse-9'))
    expect(byAdmin.body.account.email).toBe(b.user.email)
    expect((await api.get('/privacy/export')).status).toBe(401)
  })

  it('erases a person: no personal value left in any table, orders kept for accounting, erasure audited', async () => {
    const a = await person()
    expect(await tablesMentioning(a.user.email)).not.toEqual([])
    const res = await api.post('/privacy/erase', { confirm: true }, a.token)
    expect(res.status).toBe(200)
    for (const needle of [a.user.email, a.fullName, a.phone, a.company]) expect(await tablesMentioning(needle), needle).toEqual([])
    expect((await pool.query(`SELECT count(*)::int AS n FROM user_engagement WHERE user_id = $1`, [a.user.id])).rows[0].n).toBe(0)
    expect((await pool.query(`SELECT count(*)::int AS n FROM marketing_segments_rels WHERE users_id = $1`, [a.user.id])).rows[0].n).toBe(0)
    expect((await pool.query(`SELECT status FROM email_sends WHERE user_id = $1`, [a.user.id])).rows).toEqual([{ status: 'sent' }])
    const {
      rows: [o],
    } = await pool.query(`SELECT total, status, billing_name FROM orders WHERE id = $1`, [a.orderId])
    expect(o).toMatchObject({ status: 'completed', billing_name: 'Erased person' })
    const audit = await payload.find({
      collection: 'audit-logs',
      where: { and: [{ action: { equals: 'erasure' } }, { documentId: { equals: a.user.id } }] },
      overrideAccess: true,
    })
    expect(audit.docs).toHaveLength(1)
    expect((await api.post('/users/login', { email: a.user.email, password: 'Correct-Horse-9' })).status).toBe(401)
    expect((await api.post('/privacy/erase', {}, await api.login(admin.email, 'Correct-Horse-9'))).status).toBe(400)
  })

  it('lets users file and read their own requests, with a 30-day due date', async () => {
    const a = await person()
    const b = await person()
    const mine = await payload.find({ collection: 'data-subject-requests', depth: 0, ...as(a.user) })
    expect(mine.docs.map((d) => d.user)).toEqual([a.user.id])
    const due = new Date(mine.docs[0].dueAt!).getTime() - new Date(mine.docs[0].submittedAt!).getTime()
    expect(due).toBe(30 * 86_400_000)
    await expect(
      payload.update({ collection: 'data-subject-requests', id: mine.docs[0].id, data: { status: 'completed' }, ...as(a.user) }),
    ).rejects.toThrow()
    const done = await payload.update({
      collection: 'data-subject-requests',
      id: mine.docs[0].id,
      data: { status: 'completed' },
      ...as(admin),
    })
    expect(done.completedAt).toBeTruthy()
    expect(done.handledBy).toMatchObject({ id: admin.id })
    expect(
      (await payload.find({ collection: 'data-subject-requests', ...as(b.user) })).docs.every(
        (d) => String((d.user as { id?: string })?.id ?? d.user) === b.user.id,
      ),
    ).toBe(true)
  })

  it('applies the retention periods: inactive users and old orders anonymized, old logs deleted', async () => {
    const a = await person()
    await pool.query(`UPDATE users SET last_login = now() - interval '4 years', created_at = now() - interval '4 years' WHERE id = $1`, [
      a.user.id,
    ])
    await pool.query(`UPDATE orders SET created_at = now() - interval '8 years' WHERE id = $1`, [a.orderId])
    await pool.query(
      `INSERT INTO usage_logs (key_prefix, method, path, status, created_at) VALUES ('oldlogs1', 'GET', '/api/x', 200, now() - interval '200 days')`,
    )
    const result = await runRetention(pool, resolvePrivacy(privacyOptions()))
    expect(result.usersAnonymized).toBeGreaterThanOrEqual(1)
    expect(result.usageLogsDeleted).toBeGreaterThanOrEqual(1)
    const {
      rows: [u],
    } = await pool.query(`SELECT email FROM users WHERE id = $1`, [a.user.id])
    expect(u.email).toMatch(/^erased\+/)
    expect((await pool.query(`SELECT count(*)::int AS n FROM usage_logs WHERE key_prefix = 'oldlogs1'`)).rows[0].n).toBe(0)
    const {
      rows: [adminRow],
    } = await pool.query(`SELECT email FROM users WHERE id = $1`, [admin.id])
    expect(adminRow.email).toBe(admin.email)
  })
})
