/**
 * Every report on data seeded here with figures worked out by hand. Analytics live in March
 * 2031 so no other test's rows fall into the windows; rows are picked out by the ids made here.
 * Promotional-code figures come from real checkouts (hold, order with the code, Stripe webhook).
 */
import type { Payload } from 'payload'
import type { Pool } from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startFakeStripe, type FakeStripe } from '../../src/dev/fakeStripe'
import { poolOf } from '../../src/db/pool'
import { refreshEngagementRollup } from '../../src/domain/reports/rollups'
import { richText } from '../../src/seed/richText'
import { closePayload, getTestPayload, makeUser, unique, type TestUser } from '../helpers/payload'
import { apiClient, gatedRoutes, type Api } from '../helpers/rest'
import { makeCode, makeEvent, makeTicketType } from '../helpers/ticketing'

let payload: Payload
let api: Api
let pool: Pool
let stripe: FakeStripe
let marketing: TestUser
let token: string
const fx: Record<string, string> = {}
const sudo = { overrideAccess: true, depth: 0 } as const
const SECRET = 'whsec_reports'
const mk = async (collection: string, data: Record<string, unknown>) =>
  String(((await payload.create({ collection, data, ...sudo } as never)) as { id: string }).id)
const report = async (name: string, query = '') => {
  const res = await api.get(`/reports/${name}${query ? `?${query}` : ''}`, token)
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  return res.body.rows as Array<Record<string, any>>
}
const only = (rows: Array<Record<string, any>>, key: string, ids: string[]) => rows.filter((r) => ids.includes(r[key]))
const MARCH = 'from=2031-03-01&to=2031-03-31'

async function buy(ticketType: string, quantity: number, code: string) {
  const hold = (await api.post('/checkout/holds', { items: [{ ticketType, quantity }] })).body
  const order = await api.post('/checkout/orders', {
    hold: hold.id,
    token: hold.token,
    billing: { email: `${unique('buyer')}@test.local`, name: 'B' },
    discountCode: code,
  })
  expect(order.status, JSON.stringify(order.body)).toBe(201)
  const pi = [...stripe.intents.values()].find((p) => p.metadata.orderId === order.body.order.id)!
  await stripe.confirm(pi.id)
  const ev = stripe.signedEvent('payment_intent.succeeded', pi)
  expect((await api.raw('POST', '/stripe/webhook', ev.body, { 'stripe-signature': ev.signature })).body.outcome).toBe('completed')
  return order.body.order as { id: string; total: number; discount: number }
}

