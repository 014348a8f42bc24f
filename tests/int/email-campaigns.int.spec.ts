/**
 * Marketing email end to end over SMTP: a real SMTP server on loopback receives what the
 * send job sends through Payload's nodemailer adapter; the test reads the messages, follows
 * their tracking links and checks what was counted.
 */
import type { Payload } from 'payload'
import type { Pool } from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { sendDueCampaigns, sendPending, startCampaign } from '../../src/domain/marketing/send'
import { poolOf } from '../../src/db/pool'
import { richText } from '../../src/seed/richText'
import { closePayload, getTestPayload, makeUser, unique, type TestUser } from '../helpers/payload'
import { apiClient, type Api } from '../helpers/rest'
import { startSmtpServer } from '../helpers/smtp'

let payload: Payload
let api: Api
let pool: Pool
let smtp: Awaited<ReturnType<typeof startSmtpServer>>
let marketing: TestUser
let marketingToken: string
let campaignId: string

const sudo = { overrideAccess: true, depth: 0 } as const
const person = (name: string, opts: { consent?: boolean; email?: boolean; status?: string; address?: string } = {}) =>
  makeUser(payload, 'attendee', {
    fullName: name,
    ...(opts.address ? { email: opts.address } : {}),
    status: opts.status ?? 'active',
    profile: { notificationSettings: { email: opts.email ?? true, marketing: opts.consent ?? true } },
  })

const withLink = (text: string, url: string) => {
  const doc = richText(text)
  ;(doc.root.children[0].children as unknown[]).push({
    type: 'link',
    version: 3,
    format: '',
    indent: 0,
    direction: 'ltr',
    fields: { url, linkType: 'custom', newTab: false },
    children: [{ type: 'text', text: 'Shop the collection', format: 0, style: '', mode: 'normal', detail: 0, version: 1 }],
  })
  return doc
}

async function emailCampaign(segment: string, extra: Record<string, unknown> = {}) {
  return String(
    (
      await payload.create({
        collection: 'email-campaigns',
        data: {
          campaign: campaignId,
          subject: 'Hello {{firstName}}',
          previewText: 'The new season',
          senderName: 'Fashionistas',
          senderEmail: 'news@test.local',
          content: withLink('Hi {{firstName}}, the season is here. ', 'https://shop.example.com/new?ref=mail&x=1'),
          segment,
          ...extra,
        } as never,
        ...sudo,
      })
    ).id,
  )
}
const staticSegment = async (members: string[]) =>
  payload.create({ collection: 'marketing-segments', data: { name: unique('Seg'), type: 'static', members } as never, ...sudo })
const sendsOf = async (id: string) =>
  (await pool.query(`SELECT s.email, s.status, s.token, s.user_id FROM email_sends s WHERE email_campaign_id = $1 ORDER BY s.email`, [id]))
    .rows
const analyticsOf = async (id: string) =>
  (
    await pool.query(
      `SELECT sum(sends)::int AS sends, sum(opens)::int AS opens, sum(clicks)::int AS clicks, sum(bounces)::int AS bounces, sum(unsubscribes)::int AS unsubscribes FROM email_analytics WHERE email_campaign_id = $1`,
      [id],
    )
  ).rows[0]

beforeAll(async () => {
  smtp = await startSmtpServer()
  process.env.SMTP_URL = smtp.url
  payload = await getTestPayload()
  api = apiClient(payload.config)
  pool = poolOf(payload)
  marketing = await makeUser(payload, 'marketing')
  marketingToken = await api.login(marketing.email, 'Correct-Horse-9')
  campaignId = String(
    (
      await payload.create({
        collection: 'marketing-campaigns',
        data: { name: unique('Launch'), startDate: '2030-01-01', endDate: '2030-12-31', status: 'active' } as never,
        ...sudo,
      })
    ).id,
  )
})
afterAll(async () => {
  await closePayload(payload)
  await smtp.close()
  delete process.env.SMTP_URL
})

describe('segments', () => {
  it('counts members and, of those, who accepts marketing email', async () => {
    const a = await person('Ada One')
    const b = await person('Bo Two', { consent: false })
    const c = await person('Cy Three', { email: false })
    const d = await person('Di Four', { status: 'inactive' })
    const seg = await staticSegment([a.id, b.id, c.id, d.id])
    expect(seg).toMatchObject({ estimatedSize: 3, reachable: 1 })
    const interested = await person('Eve Five', { consent: true })
    await payload.update({
      collection: 'users',
      id: interested.id,
      data: { profile: { interests: ['Couture', 'streetwear'] } } as never,
      ...sudo,
    })
    const dynamic = await payload.create({
      collection: 'marketing-segments',
      data: { name: unique('Dyn'), type: 'dynamic', criteria: { interests: ['couture'] } } as never,
      ...sudo,
    })
    expect(dynamic).toMatchObject({ estimatedSize: 1, reachable: 1 })
    const recount = await api.post(`/marketing-segments/${dynamic.id}/compute`, {}, marketingToken)
    expect(recount.status).toBe(200)
    expect(recount.body).toMatchObject({ estimatedSize: 1, reachable: 1 })
    expect((await api.post(`/marketing-segments/not-a-uuid/compute`, {}, marketingToken)).status).toBe(400)
  })
})

