/**
 * The sponsorship layer through the REST API: a sponsor user's own profile and uploads, the
 * organizer's approval workflow, one sponsorship per sponsor and event, one benefit per tier,
 * the sponsor list block, and engagement tracking (which also counts sponsor impressions).
 */
import type { Payload } from 'payload'
import type { Pool } from 'pg'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { poolOf } from '../../src/db/pool'
import { closePayload, getTestPayload, makeUser, as, unique, type TestUser } from '../helpers/payload'
import { apiClient, awayFromMinuteEdge, type Api } from '../helpers/rest'
import { makeEvent } from '../helpers/ticketing'

let payload: Payload
let api: Api
let pool: Pool
let organizer: TestUser
let otherOrganizer: TestUser
let sponsorUser: TestUser
let eventId: string
let tierGold: string
let tierSilver: string
const sudo = { overrideAccess: true, depth: 0 } as const

const png = async () => {
  const data = await sharp({ create: { width: 64, height: 32, channels: 3, background: '#111111' } })
    .png()
    .toBuffer()
  return { data, mimetype: 'image/png', name: `${unique('logo')}.png`, size: data.length }
}
const mk = async (collection: string, data: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  String(((await payload.create({ collection, data, ...sudo, ...extra } as never)) as { id: string }).id)
const sponsorship = (sponsor: string, extra: Record<string, unknown> = {}) =>
  mk('sponsorships', {
    sponsor,
    event: eventId,
    tier: tierGold,
    startDate: '2030-04-01',
    endDate: '2030-05-31',
    amount: 1_500_000,
    ...extra,
  })

beforeAll(async () => {
  process.env.TRACK_BATCHES_PER_MINUTE = '5'
  payload = await getTestPayload()
  api = apiClient(payload.config)
  pool = poolOf(payload)
  organizer = await makeUser(payload, 'organizer')
  otherOrganizer = await makeUser(payload, 'organizer')
  sponsorUser = await makeUser(payload, 'sponsor')
  eventId = String((await makeEvent(payload, organizer.id)).id)
  const benefit = await mk('sponsor-benefits', { name: unique('Runway logo'), category: 'branding', physical: true })
  const seats = await mk('sponsor-benefits', { name: unique('VIP seats'), category: 'hospitality', physical: true })
  tierGold = await mk('sponsorship-tiers', {
    name: unique('Gold'),
    order: 1,
    benefits: [
      { benefit, quantity: 1 },
      { benefit: seats, quantity: 4, details: 'Front row' },
    ],
  })
  tierSilver = await mk('sponsorship-tiers', { name: unique('Silver'), order: 2 })
})
afterAll(async () => closePayload(payload))

describe('sponsor profiles', () => {
  it('a sponsor user creates their own profile (pending, theirs), edits it, and cannot activate it', async () => {
    const token = await api.login(sponsorUser.email, 'Correct-Horse-9')
    const res = await api.post('/sponsors', { name: unique('Maison Or'), status: 'active', owner: organizer.id, industry: 'Luxury' }, token)
    expect(res.status).toBe(201)
    expect(res.body.doc.status).toBe('pending')
    expect((await payload.findByID({ collection: 'sponsors', id: res.body.doc.id, ...sudo })).owner).toBe(sponsorUser.id)
    expect(res.body.doc.slug).toMatch(/^maison-or/)
    const id = res.body.doc.id
    expect((await api.patch(`/sponsors/${id}`, { description: 'Since 1921' }, token)).status).toBe(200)
    const activate = await api.patch(`/sponsors/${id}`, { status: 'active' }, token)
    expect((await payload.findByID({ collection: 'sponsors', id, ...sudo })).status).toBe('pending')
    expect([200, 403]).toContain(activate.status)
    // Pending profiles are not public.
    expect((await api.get(`/sponsors/${id}`)).status).toBe(404)
  })
})

describe('sponsorships', () => {
  it('are one per sponsor and event, and need a tier or a custom tier name', async () => {
    const sponsor = await mk('sponsors', { name: unique('Once'), status: 'active' })
    await sponsorship(sponsor)
    await expect(sponsorship(sponsor)).rejects.toThrow()
    const token = await api.login(organizer.email, 'Correct-Horse-9')
    const noTier = await api.post(
      '/sponsorships',
      {
        sponsor: await mk('sponsors', { name: unique('N'), status: 'active' }),
        event: eventId,
        startDate: '2030-04-01',
        endDate: '2030-05-01',
      },
      token,
    )
    expect(noTier.status).toBe(400)
    expect(JSON.stringify(noTier.body)).toContain('tier')
    const backwards = await api.post(
      '/sponsorships',
      {
        sponsor: await mk('sponsors', { name: unique('B'), status: 'active' }),
        event: eventId,
        customTierName: 'Friend',
        startDate: '2030-05-01',
        endDate: '2030-04-01',
      },
      token,
    )
    expect(backwards.status).toBe(400)
    expect(JSON.stringify(backwards.body)).toContain('endDate')
    const otherToken = await api.login(otherOrganizer.email, 'Correct-Horse-9')
    const notTheirs = await api.post(
      '/sponsorships',
      {
        sponsor: await mk('sponsors', { name: unique('O'), status: 'active' }),
        event: eventId,
        customTierName: 'Friend',
        startDate: '2030-04-01',
        endDate: '2030-05-01',
      },
      otherToken,
    )
    expect(notTheirs.status).toBe(403)
  })

  it('approval is stamped with who and when', async () => {
    const id = await sponsorship(await mk('sponsors', { name: unique('Appr'), status: 'active' }))
    const token = await api.login(organizer.email, 'Correct-Horse-9')
    const res = await api.patch(`/sponsorships/${id}`, { status: 'approved' }, token)
    expect(res.status).toBe(200)
    expect(res.body.doc).toMatchObject({
      status: 'approved',
      approvedBy: expect.objectContaining({ id: organizer.id }),
      approvedAt: expect.any(String),
    })
  })

  it('a tier lists a benefit once', async () => {
    const b = await mk('sponsor-benefits', { name: unique('Dup'), category: 'media' })
    await expect(mk('sponsorship-tiers', { name: unique('Twice'), order: 5, benefits: [{ benefit: b }, { benefit: b }] })).rejects.toThrow(
      /Benefits/,
    )
    await expect(
      pool.query(
        `INSERT INTO tier_benefits (_order, _parent_id, id, benefit_id) SELECT 9, _parent_id, 'x' || id, benefit_id FROM tier_benefits WHERE _parent_id = $1 LIMIT 1`,
        [tierGold],
      ),
    ).rejects.toThrow(/tier_benefits_once_per_tier/)
  })
})

describe('sponsorship assets', () => {
  it('sponsor uploads (pending), only the organizer approves or rejects (with a reason), the public sees approved ones', async () => {
    const sponsor = await mk('sponsors', { name: unique('Assets'), status: 'active', owner: sponsorUser.id })
    const sp = await sponsorship(sponsor)
    const asset = await payload.create({
      collection: 'sponsorship-assets',
      data: { name: 'Logo', sponsorship: sp, status: 'approved' } as never,
      file: await png(),
      depth: 0,
      ...as(sponsorUser),
    })
    expect(asset).toMatchObject({ status: 'pending', uploadedBy: sponsorUser.id, width: 64, height: 32, mimeType: 'image/png' })
    await expect(
      payload.update({
        collection: 'sponsorship-assets',
        id: asset.id,
        data: { status: 'approved' } as never,
        depth: 0,
        ...as(sponsorUser),
      }),
    ).rejects.toMatchObject({
      data: { errors: [expect.objectContaining({ path: 'status', message: expect.stringContaining('organizer') })] },
    })
    await expect(
      payload.update({ collection: 'sponsorship-assets', id: asset.id, data: { status: 'rejected' } as never, depth: 0, ...as(organizer) }),
    ).rejects.toMatchObject({ data: { errors: [expect.objectContaining({ path: 'rejectionReason' })] } })
    const rejected = await payload.update({
      collection: 'sponsorship-assets',
      id: asset.id,
      data: { status: 'rejected', rejectionReason: 'Too small' } as never,
      depth: 0,
      ...as(organizer),
    })
    expect(rejected).toMatchObject({ status: 'rejected', reviewedBy: organizer.id })
    expect((await api.get(`/sponsorship-assets/${asset.id}`)).status).toBe(404)
    const approved = await payload.update({
      collection: 'sponsorship-assets',
      id: asset.id,
      data: { status: 'approved' } as never,
      depth: 0,
      ...as(organizer),
    })
    expect(approved.status).toBe('approved')
    expect((await api.get(`/sponsorship-assets/${asset.id}`)).status).toBe(200)
    // Another organizer's event is not theirs to review.
    await expect(
      payload.update({
        collection: 'sponsorship-assets',
        id: asset.id,
        data: { status: 'pending' } as never,
        depth: 0,
        ...as(otherOrganizer),
      }),
    ).rejects.toThrow()
  })
})

describe('the sponsor list block', () => {
  it("shows an event's approved sponsorships of active sponsors, featured first, then by tier", async () => {
    const event = String((await makeEvent(payload, organizer.id)).id)
    const spn = async (name: string, extra: Record<string, unknown>, status = 'active') => {
      const s = await mk('sponsors', { name, status })
      await mk('sponsorships', { sponsor: s, event, startDate: '2030-04-01', endDate: '2030-05-31', status: 'approved', ...extra })
      return name
    }
    const silver = await spn(unique('A silver'), { tier: tierSilver })
    const gold = await spn(unique('B gold'), { tier: tierGold })
    const featured = await spn(unique('C featured'), { tier: tierSilver, featured: true })
    await spn(unique('D proposed'), { tier: tierGold, status: 'proposed' })
    await spn(unique('E inactive'), { tier: tierGold }, 'inactive')
    const page = await payload.create({
      collection: 'pages',
      data: {
        title: unique('Sponsors page'),
        _status: 'published',
        layout: [{ blockType: 'sponsorList', title: 'Our partners', event, limit: 10 }],
      } as never,
      ...sudo,
    })
    const read = await api.get(`/pages/${page.id}`)
    const block = read.body.layout[0]
    expect(block.resolvedSponsors.map((s: { name: string }) => s.name)).toEqual([featured, gold, silver])
    expect(block.resolvedSponsors[1]).toMatchObject({
      tier: expect.stringContaining('Gold'),
      tierBenefits: [expect.objectContaining({ category: 'branding' }), expect.objectContaining({ quantity: 4, details: 'Front row' })],
    })
  })
})

describe('POST /api/track', () => {
  const ip = () => `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`
  const post = (body: unknown, headers: Record<string, string> = {}, token?: string) =>
    api.call('POST', '/track', { body, token, headers: { 'x-forwarded-for': ip(), 'user-agent': 'vitest', ...headers } })

  it('validates batches and names the field', async () => {
    const noSession = await post({ events: [{ type: 'page_view', source: 'web' }] })
    expect(noSession.status).toBe(400)
    expect(noSession.body.message).toContain('events.0.sessionId')
    const badType = await post({ events: [{ type: 'DROP TABLE', source: 'web', sessionId: 'session-123' }] })
    expect(badType.status).toBe(400)
    expect(badType.body.message).toContain('events.0.type')
    const tooMany = await post({
      events: Array.from({ length: 101 }, () => ({ type: 'page_view', source: 'web', sessionId: 'session-123' })),
    })
    expect(tooMany.status).toBe(413)
    expect((await post({ events: [] })).status).toBe(400)
    expect((await post({ events: [{ type: 'x', source: 'web', sessionId: 'session-123', extra: 1 }] })).status).toBe(400)
    expect((await api.raw('POST', '/track', '{nope', {})).status).toBe(400)
  })

  it('stores a batch of 100 in one go, anonymous with a session or as the signed-in user, and counts sponsor impressions', async () => {
    const session = unique('sess')
    const at = ip()
    const events = Array.from({ length: 100 }, (_, i) => ({
      type: i % 2 ? 'page_view' : 'scroll',
      source: 'web',
      sessionId: session,
      event: eventId,
      data: { i },
    }))
    const res = await post({ events }, { 'x-forwarded-for': at })
    expect(res.status).toBe(202)
    expect(res.body).toEqual({ stored: 100 })
    const { rows } = await pool.query(
      `SELECT count(*)::int AS n, count(DISTINCT ip)::int AS ips, max(ip) AS ip, bool_and(user_id IS NULL) AS anon, bool_and(event_id = $2) AS linked FROM user_engagement WHERE session_id = $1`,
      [session, eventId],
    )
    expect(rows[0]).toEqual({ n: 100, ips: 1, ip: at, anon: true, linked: true })

    const attendee = await makeUser(payload, 'attendee')
    const token = await api.login(attendee.email, 'Correct-Horse-9')
    const sponsor = await mk('sponsors', { name: unique('Tracked'), status: 'active' })
    const mine = await post(
      {
        events: [
          { type: 'sponsor_impression', source: 'event-page', sponsor, event: eventId },
          { type: 'sponsor_impression', source: 'event-page', sponsor, event: eventId },
          { type: 'sponsor_impression', source: 'event-page', sponsor, event: eventId },
          { type: 'sponsor_click', source: 'event-page', sponsor, event: eventId },
          { type: 'sponsor_impression', source: 'event-page', sponsor: '00000000-0000-4000-8000-000000000000' },
        ],
      },
      {},
      token,
    )
    expect(mine.status).toBe(202)
    expect((await pool.query(`SELECT count(*)::int AS n FROM user_engagement WHERE user_id = $1`, [attendee.id])).rows[0].n).toBe(5)
    const day = new Date().toISOString().slice(0, 10)
    const counted = await pool.query(
      `SELECT impressions::int, clicks::int FROM sponsor_analytics WHERE sponsor_id = $1 AND event_id = $2 AND day = $3`,
      [sponsor, eventId, day],
    )
    expect(counted.rows).toEqual([{ impressions: 3, clicks: 1 }])
    await post({ events: [{ type: 'sponsor_impression', source: 'event-page', sponsor, event: eventId }] }, {}, token)
    expect(
      (
        await pool.query(`SELECT impressions::int FROM sponsor_analytics WHERE sponsor_id = $1 AND event_id = $2 AND day = $3`, [
          sponsor,
          eventId,
          day,
        ])
      ).rows[0].impressions,
    ).toBe(4)
  })

  it('rate-limits batches per client', async () => {
    await awayFromMinuteEdge()
    const at = ip()
    const statuses: number[] = []
    for (let i = 0; i < 6; i++)
      statuses.push(
        (await post({ events: [{ type: 'ping', source: 'web', sessionId: 'session-rl-1' }] }, { 'x-forwarded-for': at })).status,
      )
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429])
  })
})