beforeAll(async () => {
  stripe = await startFakeStripe({ webhookSecret: SECRET })
  process.env.STRIPE_API_BASE = stripe.url
  process.env.STRIPE_WEBHOOK_SECRET = SECRET
  payload = await getTestPayload()
  api = apiClient(payload.config, await gatedRoutes())
  pool = poolOf(payload)
  marketing = await makeUser(payload, 'marketing')
  token = await api.login(marketing.email, 'Correct-Horse-9')
  const organizer = await makeUser(payload, 'organizer')
  fx.e1 = String((await makeEvent(payload, organizer.id, { title: unique('Gala') })).id)
  fx.e2 = String((await makeEvent(payload, organizer.id, { title: unique('Expo') })).id)

  // Sponsorship.
  fx.b1 = await mk('sponsor-benefits', { name: 'Logo on the runway wall', category: 'branding' })
  fx.b2 = await mk('sponsor-benefits', { name: 'Front-row seats', category: 'hospitality' })
  fx.gold = await mk('sponsorship-tiers', {
    name: unique('Gold'),
    order: 1,
    benefits: [
      { benefit: fx.b2, quantity: 4, details: 'Row A' },
      { benefit: fx.b1, quantity: 1 },
    ],
  })
  fx.silver = await mk('sponsorship-tiers', { name: unique('Silver'), order: 2 })
  fx.s1 = await mk('sponsors', {
    name: unique('Aurum'),
    status: 'active',
    industry: 'Jewellery',
    description: 'A luxury fashion house from Milan',
  })
  fx.s2 = await mk('sponsors', { name: unique('Beta'), status: 'active', industry: 'Drinks', description: 'Sparkling water' })
  fx.s3 = await mk('sponsors', { name: unique('Pending'), status: 'pending', description: 'luxury fashion too' })
  fx.s4 = await mk('sponsors', { name: unique('Cancelled'), status: 'active' })
  const span = { startDate: '2031-02-15', endDate: '2031-04-15' }
  fx.sp1 = await mk('sponsorships', { sponsor: fx.s1, event: fx.e1, tier: fx.gold, ...span, status: 'approved', amount: 2_000_000 })
  fx.sp2 = await mk('sponsorships', { sponsor: fx.s1, event: fx.e2, tier: fx.silver, ...span, status: 'approved' })
  fx.sp3 = await mk('sponsorships', { sponsor: fx.s2, event: fx.e1, tier: fx.silver, ...span, status: 'approved', featured: true })
  await mk('sponsorships', { sponsor: fx.s3, event: fx.e1, tier: fx.silver, ...span })
  await mk('sponsorships', { sponsor: fx.s4, event: fx.e1, customTierName: 'Friend', ...span, status: 'cancelled' })
  await mk('sponsorships', { sponsor: fx.s2, event: fx.e2, customTierName: 'Later', startDate: '2031-06-01', endDate: '2031-06-30' })
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')
  const file = (n: string) => ({ data: png, mimetype: 'image/png', name: `${unique(n)}.png`, size: png.length })
  for (const [name, sp, status] of [
    ['Banner', fx.sp1, 'approved'],
    ['Alpha logo', fx.sp1, 'approved'],
    ['Draft', fx.sp1, 'pending'],
    ['Bottle', fx.sp3, 'approved'],
  ] as const) {
    await payload.create({ collection: 'sponsorship-assets', data: { name, sponsorship: sp, status } as never, file: file(name), ...sudo })
  }
  for (const row of [
    { day: '2031-03-01', impressions: 1000, clicks: 50, leads: 5, conversions: 2, roi: { cost: 10000, value: 30000 } },
    { day: '2031-03-02', impressions: 500, clicks: 25, leads: 1, conversions: 1, roi: { cost: 10000, value: 0 } },
  ])
    await mk('sponsor-analytics', { sponsor: fx.s1, event: fx.e1, ...row })
  await mk('sponsor-analytics', {
    sponsor: fx.s2,
    event: fx.e1,
    day: '2031-03-02',
    impressions: 200,
    clicks: 2,
    roi: { cost: 5000, value: 2500 },
  })
  await mk('sponsor-analytics', { sponsor: fx.s2, event: fx.e1, day: '2031-05-02', impressions: 999 })

  // Campaigns and their analytics.
  fx.c1 = await mk('marketing-campaigns', {
    name: unique('Spring'),
    startDate: '2031-03-01',
    endDate: '2031-03-31',
    status: 'active',
    event: fx.e1,
    budget: 100000,
  })
  fx.c2 = await mk('marketing-campaigns', { name: unique('Paused'), startDate: '2031-03-01', endDate: '2031-03-31', status: 'paused' })
  fx.c3 = await mk('marketing-campaigns', { name: unique('Old'), startDate: '2030-01-01', endDate: '2030-01-31', status: 'active' })
  await mk('campaign-analytics', {
    campaign: fx.c1,
    day: '2031-03-05',
    channel: 'email',
    impressions: 1000,
    clicks: 100,
    conversions: 10,
    revenue: 50000,
    cost: 10000,
  })
  await mk('campaign-analytics', {
    campaign: fx.c1,
    day: '2031-03-06',
    channel: 'social',
    impressions: 4000,
    clicks: 200,
    conversions: 5,
    revenue: 20000,
    cost: 15000,
  })
  await mk('campaign-analytics', { campaign: fx.c1, day: '2031-04-06', channel: 'social', impressions: 7777, revenue: 1 })
  await mk('campaign-analytics', { campaign: fx.c2, day: '2031-03-06', channel: 'web', impressions: 10, clicks: 1, revenue: 100, cost: 50 })

  // Email campaign already sent on 5 March with its counters.
  fx.segment = await mk('marketing-segments', { name: unique('Seg'), type: 'static', members: [marketing.id] })
  fx.email = await mk('email-campaigns', {
    campaign: fx.c1,
    subject: 'Spring is here',
    senderName: 'F',
    senderEmail: 'n@test.local',
    content: richText('x'),
    segment: fx.segment,
  })
  await pool.query(`UPDATE email_campaigns SET status = 'sent', sent_at = '2031-03-05T09:00:00Z' WHERE id = $1`, [fx.email])
  await pool.query(
    `INSERT INTO email_analytics (email_campaign_id, day, sends, opens, clicks, bounces, unsubscribes) VALUES ($1, '2031-03-05', 150, 40, 6, 3, 1), ($1, '2031-03-06', 50, 10, 4, 0, 0)`,
    [fx.email],
  )

  // Social posts: two published in March (instagram, twitter), one draft.
  fx.p1 = await mk('social-posts', {
    campaign: fx.c1,
    platform: 'instagram',
    content: 'Look 1',
    status: 'published',
    postUrl: 'https://instagram.example/p/1',
    publishedAt: '2031-03-06T10:00:00Z',
  })
  fx.p2 = await mk('social-posts', { campaign: fx.c1, platform: 'instagram', content: 'Draft' })
  fx.p3 = await mk('social-posts', {
    campaign: fx.c1,
    platform: 'twitter',
    content: 'Tweet',
    status: 'published',
    postUrl: 'https://x.example/s/3',
    publishedAt: '2031-03-07T10:00:00Z',
  })
  await mk('social-analytics', { post: fx.p1, day: '2031-03-06', impressions: 1000, reach: 800, likes: 40, comments: 5, shares: 5 })
  await mk('social-analytics', { post: fx.p2, day: '2031-03-06', impressions: 5000, likes: 500 })
  await mk('social-analytics', { post: fx.p3, day: '2031-03-07', impressions: 200, likes: 10 })

  // Engagement on 10 March: 3 page views by two sessions and a user, 1 share.
  await pool.query(
    `INSERT INTO user_engagement (type, source, session_id, user_id, occurred_at) VALUES
       ('page_view', 'web', 'rep-s1', NULL, '2031-03-10T08:00:00Z'), ('page_view', 'web', 'rep-s1', NULL, '2031-03-10T09:00:00Z'),
       ('page_view', 'web', NULL, $1, '2031-03-10T23:59:59Z'), ('share', 'app', 'rep-s2', NULL, '2031-03-10T12:00:00Z'),
       ('page_view', 'web', 'rep-s3', NULL, '2031-03-11T00:00:00Z')`,
    [marketing.id],
  )

  // Promotional code of campaign 1, used by two real checkouts; a ticket type with a hold.
  fx.tt = String((await makeTicketType(payload, fx.e2, { price: 5000, capacity: 50 })).id)
  const code = await makeCode(payload, { value: 10, campaign: fx.c1 })
  fx.code = String(code.id)
  fx.codeName = String(code.code)
  fx.unused = String((await makeCode(payload, { value: 5 })).id)
  const o1 = await buy(fx.tt, 1, fx.codeName)
  const o2 = await buy(fx.tt, 2, fx.codeName)
  fx.o1total = String(o1.total)
  fx.o2total = String(o2.total)
  await api.post('/checkout/holds', { items: [{ ticketType: fx.tt, quantity: 2 }] })
})
afterAll(async () => {
  await closePayload(payload)
  await stripe.close()
})