describe('sending over SMTP', () => {
  it('sends one personalised, tracked message per consenting recipient, counts bounces, and tracks opens, clicks and unsubscribes', async () => {
    const alice = await person('Alice Martin')
    const bob = await person('Bob Stone')
    const noConsent = await person('Nina No', { consent: false })
    const bouncer = await person('Bea Bounce', { address: `${unique('bounce')}@test.local` })
    const seg = await staticSegment([alice.id, bob.id, noConsent.id, bouncer.id])
    const id = await emailCampaign(String(seg.id))

    const attendeeToken = await api.login(alice.email, 'Correct-Horse-9')
    expect((await api.post(`/email-campaigns/${id}/send`, {}, attendeeToken)).status).toBe(403)
    const queued = await api.post(`/email-campaigns/${id}/send`, {}, marketingToken)
    expect(queued.status).toBe(202)
    expect(queued.body).toEqual({ scheduled: true, recipients: 3 })

    // The scheduled Payload job does the sending.
    const before = smtp.received.length
    await payload.jobs.queue({ task: 'sendEmailCampaigns', input: {} })
    await payload.jobs.run()
    const mine = smtp.received.slice(before)
    expect(mine.map((m) => m.to[0]).sort()).toEqual([alice.email, bob.email].sort())

    const toAlice = mine.find((m) => m.to[0] === alice.email)!
    expect(toAlice.subject).toBe('Hello Alice')
    expect(toAlice.from).toBe('news@test.local')
    expect(toAlice.html).toContain('Hi Alice, the season is here.')
    const sends = await sendsOf(id)
    const aliceSend = sends.find((s) => s.email === alice.email)!
    expect(sends.map((s) => s.status).sort()).toEqual(['bounced', 'sent', 'sent'])
    expect(toAlice.html).toContain(`/api/m/o/${aliceSend.token}`)
    expect(toAlice.html).toContain(`/api/m/c/${aliceSend.token}?l=0`)
    expect(toAlice.html).not.toContain('shop.example.com')
    expect(toAlice.text).toContain(`/api/m/u/${aliceSend.token}`)
    expect(JSON.stringify([...toAlice.headers.entries()])).toContain(`/api/m/u/${aliceSend.token}`)
    expect((await pool.query(`SELECT status, sent_at FROM email_campaigns WHERE id = $1`, [id])).rows[0]).toMatchObject({
      status: 'sent',
      sent_at: expect.any(Date),
    })
    expect(await analyticsOf(id)).toEqual({ sends: 2, opens: 0, clicks: 0, bounces: 1, unsubscribes: 0 })

    // Opens count once per recipient; the pixel is always a GIF.
    const pixel = await api.call('GET', `/m/o/${aliceSend.token}`)
    expect(pixel.status).toBe(200)
    expect(pixel.headers.get('content-type')).toBe('image/gif')
    await api.call('GET', `/m/o/${aliceSend.token}`)
    expect((await api.call('GET', `/m/o/${'0'.repeat(64)}`)).status).toBe(200)

    // A click redirects to the link in the email (and only such links), and implies an open.
    const bobSend = sends.find((s) => s.email === bob.email)!
    const click = await api.call('GET', `/m/c/${bobSend.token}?l=0`)
    expect(click.status).toBe(302)
    expect(click.headers.get('location')).toBe('https://shop.example.com/new?ref=mail&x=1')
    await api.call('GET', `/m/c/${bobSend.token}?l=0`)
    expect((await api.call('GET', `/m/c/${bobSend.token}?l=7`)).status).toBe(404)
    expect((await api.call('GET', `/m/c/${bobSend.token}?l=abc`)).status).toBe(400)
    expect(await analyticsOf(id)).toEqual({ sends: 2, opens: 2, clicks: 1, bounces: 1, unsubscribes: 0 })
    const channel = (
      await pool.query(`SELECT clicks::int FROM campaign_analytics WHERE campaign_id = $1 AND channel = 'email'`, [campaignId])
    ).rows[0]
    expect(channel.clicks).toBeGreaterThanOrEqual(1)

    // Unsubscribing: the page asks first (GET changes nothing); POST clears consent.
    expect((await api.call('GET', `/m/u/${aliceSend.token}`)).status).toBe(200)
    expect((await pool.query(`SELECT profile_notification_settings_marketing AS m FROM users WHERE id = $1`, [alice.id])).rows[0].m).toBe(
      true,
    )
    const unsub = await api.call('POST', `/m/u/${aliceSend.token}`)
    expect(unsub.status).toBe(200)
    await api.call('POST', `/m/u/${aliceSend.token}`)
    expect((await pool.query(`SELECT profile_notification_settings_marketing AS m FROM users WHERE id = $1`, [alice.id])).rows[0].m).toBe(
      false,
    )
    expect(await analyticsOf(id)).toEqual({ sends: 2, opens: 2, clicks: 1, bounces: 1, unsubscribes: 1 })

    // The report reads the same figures: open rate 2/2, click-to-open 1/2.
    const report = await api.get('/reports/email-performance', marketingToken)
    expect(report.body.rows.find((r: { id: string }) => r.id === id)).toMatchObject({
      sends: 2,
      opens: 2,
      clicks: 1,
      bounces: 1,
      unsubscribes: 1,
      openRate: 100,
      clickToOpenRate: 50,
    })

    // Sending again sends nothing; a new campaign to the same segment skips the unsubscribed.
    expect((await api.post(`/email-campaigns/${id}/send`, {}, marketingToken)).status).toBe(409)
    const next = await emailCampaign(String(seg.id))
    await api.post(`/email-campaigns/${next}/send`, {}, marketingToken)
    const beforeNext = smtp.received.length
    await sendDueCampaigns(payload)
    expect(smtp.received.slice(beforeNext).map((m) => m.to[0])).toEqual([bob.email])
  })

  it('sends nobody twice: concurrent workers and a run that dies part-way', async () => {
    const people = await Promise.all(['Gil', 'Hal', 'Ivy', 'Jo', 'Kai', 'Lu'].map((n) => person(`${n} Idem`)))
    const seg = await staticSegment(people.map((p) => p.id))
    const id = await emailCampaign(String(seg.id), { status: 'scheduled', scheduledAt: new Date(Date.now() - 1000).toISOString() })
    const before = smtp.received.length
    expect(await startCampaign(payload, id, new Date())).toBe(6)
    expect(await startCampaign(payload, id, new Date())).toBeNull() // already started
    // A worker that crashes after two messages...
    await expect(
      sendPending(payload, id, () => new Date(), {
        afterEach: (n) => {
          if (n === 2) throw new Error('worker killed')
        },
      }),
    ).rejects.toThrow('worker killed')
    expect(smtp.received.slice(before).filter((m) => people.some((p) => p.email === m.to[0]))).toHaveLength(2)
    // ...then two workers at once, then a third run for good measure.
    await Promise.all([sendDueCampaigns(payload), sendDueCampaigns(payload)])
    await sendDueCampaigns(payload)
    const ours = new Set(people.map((p) => p.email))
    const got = smtp.received
      .slice(before)
      .map((m) => m.to[0])
      .filter((to) => ours.has(to))
      .sort()
    expect(got).toEqual([...ours].sort())
    expect((await sendsOf(id)).every((s) => s.status === 'sent')).toBe(true)
    expect((await analyticsOf(id)).sends).toBe(6)
  })

  it('a recipient who unsubscribes after the list was built is skipped at send time', async () => {
    const [m, n] = await Promise.all([person('Mo Late'), person('Ned Late')])
    const seg = await staticSegment([m.id, n.id])
    const id = await emailCampaign(String(seg.id), { status: 'scheduled', scheduledAt: new Date(Date.now() - 1000).toISOString() })
    await startCampaign(payload, id, new Date())
    await payload.update({
      collection: 'users',
      id: m.id,
      data: { profile: { notificationSettings: { marketing: false } } } as never,
      ...sudo,
    })
    const before = smtp.received.length
    await sendPending(payload, id, () => new Date())
    expect(smtp.received.slice(before).map((x) => x.to[0])).toEqual([n.email])
    expect((await sendsOf(id)).map((s) => s.status).sort()).toEqual(['sent', 'skipped'])
  })

  it('a user who received campaign email can still be deleted; the send stays for the counts', async () => {
    const gone = await person('Gone Soon')
    const id = await emailCampaign(String((await staticSegment([gone.id])).id), {
      status: 'scheduled',
      scheduledAt: new Date(Date.now() - 1000).toISOString(),
    })
    await startCampaign(payload, id, new Date())
    await sendPending(payload, id, () => new Date())
    await payload.delete({ collection: 'users', id: gone.id, overrideAccess: true })
    expect((await sendsOf(id)).map((s) => [s.status, s.user_id])).toEqual([['sent', null]])
  })

  it('refuses to schedule without a segment, and people cannot mark a campaign sent', async () => {
    const id = String(
      (
        await payload.create({
          collection: 'email-campaigns',
          data: { campaign: campaignId, subject: 'S', senderName: 'F', senderEmail: 'n@test.local', content: richText('x') } as never,
          ...sudo,
        })
      ).id,
    )
    const res = await api.post(`/email-campaigns/${id}/send`, {}, marketingToken)
    expect(res.status).toBe(400)
    expect(res.body.message).toContain('segment')
    const patched = await api.patch(`/email-campaigns/${id}`, { status: 'sent' }, marketingToken)
    expect(patched.status).toBe(400)
    expect(JSON.stringify(patched.body)).toContain('status')
    expect((await api.post(`/email-campaigns/${unique('x')}/send`, {}, marketingToken)).status).toBe(400)
  })
})