describe('access and parameters', () => {
  it('needs reports:read: marketing and admins, or an API key with that scope', async () => {
    expect((await api.get('/reports/campaigns')).status).toBe(401)
    const attendee = await makeUser(payload, 'attendee')
    expect((await api.get('/reports/campaigns', await api.login(attendee.email, 'Correct-Horse-9'))).status).toBe(403)
    const admin = await makeUser(payload, 'admin')
    const adminToken = await api.login(admin.email, 'Correct-Horse-9')
    const withScope = (await api.post('/api-keys', { name: unique('rep'), scopes: ['reports:read'] }, adminToken)).body.doc.key
    const without = (await api.post('/api-keys', { name: unique('rep'), scopes: ['events:read'] }, adminToken)).body.doc.key
    expect((await api.get('/reports/segments', withScope)).status).toBe(200)
    expect((await api.get('/reports/segments', without)).status).toBe(403)
    const list = await api.get('/reports', token)
    expect(list.body.reports.map((r: { name: string }) => r.name)).toEqual(
      expect.arrayContaining(['campaigns', 'email-performance', 'promo-codes', 'sponsor-roi', 'ticket-sales', 'capacity']),
    )
  })

  it('answers bad parameters with 400 naming them, and unknown reports with 404', async () => {
    const bad = await api.get('/reports/campaigns?from=2031-13-45', token)
    expect(bad.status).toBe(400)
    expect(bad.body.message).toContain('from')
    const reversed = await api.get('/reports/campaigns?from=2031-03-10&to=2031-03-01', token)
    expect(reversed.status).toBe(400)
    expect(reversed.body.message).toContain('from')
    const noEvent = await api.get('/reports/event-sponsors', token)
    expect(noEvent.status).toBe(400)
    expect(noEvent.body.message).toContain('event')
    expect((await api.get("/reports/event-sponsors?event=1'%20OR%201=1", token)).status).toBe(400)
    expect((await api.get('/reports/nope', token)).status).toBe(404)
    expect((await api.get('/reports/sponsor-search?q=' + encodeURIComponent('"unbalanced & | !('), token)).status).toBe(200)
  })
})

describe('sponsorship reports', () => {
  it('sponsors-active: active sponsors with their sponsorships running in the window', async () => {
    const rows = only(await report('sponsors-active', MARCH), 'id', [fx.s1, fx.s2, fx.s3, fx.s4])
    expect(rows.map((r) => [r.id, r.activeSponsorships])).toEqual([
      [fx.s1, 2],
      [fx.s2, 1],
    ])
    const june = only(await report('sponsors-active', 'from=2031-06-10&to=2031-06-10'), 'id', [fx.s1, fx.s2])
    expect(june.map((r) => [r.id, r.activeSponsorships])).toEqual([[fx.s2, 1]])
  })

  it("event-sponsors: featured first, then tier order, with the tier's benefits", async () => {
    const rows = await report('event-sponsors', `event=${fx.e1}&approvedOnly=true`)
    expect(rows.map((r) => r.id)).toEqual([fx.s2, fx.s1])
    expect(rows[1]).toMatchObject({
      tier: expect.stringContaining('Gold'),
      featured: false,
      tierBenefits: [
        { name: 'Front-row seats', category: 'hospitality', quantity: 4, details: 'Row A' },
        { name: 'Logo on the runway wall', category: 'branding', quantity: 1, details: null },
      ],
    })
    expect((await report('event-sponsors', `event=${fx.e1}`)).map((r) => r.id)).toEqual(expect.arrayContaining([fx.s1, fx.s2, fx.s4]))
  })

  it("tier-benefits: a tier's benefits by category then name", async () => {
    expect((await report('tier-benefits', `tier=${fx.gold}`)).map((r) => [r.name, r.quantity])).toEqual([
      ['Logo on the runway wall', 1],
      ['Front-row seats', 4],
    ])
  })

  it('sponsor-roi: totals per sponsor and event, ROI % from cost and value', async () => {
    const rows = only(await report('sponsor-roi', MARCH), 'sponsorId', [fx.s1, fx.s2])
    expect(rows).toEqual([
      expect.objectContaining({
        sponsorId: fx.s1,
        eventId: fx.e1,
        impressions: 1500,
        clicks: 75,
        leads: 6,
        conversions: 3,
        cost: 20000,
        value: 30000,
        ctr: 5,
        roiPercent: 50,
      }),
      expect.objectContaining({
        sponsorId: fx.s2,
        eventId: fx.e1,
        impressions: 200,
        clicks: 2,
        cost: 5000,
        value: 2500,
        ctr: 1,
        roiPercent: -50,
      }),
    ])
  })

  it('sponsor-daily: impressions per day, zero-filled', async () => {
    const rows = await report('sponsor-daily', 'from=2031-03-01&to=2031-03-03')
    expect(rows.map((r) => r.day)).toEqual(['2031-03-01', '2031-03-02', '2031-03-03'])
    expect(rows.map((r) => r.impressions)).toEqual([1000, 700, 0])
  })

  it('sponsor-search: full-text over name, description and industry', async () => {
    const ids = (await report('sponsor-search', 'q=luxury%20fashion')).map((r) => r.id)
    expect(ids).toContain(fx.s1)
    expect(ids).not.toContain(fx.s2)
    expect((await report('sponsor-search', 'q=jewellery')).map((r) => r.id)).toContain(fx.s1)
    expect((await report('sponsor-search', 'q=jewellery&to=2000-01-01')).map((r) => r.id)).not.toContain(fx.s1)
  })

  it("event-assets: an event's approved assets by sponsor and name", async () => {
    const rows = await report('event-assets', `event=${fx.e1}`)
    const mine = rows.filter((r) => ['Banner', 'Alpha logo', 'Draft', 'Bottle'].includes(r.name))
    const s1 = (await payload.findByID({ collection: 'sponsors', id: fx.s1, ...sudo })).name
    const s2 = (await payload.findByID({ collection: 'sponsors', id: fx.s2, ...sudo })).name
    expect(mine.map((r) => [r.sponsor, r.name])).toEqual([
      [s1, 'Alpha logo'],
      [s1, 'Banner'],
      [s2, 'Bottle'],
    ])
    expect((await report('event-assets', `event=${fx.e1}&status=pending`)).map((r) => r.name)).toContain('Draft')
    const today = new Date().toISOString().slice(0, 10)
    expect((await report('event-assets', `event=${fx.e1}&from=${today}&to=${today}`)).length).toBe(3)
    expect(await report('event-assets', `event=${fx.e1}&from=2099-01-01`)).toEqual([])
  })
})

describe('marketing reports', () => {
  it('campaigns: active campaigns in the window with totals, profit and ROI', async () => {
    const rows = only(await report('campaigns', MARCH), 'id', [fx.c1, fx.c2, fx.c3])
    expect(rows).toEqual([
      expect.objectContaining({
        id: fx.c1,
        impressions: 5000,
        clicks: 300,
        conversions: 15,
        revenue: 70000,
        cost: 25000,
        profit: 45000,
        roi: 2.8,
        startDate: '2031-03-01',
        endDate: '2031-03-31',
      }),
    ])
    // A window of one day takes that day's analytics only.
    expect(only(await report('campaigns', 'from=2031-03-05&to=2031-03-05'), 'id', [fx.c1])[0]).toMatchObject({
      impressions: 1000,
      revenue: 50000,
      cost: 10000,
      profit: 40000,
      roi: 5,
    })
  })

  it('campaign-channels: per campaign and channel with CTR, conversion rate and ROI', async () => {
    const rows = only(await report('campaign-channels', MARCH), 'campaignId', [fx.c1, fx.c2])
    expect(rows.map((r) => [r.campaignId, r.channel, r.ctr, r.conversionRate, r.roi])).toEqual([
      [fx.c1, 'email', 10, 10, 5],
      [fx.c1, 'social', 5, 2.5, 1.33],
      [fx.c2, 'web', 10, 0, 2],
    ])
  })

  it('email-performance: sends, opens, open rate and click-to-open rate', async () => {
    const [row] = only(await report('email-performance', MARCH), 'id', [fx.email])
    expect(row).toMatchObject({ sends: 200, opens: 50, clicks: 10, bounces: 3, unsubscribes: 1, openRate: 25, clickToOpenRate: 20 })
    expect(only(await report('email-performance', 'from=2031-04-01&to=2031-04-30'), 'id', [fx.email])).toEqual([])
  })

  it('social-performance: published posts per platform with engagement rate', async () => {
    const rows = (await report('social-performance', MARCH)).filter((r) => ['instagram', 'twitter'].includes(r.platform))
    expect(rows).toEqual([
      expect.objectContaining({
        platform: 'instagram',
        posts: 1,
        impressions: 1000,
        engagement: 50,
        likes: 40,
        comments: 5,
        shares: 5,
        engagementRate: 5,
      }),
      expect.objectContaining({ platform: 'twitter', posts: 1, impressions: 200, engagement: 10, likes: 10, engagementRate: 5 }),
    ])
  })

  it('promo-codes: uses from real paid orders, with discount, order value and unique buyers; the campaign counts the conversions', async () => {
    const rows = only(await report('promo-codes'), 'id', [fx.code, fx.unused])
    const o1 = Number(fx.o1total)
    const o2 = Number(fx.o2total)
    expect(o1).toBe(4500) // 5000 less 10 %
    expect(o2).toBe(9000)
    expect(rows).toEqual([
      expect.objectContaining({
        id: fx.code,
        code: fx.codeName,
        campaign: expect.stringContaining('Spring'),
        uses: 2,
        totalDiscount: 1500,
        totalOrderValue: o1 + o2,
        averageDiscount: 750,
        uniqueBuyers: 2,
        currency: 'EUR',
      }),
      expect.objectContaining({ id: fx.unused, uses: 0, totalDiscount: 0, campaign: null }),
    ])
    const today = new Date().toISOString().slice(0, 10)
    const promo = only(await report('campaign-channels', `from=${today}&to=${today}`), 'campaignId', [fx.c1])
    expect(promo).toEqual([expect.objectContaining({ channel: 'promo_code', conversions: 2, revenue: o1 + o2 })])
  })

  it('engagement: per UTC day, type and source, with unique people, from a rollup that says how fresh it is', async () => {
    await refreshEngagementRollup(pool)
    const res = await api.get('/reports/engagement?from=2031-03-10&to=2031-03-10', token)
    expect(res.body.freshness).toMatchObject({ live: false, rollup: 'engagement_daily', refreshedEvery: '1 minute' })
    expect(Date.now() - Date.parse(res.body.freshness.refreshedAt)).toBeLessThan(60_000)
    const figures = (rows: Array<Record<string, any>>) => rows.map((r) => [r.day, r.type, r.source, r.total, r.uniquePeople])
    expect(figures(res.body.rows)).toEqual([
      ['2031-03-10', 'page_view', 'web', 3, 2],
      ['2031-03-10', 'share', 'app', 1, 1],
    ])
    // A new row counts once the rollup is refreshed, and only that day is rebuilt.
    await pool.query(
      `INSERT INTO user_engagement (type, source, session_id, occurred_at) VALUES ('page_view', 'web', 'rep-s9', '2031-03-10T10:00:00Z')`,
    )
    expect(figures(await report('engagement', 'from=2031-03-10&to=2031-03-10'))[0]).toEqual(['2031-03-10', 'page_view', 'web', 3, 2])
    const refreshed = await refreshEngagementRollup(pool)
    expect(refreshed.days).toBeGreaterThanOrEqual(1)
    expect(figures(await report('engagement', 'from=2031-03-10&to=2031-03-10'))[0]).toEqual(['2031-03-10', 'page_view', 'web', 4, 3])
    // The scheduled job does the same through Payload's queue (a completed job is deleted, so its work is the evidence).
    await pool.query(
      `INSERT INTO user_engagement (type, source, session_id, occurred_at) VALUES ('share', 'web', 'rep-s9', '2031-03-10T11:00:00Z')`,
    )
    const before = (await api.get('/reports/engagement?from=2031-03-10&to=2031-03-10', token)).body.freshness.refreshedAt
    const job = await payload.jobs.queue({ task: 'refreshReportRollups', input: {} })
    await payload.jobs.runByID({ id: job.id })
    const after = await api.get('/reports/engagement?from=2031-03-10&to=2031-03-10', token)
    expect(Date.parse(after.body.freshness.refreshedAt)).toBeGreaterThan(Date.parse(before))
    expect(figures(await report('engagement', 'from=2031-03-10&to=2031-03-10'))).toEqual([
      ['2031-03-10', 'page_view', 'web', 4, 3],
      ['2031-03-10', 'share', 'app', 1, 1],
      ['2031-03-10', 'share', 'web', 1, 1],
    ])
    // Reports read live say so.
    expect((await api.get(`/reports/segments`, token)).body.freshness).toEqual({ live: true })
  })

  it('segments: member counts and computed sizes', async () => {
    const [row] = only(await report('segments'), 'id', [fx.segment])
    expect(row).toMatchObject({ type: 'static', members: 1, estimatedSize: 1, reachable: 0, computedAt: expect.any(String) })
    expect(only(await report('segments', 'to=2000-01-01'), 'id', [fx.segment])).toEqual([])
  })
})

describe('ticketing reports', () => {
  it('ticket-sales: orders, tickets and revenue per event and day', async () => {
    const rows = await report('ticket-sales', `event=${fx.e2}`)
    expect(rows).toEqual([
      expect.objectContaining({
        eventId: fx.e2,
        orders: 2,
        tickets: 3,
        revenue: Number(fx.o1total) + Number(fx.o2total),
        currency: 'EUR',
        day: new Date().toISOString().slice(0, 10),
      }),
    ])
  })

  it('capacity: sold, held and left per ticket type', async () => {
    const rows = await report('capacity', `event=${fx.e2}`)
    expect(rows).toEqual([expect.objectContaining({ id: fx.tt, capacity: 50, sold: 3, held: 2, left: 45, soldPercent: 6 })])
    // makeEvent's events start on 2030-05-01.
    expect(await report('capacity', `event=${fx.e2}&from=2030-05-01&to=2030-05-01`)).toHaveLength(1)
    expect(await report('capacity', `event=${fx.e2}&from=2030-05-02`)).toEqual([])
  })
})
