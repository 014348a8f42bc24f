/**
 * The row-level access rules, role by role: for every collection and operation, the roles
 * that are allowed, and a real Local API call (overrideAccess: false) for every role, so each
 * rule has its allowed and its denied cases. The expectations are written out here by hand,
 * not derived from the permission vocabulary, so a wrong grant fails.
 */
import type { Payload, PayloadRequest } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { poolOf } from '../../src/db/pool'
import { sql } from '../../src/db/sql'
import { richText } from '../../src/seed/richText'
import { closePayload, getTestPayload, makeUser, as, unique, type TestUser } from '../helpers/payload'

type Who =
  'anonymous' | 'attendee' | 'designer' | 'sponsor' | 'staff' | 'editor' | 'marketing' | 'auditor' | 'owner' | 'otherOrganizer' | 'admin'
const EVERYONE: Who[] = [
  'anonymous',
  'attendee',
  'designer',
  'sponsor',
  'staff',
  'editor',
  'marketing',
  'auditor',
  'owner',
  'otherOrganizer',
  'admin',
]
const SIGNED_IN = EVERYONE.filter((w) => w !== 'anonymous')

let payload: Payload
const users = {} as Record<Exclude<Who, 'anonymous'>, TestUser>
const fx: Record<string, string> = {}
const tag = unique('acl')
const userOf = (who: Who) => (who === 'anonymous' ? null : users[who])

const png = async () => {
  const data = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#c70039' } })
    .png()
    .toBuffer()
  return { data, mimetype: 'image/png', name: `${unique('img')}.png`, size: data.length }
}

const sudo = { overrideAccess: true, depth: 0 } as const
const mk = async (collection: string, data: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  String(((await payload.create({ collection, data, ...sudo, ...extra } as never)) as { id: string }).id)

const eventData = (extra: Record<string, unknown> = {}) => ({
  title: `Event ${tag}`,
  type: 'exhibition',
  startDate: '2027-06-01T10:00:00Z',
  endDate: '2027-06-02T18:00:00Z',
  timeZone: 'Europe/Paris',
  organizer: users.owner.id,
  ...extra,
})

beforeAll(async () => {
  process.env.WEBHOOK_ALLOWED_HOSTS = 'hooks.example.test'
  payload = await getTestPayload()
  for (const [who, role] of [
    ['attendee', 'attendee'],
    ['designer', 'designer'],
    ['sponsor', 'sponsor'],
    ['staff', 'staff'],
    ['editor', 'editor'],
    ['marketing', 'marketing'],
    ['auditor', 'auditor'],
    ['owner', 'organizer'],
    ['otherOrganizer', 'organizer'],
    ['admin', 'admin'],
  ] as const) {
    users[who] = await makeUser(payload, role)
  }
  fx.publishedEvent = await mk('events', eventData({ status: 'published' }))
  fx.draftEvent = await mk('events', eventData({ status: 'draft' }))
  // The event the staff user is on the door of (their only one).
  fx.staffedEvent = await mk('events', eventData({ status: 'published', staff: [users.staff.id] }))
  fx.activeVenue = await mk('venues', {
    name: `Venue ${tag}`,
    address: '1 Rue',
    city: 'Paris',
    country: 'France',
    capacity: 1000,
    manager: users.owner.id,
  })
  fx.inactiveVenue = await mk('venues', {
    name: `Closed ${tag}`,
    address: '2 Rue',
    city: 'Paris',
    country: 'France',
    status: 'inactive',
    manager: users.owner.id,
  })
  fx.section = await mk('venue-sections', { venue: fx.activeVenue, name: `S ${tag}`, capacity: 10, sectionType: 'general' })
  fx.inactiveSection = await mk('venue-sections', { venue: fx.inactiveVenue, name: `S ${tag}`, capacity: 10, sectionType: 'general' })
  fx.seat = await mk('venue-seats', { section: fx.section, rowName: 'A', seatNumber: '1' })
  fx.inactiveSeat = await mk('venue-seats', { section: fx.inactiveSection, rowName: 'A', seatNumber: '1' })
  fx.publicSchedule = await mk('event-schedules', {
    event: fx.publishedEvent,
    title: 'Talk',
    startTime: '2027-06-01T11:00:00Z',
    endTime: '2027-06-01T12:00:00Z',
  })
  fx.draftSchedule = await mk('event-schedules', {
    event: fx.draftEvent,
    title: 'Talk',
    startTime: '2027-06-01T11:00:00Z',
    endTime: '2027-06-01T12:00:00Z',
  })
  fx.category = await mk('event-categories', { name: `Cat ${tag}` })
  fx.publishedPage = await mk('pages', { title: `Page ${tag}`, _status: 'published' })
  fx.draftPage = await mk('pages', { title: `Draft ${tag}`, _status: 'draft' }, { draft: true })
  fx.authPage = await mk('pages', { title: `Members ${tag}`, _status: 'published', requiresAuth: true })
  fx.media = await mk('media', { alt: 'x', uploadedBy: users.designer.id }, { file: await png() })
  fx.publishedTicketType = await mk('ticket-types', { event: fx.publishedEvent, name: 'GA', price: 1000, currency: 'EUR', capacity: 10 })
  fx.draftTicketType = await mk('ticket-types', { event: fx.draftEvent, name: 'GA', price: 1000, currency: 'EUR', capacity: 10 })
  fx.order = await mk('orders', {
    event: fx.publishedEvent,
    buyer: users.attendee.id,
    status: 'completed',
    total: 1000,
    subtotal: 1000,
    currency: 'EUR',
    billingEmail: users.attendee.email,
    billingName: 'A',
  })
  fx.orderItem = await mk('order-items', {
    order: fx.order,
    ticketType: fx.publishedTicketType,
    quantity: 1,
    unitPrice: 1000,
    subtotal: 1000,
    discount: 0,
    finalPrice: 1000,
  })
  fx.ticket = await mk('tickets', {
    code: unique('FSH'),
    order: fx.order,
    orderItem: fx.orderItem,
    event: fx.publishedEvent,
    ticketType: fx.publishedTicketType,
  })
  fx.staffedTicketType = await mk('ticket-types', { event: fx.staffedEvent, name: 'GA', price: 0, currency: 'EUR', capacity: 10 })
  fx.staffedOrder = await mk('orders', {
    event: fx.staffedEvent,
    buyer: users.attendee.id,
    status: 'completed',
    total: 0,
    subtotal: 0,
    currency: 'EUR',
    billingEmail: users.attendee.email,
    billingName: 'A',
  })
  fx.staffedOrderItem = await mk('order-items', {
    order: fx.staffedOrder,
    ticketType: fx.staffedTicketType,
    quantity: 1,
    unitPrice: 0,
    subtotal: 0,
    discount: 0,
    finalPrice: 0,
  })
  fx.staffedTicket = await mk('tickets', {
    code: unique('FSH'),
    order: fx.staffedOrder,
    orderItem: fx.staffedOrderItem,
    event: fx.staffedEvent,
    ticketType: fx.staffedTicketType,
  })
  fx.hold = await mk('holds', {
    checkout: unique('co'),
    ticketType: fx.publishedTicketType,
    quantity: 1,
    tokenHash: 'x',
    expiresAt: '2030-01-01T00:00:00Z',
  })
  fx.eventSeat = await mk('event-seats', {
    event: fx.publishedEvent,
    sectionName: 'Front',
    rowName: 'A',
    seatNumber: '1',
    label: 'A-1',
    status: 'sold',
    ticket: fx.ticket,
  })
  // A sold seat and its ticket name each other, as checkout leaves them.
  await poolOf(payload).query(`UPDATE tickets SET event_seat_id = $1 WHERE id = $2`, [fx.eventSeat, fx.ticket])
  fx.waitlistEntry = await mk('waitlist-entries', {
    event: fx.publishedEvent,
    ticketType: fx.publishedTicketType,
    email: users.attendee.email,
    name: 'A',
    quantity: 1,
    user: users.attendee.id,
    tokenHash: 'x',
  })
  fx.code = await mk('discount-codes', {
    code: unique('OWN').replace(/[^A-Za-z0-9-]/g, ''),
    kind: 'percentage',
    value: 5,
    createdBy: users.owner.id,
  })
  fx.redemption = await mk('discount-redemptions', { discountCode: fx.code, order: fx.order, buyerEmail: 'a@b.c' })
  fx.paymentEvent = await mk('payment-events', { eventId: unique('evt'), type: 'payment_intent.succeeded', order: fx.order })
  fx.refund = await mk('refunds', { order: fx.order, amount: 500, currency: 'EUR', reason: 'requested', status: 'succeeded' })
  fx.notification = await mk('notifications', {
    kind: 'order_confirmation',
    dedupeKey: unique('n'),
    recipient: users.attendee.email,
    order: fx.order,
  })
  fx.designer = await mk('designers', { name: unique('Label'), status: 'pending', user: users.designer.id })
  fx.activeDesigner = await mk('designers', { name: unique('Active label'), status: 'active', user: users.designer.id })
  fx.publishedCollection = await mk('fashion-collections', { designer: fx.activeDesigner, name: 'Pub', status: 'published' })
  fx.draftCollection = await mk('fashion-collections', { designer: fx.activeDesigner, name: 'Draft', status: 'draft' })
  fx.publicItem = await mk('fashion-items', { collection: fx.publishedCollection, name: 'Gown', type: 'dress' })
  fx.draftItem = await mk('fashion-items', { collection: fx.draftCollection, name: 'Secret', type: 'top' })
  fx.imageMedia = await mk('media', { alt: 'look' }, { file: await png() })
  fx.publicImage = await mk('fashion-item-images', { item: fx.publicItem, media: fx.imageMedia })
  fx.draftImage = await mk('fashion-item-images', { item: fx.draftItem, media: fx.imageMedia })
  const showBase = { collection: fx.publishedCollection, event: fx.publishedEvent, venue: fx.activeVenue, showDate: '2027-06-01T12:00:00Z' }
  fx.show = await mk('runway-shows', { ...showBase, title: 'Show', status: 'scheduled' })
  fx.cancelledShow = await mk('runway-shows', { ...showBase, title: 'Cancelled', status: 'cancelled' })
  fx.segment = await mk('runway-segments', { show: fx.show, name: 'Opening', order: 1 })
  fx.cancelledSegment = await mk('runway-segments', { show: fx.cancelledShow, name: 'Opening', order: 1 })
  fx.activeModel = await mk('models', { name: unique('Model'), status: 'active' })
  fx.ownModel = await mk('models', { name: unique('Own model'), status: 'inactive', user: users.attendee.id })
  fx.appearance = await mk('runway-appearances', { segment: fx.segment, order: 1, model: fx.ownModel })
  fx.collaboration = await mk('designer-collaborations', {
    name: unique('Collab'),
    members: [{ designer: fx.activeDesigner, role: 'lead' }],
  })
  await payload.db.drizzle.execute(
    sql`INSERT INTO designer_analytics (designer_id, day, profile_views) VALUES (${fx.activeDesigner}, '2027-01-01', 1)`,
  )
  fx.analytics = String(
    (await payload.find({ collection: 'designer-analytics', where: { designer: { equals: fx.activeDesigner } }, ...sudo })).docs[0].id,
  )
  fx.auditEntry = String(
    (await payload.find({ collection: 'audit-logs', where: { documentId: { equals: fx.publishedEvent } }, ...sudo })).docs[0].id,
  )
  fx.apiKey = await mk('api-keys', { name: 'Owner key', owner: users.owner.id, scopes: ['events:create'] })
  await payload.db.drizzle.execute(
    sql`INSERT INTO usage_logs (key_prefix, method, path, status) VALUES ('abcdefgh', 'GET', '/api/events', 200)`,
  )
  fx.usageLog = String((await payload.find({ collection: 'usage-logs', limit: 1, ...sudo })).docs[0].id)
  fx.dsr = await mk('data-subject-requests', { user: users.attendee.id, type: 'access' })
  fx.role = String((await payload.find({ collection: 'roles', where: { name: { equals: 'attendee' } }, ...sudo })).docs[0].id)
  // Sponsorship: the sponsor user owns the sponsor profiles; the owner organizes the event.
  fx.activeSponsor = await mk('sponsors', { name: unique('Maison'), status: 'active', owner: users.sponsor.id })
  fx.pendingSponsor = await mk('sponsors', { name: unique('Pending'), status: 'pending', owner: users.sponsor.id })
  fx.tier = await mk('sponsorship-tiers', { name: unique('Gold'), order: 1 })
  fx.benefit = await mk('sponsor-benefits', { name: unique('Logo wall'), category: 'branding' })
  fx.sponsorship = await mk('sponsorships', {
    sponsor: fx.activeSponsor,
    event: fx.publishedEvent,
    tier: fx.tier,
    startDate: '2027-05-01',
    endDate: '2027-06-30',
    amount: 500000,
  })
  fx.pendingAsset = await mk(
    'sponsorship-assets',
    { name: 'Logo', sponsorship: fx.sponsorship, uploadedBy: users.sponsor.id },
    { file: await png() },
  )
  fx.approvedAsset = await mk(
    'sponsorship-assets',
    { name: 'Banner', sponsorship: fx.sponsorship, status: 'approved', uploadedBy: users.sponsor.id },
    { file: await png() },
  )
  fx.sponsorAnalytics = await mk('sponsor-analytics', { sponsor: fx.activeSponsor, event: fx.publishedEvent, day: '2027-06-01' })
  // Marketing.
  fx.campaign = await mk('marketing-campaigns', {
    name: unique('Spring'),
    startDate: '2027-03-01',
    endDate: '2027-06-30',
    status: 'active',
  })
  fx.campaignAsset = await mk('campaign-assets', { name: 'Key visual', campaign: fx.campaign }, { file: await png() })
  fx.marketingSegment = await mk('marketing-segments', { name: unique('VIPs'), type: 'static', members: [users.attendee.id] })
  fx.emailCampaign = await mk('email-campaigns', {
    campaign: fx.campaign,
    subject: 'Hello',
    senderName: 'F',
    senderEmail: 'news@test.local',
    content: richText('Hi'),
  })
  fx.emailSend = await mk('email-sends', {
    emailCampaign: fx.emailCampaign,
    user: users.attendee.id,
    email: users.attendee.email,
    token: unique('tok'),
  })
  fx.emailAnalytics = await mk('email-analytics', { emailCampaign: fx.emailCampaign, day: '2027-04-01' })
  fx.socialPost = await mk('social-posts', { campaign: fx.campaign, platform: 'instagram', content: 'New season' })
  fx.socialAnalytics = await mk('social-analytics', { post: fx.socialPost, day: '2027-04-01' })
  fx.campaignAnalytics = await mk('campaign-analytics', { campaign: fx.campaign, day: '2027-04-01', channel: 'web' })
  fx.webhook = await mk('webhooks', {
    name: 'Partner',
    url: 'https://hooks.example.test/in',
    eventTypes: ['order.completed'],
    owner: users.owner.id,
  })
  fx.webhookEvent = await mk('webhook-events', { type: 'order.completed', data: { order: { id: 'x' } } })
  fx.webhookDelivery = await mk('webhook-deliveries', { webhook: fx.webhook, event: fx.webhookEvent })
  fx.webhookAttempt = await mk('webhook-attempts', {
    delivery: fx.webhookDelivery,
    webhook: fx.webhook,
    event: fx.webhookEvent,
    attempt: 1,
    statusCode: 200,
  })
  fx.engagement = await mk('user-engagement', {
    type: 'page_view',
    source: 'web',
    sessionId: 'session-acl-1',
    occurredAt: '2027-04-01T10:00:00Z',
  })
  fx.permission = String((await payload.find({ collection: 'permissions', limit: 1, ...sudo })).docs[0].id)
})
afterAll(async () => {
  // The matrix writes tickets, orders and refunds straight through the collections (it tests who
  // may, not what checkout does), so the counters checkout keeps are set to match its own rows
  // before it ends: npm run check:invariants runs over the whole suite's database.
  try {
    const db = poolOf(payload)
    const events = `(SELECT id FROM events WHERE title = $1)`
    await db.query(
      `UPDATE ticket_types tt SET capacity = GREATEST(tt.capacity, c.n), sold = c.n
         FROM (SELECT x.id, (SELECT count(*) FROM tickets t WHERE t.ticket_type_id = x.id AND t.status <> 'void') AS n FROM ticket_types x) c
        WHERE c.id = tt.id AND tt.event_id IN ${events}`,
      [`Event ${tag}`],
    )
    await db.query(
      `UPDATE orders o SET refunded_amount = COALESCE((SELECT SUM(amount) FROM refunds r WHERE r.order_id = o.id AND r.status IN ('pending', 'succeeded')), 0)
        WHERE o.event_id IN ${events}`,
      [`Event ${tag}`],
    )
  } finally {
    await closePayload(payload)
  }
})

async function attempt(fn: () => Promise<unknown>): Promise<boolean> {
  try {
    const r = await fn()
    return r !== null && r !== undefined
  } catch (err) {
    const status = (err as { status?: number }).status
    if (status === 403 || status === 404 || status === 401) return false
    throw err
  }
}

const read = (collection: string, key: string) => (who: Who) =>
  attempt(() => payload.findByID({ collection, id: fx[key], depth: 0, ...as(userOf(who)) } as never))
const update = (collection: string, key: string | (() => Promise<string>), data: Record<string, unknown>) => async (who: Who) => {
  const id = typeof key === 'function' ? await key() : fx[key]
  return attempt(() => payload.update({ collection, id, data, depth: 0, ...as(userOf(who)) } as never))
}
const remove = (collection: string, make: () => Promise<string>) => async (who: Who) => {
  const id = await make()
  return attempt(() => payload.delete({ collection, id, depth: 0, ...as(userOf(who)) } as never))
}
const create =
  (
    collection: string,
    data: () => Promise<Record<string, unknown>> | Record<string, unknown>,
    extra?: () => Promise<Record<string, unknown>>,
  ) =>
  async (who: Who) => {
    const more = extra ? await extra() : {}
    const body = await data()
    return attempt(() => payload.create({ collection, data: body, depth: 0, ...more, ...as(userOf(who)) } as never))
  }

type Case = { name: string; allowed: Who[]; run: (who: Who) => Promise<boolean> }

/** A change refused by a workflow rule (400 naming the field) counts as denied too. */
const refusedOrDenied = (fn: () => Promise<unknown>) =>
  attempt(fn).catch((err) => {
    if ((err as { status?: number }).status === 400) return false
    throw err
  })

const MARKETING: Who[] = ['marketing', 'admin']
/** A different calendar day on every call, for rows unique per day. */
let dayCounter = 0
const nextDay = () => new Date(Date.UTC(2028, 0, 1) + ++dayCounter * 86_400_000).toISOString().slice(0, 10)
const crud = (
  collection: string,
  key: string,
  make: () => Promise<Record<string, unknown>> | Record<string, unknown>,
  change: Record<string, unknown>,
  extra?: () => Promise<Record<string, unknown>>,
): Case[] => [
  { name: 'read', allowed: MARKETING, run: read(collection, key) },
  { name: 'create', allowed: MARKETING, run: create(collection, make, extra) },
  { name: 'update', allowed: MARKETING, run: update(collection, key, change) },
  { name: 'delete', allowed: MARKETING, run: remove(collection, async () => mk(collection, await make(), extra ? await extra() : {})) },
]
const readOnly = (
  collection: string,
  key: string,
  make: () => Promise<Record<string, unknown>> | Record<string, unknown>,
  change: Record<string, unknown>,
  readers: Who[],
): Case[] => [
  { name: 'read', allowed: readers, run: read(collection, key) },
  { name: 'create through the API', allowed: [], run: create(collection, make) },
  { name: 'update through the API', allowed: [], run: update(collection, key, change) },
  { name: 'delete through the API', allowed: [], run: remove(collection, async () => mk(collection, await make())) },
]

const cases: Record<string, Case[]> = {
  events: [
    { name: 'read a published event', allowed: EVERYONE, run: read('events', 'publishedEvent') },
    { name: 'read a draft event', allowed: ['staff', 'editor', 'marketing', 'owner', 'admin'], run: read('events', 'draftEvent') },
    { name: 'create an event', allowed: ['owner', 'otherOrganizer', 'admin'], run: create('events', () => eventData()) },
    { name: "update the owner's event", allowed: ['owner', 'admin'], run: update('events', 'draftEvent', { shortDescription: 'changed' }) },
    { name: "delete the owner's event", allowed: ['owner', 'admin'], run: remove('events', () => mk('events', eventData())) },
  ],
  'event-schedules': [
    { name: 'read a schedule of a published event', allowed: EVERYONE, run: read('event-schedules', 'publicSchedule') },
    {
      name: 'read a schedule of a draft event',
      allowed: ['staff', 'editor', 'marketing', 'owner', 'admin'],
      run: read('event-schedules', 'draftSchedule'),
    },
    {
      name: "create a schedule item on the owner's event",
      allowed: ['owner', 'admin'],
      run: create('event-schedules', () => ({
        event: fx.draftEvent,
        title: 'New',
        startTime: '2027-06-01T13:00:00Z',
        endTime: '2027-06-01T14:00:00Z',
      })),
    },
    {
      name: "update a schedule item of the owner's event",
      allowed: ['owner', 'admin'],
      run: update('event-schedules', 'draftSchedule', { title: 'Renamed' }),
    },
    {
      name: "delete a schedule item of the owner's event",
      allowed: ['owner', 'admin'],
      run: remove('event-schedules', () =>
        mk('event-schedules', { event: fx.draftEvent, title: 'Gone', startTime: '2027-06-01T15:00:00Z', endTime: '2027-06-01T16:00:00Z' }),
      ),
    },
  ],
  'event-categories': [
    { name: 'read a category', allowed: EVERYONE, run: read('event-categories', 'category') },
    { name: 'create a category', allowed: ['editor', 'admin'], run: create('event-categories', () => ({ name: unique('cat') })) },
    { name: 'update a category', allowed: ['editor', 'admin'], run: update('event-categories', 'category', { description: 'changed' }) },
    {
      name: 'delete a category',
      allowed: ['editor', 'admin'],
      run: remove('event-categories', () => mk('event-categories', { name: unique('cat') })),
    },
  ],
  venues: [
    { name: 'read an active venue', allowed: EVERYONE, run: read('venues', 'activeVenue') },
    { name: 'read an inactive venue', allowed: ['staff', 'editor', 'owner', 'admin'], run: read('venues', 'inactiveVenue') },
    {
      name: 'create a venue',
      allowed: ['owner', 'otherOrganizer', 'admin'],
      run: create('venues', () => ({ name: unique('v'), address: 'a', city: 'c', country: 'x' })),
    },
    { name: "update the manager's venue", allowed: ['owner', 'admin'], run: update('venues', 'activeVenue', { description: 'changed' }) },
    {
      name: "delete the manager's venue",
      allowed: ['owner', 'admin'],
      run: remove('venues', () => mk('venues', { name: unique('v'), address: 'a', city: 'c', country: 'x', manager: users.owner.id })),
    },
  ],
  'venue-sections': [
    { name: 'read a section of an active venue', allowed: EVERYONE, run: read('venue-sections', 'section') },
    {
      name: 'read a section of an inactive venue',
      allowed: ['staff', 'editor', 'owner', 'admin'],
      run: read('venue-sections', 'inactiveSection'),
    },
    {
      name: "create a section in the owner's venue",
      allowed: ['owner', 'admin'],
      run: create('venue-sections', () => ({ venue: fx.activeVenue, name: unique('sec'), capacity: 1 })),
    },
    {
      name: "update a section of the manager's venue",
      allowed: ['owner', 'admin'],
      run: update('venue-sections', 'section', { description: 'changed' }),
    },
    {
      name: "delete a section of the manager's venue",
      allowed: ['owner', 'admin'],
      run: remove('venue-sections', () => mk('venue-sections', { venue: fx.activeVenue, name: unique('sec'), capacity: 1 })),
    },
  ],
  'venue-seats': [
    { name: 'read a seat of an active venue', allowed: EVERYONE, run: read('venue-seats', 'seat') },
    { name: 'read a seat of an inactive venue', allowed: ['staff', 'editor', 'owner', 'admin'], run: read('venue-seats', 'inactiveSeat') },
    {
      name: "create a seat in the owner's section",
      allowed: ['owner', 'admin'],
      run: create('venue-seats', () => ({ section: fx.section, rowName: 'Z', seatNumber: unique('n') })),
    },
    { name: "update a seat of the manager's venue", allowed: ['owner', 'admin'], run: update('venue-seats', 'seat', { notes: 'changed' }) },
    {
      name: "delete a seat of the manager's venue",
      allowed: ['owner', 'admin'],
      run: remove('venue-seats', () => mk('venue-seats', { section: fx.section, rowName: 'Y', seatNumber: unique('n') })),
    },
  ],
  pages: [
    { name: 'read a published page', allowed: EVERYONE, run: read('pages', 'publishedPage') },
    { name: 'read a page that requires sign-in', allowed: SIGNED_IN, run: read('pages', 'authPage') },
    { name: 'read a draft page', allowed: ['editor', 'marketing', 'admin'], run: read('pages', 'draftPage') },
    {
      name: 'create a page',
      allowed: ['editor', 'marketing', 'admin'],
      run: create('pages', () => ({ title: unique('p'), _status: 'published' })),
    },
    { name: 'update a page', allowed: ['editor', 'marketing', 'admin'], run: update('pages', 'publishedPage', { title: `Page ${tag}` }) },
    {
      name: 'delete a page',
      allowed: ['editor', 'admin'],
      run: remove('pages', () => mk('pages', { title: unique('p'), _status: 'published' })),
    },
  ],
  media: [
    { name: 'read media', allowed: EVERYONE, run: read('media', 'media') },
    {
      name: 'upload media',
      allowed: ['designer', 'sponsor', 'editor', 'marketing', 'owner', 'otherOrganizer', 'admin'],
      run: create(
        'media',
        () => ({ alt: 'upload' }),
        async () => ({ file: await png() }),
      ),
    },
    {
      name: "update the designer's upload",
      allowed: ['designer', 'editor', 'admin'],
      run: update('media', 'media', { caption: 'changed' }),
    },
    {
      name: "delete the designer's upload",
      allowed: ['designer', 'editor', 'admin'],
      run: remove('media', async () => mk('media', { alt: 'x', uploadedBy: users.designer.id }, { file: await png() })),
    },
  ],
  users: [
    {
      name: "read the attendee's record",
      allowed: ['attendee', 'admin'],
      run: async (who) => attempt(() => payload.findByID({ collection: 'users', id: users.attendee.id, ...as(userOf(who)) })),
    },
    {
      name: 'sign up (create a user)',
      allowed: EVERYONE,
      run: create('users', () => ({ email: `${unique('signup')}@test.local`, password: 'Correct-Horse-9', fullName: 'New' })),
    },
    {
      name: "update the attendee's record",
      allowed: ['attendee', 'admin'],
      run: async (who) =>
        attempt(() =>
          payload.update({ collection: 'users', id: users.attendee.id, data: { fullName: 'Test attendee' }, ...as(userOf(who)) }),
        ),
    },
    {
      name: 'delete a user',
      allowed: ['admin'],
      run: remove('users', () => mk('users', { email: `${unique('del')}@test.local`, password: 'Correct-Horse-9', fullName: 'Del' })),
    },
  ],
  roles: [
    { name: 'read a role', allowed: ['admin'], run: read('roles', 'role') },
    { name: 'create a role', allowed: ['admin'], run: create('roles', () => ({ name: unique('role') })) },
    { name: 'update a role', allowed: ['admin'], run: update('roles', 'role', { description: 'A ticket buyer (front-end only).' }) },
    { name: 'delete a role', allowed: ['admin'], run: remove('roles', () => mk('roles', { name: unique('role') })) },
  ],
  'ticket-types': [
    { name: 'read a ticket type of a published event', allowed: EVERYONE, run: read('ticket-types', 'publishedTicketType') },
    { name: 'read a ticket type of a draft event', allowed: ['owner', 'admin'], run: read('ticket-types', 'draftTicketType') },
    // Only the event's organizer (or an admin) sells on it: another organizer is refused.
    {
      name: "create a ticket type on the owner's event",
      allowed: ['owner', 'admin'],
      run: create('ticket-types', () => ({ event: fx.draftEvent, name: 'VIP', price: 5000, currency: 'EUR', capacity: 5 })),
    },
    {
      name: "move another organizer's ticket type onto the owner's event",
      allowed: ['admin'],
      run: async (who: Who) => {
        const theirs = await mk('events', {
          title: unique('Other'),
          type: 'party',
          startDate: '2030-01-01T00:00:00Z',
          endDate: '2030-01-02T00:00:00Z',
          organizer: users.otherOrganizer.id,
        })
        const id = await mk('ticket-types', { event: theirs, name: 'X', price: 0, currency: 'EUR', capacity: 1 })
        return attempt(() =>
          payload.update({ collection: 'ticket-types', id, data: { event: fx.draftEvent }, depth: 0, ...as(userOf(who)) } as never),
        )
      },
    },
    {
      name: "update a ticket type of the owner's event",
      allowed: ['owner', 'admin'],
      run: update('ticket-types', 'draftTicketType', { description: 'changed' }),
    },
    {
      name: "delete a ticket type of the owner's event",
      allowed: ['owner', 'admin'],
      run: remove('ticket-types', () => mk('ticket-types', { event: fx.draftEvent, name: 'Tmp', price: 0, currency: 'EUR', capacity: 1 })),
    },
  ],
  holds: [
    { name: 'read a hold', allowed: ['admin'], run: read('holds', 'hold') },
    {
      name: 'create a hold through the collection API (only checkout makes them)',
      allowed: [],
      run: create('holds', () => ({
        checkout: unique('c'),
        ticketType: fx.publishedTicketType,
        quantity: 1,
        tokenHash: 'x',
        expiresAt: '2030-01-01T00:00:00Z',
      })),
    },
    { name: 'update a hold', allowed: [], run: update('holds', 'hold', { quantity: 2 }) },
    {
      name: 'delete a hold',
      allowed: [],
      run: remove('holds', () =>
        mk('holds', {
          checkout: unique('c'),
          ticketType: fx.publishedTicketType,
          quantity: 1,
          tokenHash: 'x',
          expiresAt: '2030-01-01T00:00:00Z',
        }),
      ),
    },
  ],
  'event-seats': [
    // Who bought a seat is buyer data: the buyer, the event's organizer and orders:read see the row; the public map is GET /api/events/:id/seats.
    { name: 'read a sold seat of the owner’s event', allowed: ['attendee', 'owner', 'admin'], run: read('event-seats', 'eventSeat') },
    {
      name: 'create a seat through the collection API (only seating makes them)',
      allowed: [],
      run: create('event-seats', () => ({ event: fx.publishedEvent, sectionName: 'F', rowName: 'B', seatNumber: '2', label: 'B-2' })),
    },
    {
      name: 'update a seat (status changes only through holds, orders and blocking)',
      allowed: [],
      run: update('event-seats', 'eventSeat', { status: 'available' }),
    },
    {
      name: 'delete a seat',
      allowed: [],
      run: remove('event-seats', () =>
        mk('event-seats', { event: fx.publishedEvent, sectionName: 'F', rowName: 'C', seatNumber: '3', label: 'C-3' }),
      ),
    },
  ],
  'waitlist-entries': [
    { name: 'read the attendee’s waitlist entry', allowed: ['attendee', 'owner', 'admin'], run: read('waitlist-entries', 'waitlistEntry') },
    {
      name: 'create an entry through the collection API (only POST /events/:id/waitlist does)',
      allowed: [],
      run: create('waitlist-entries', () => ({
        event: fx.publishedEvent,
        ticketType: fx.publishedTicketType,
        email: 'x@example.com',
        name: 'X',
        quantity: 1,
        tokenHash: 'x',
      })),
    },
    { name: 'update an entry', allowed: [], run: update('waitlist-entries', 'waitlistEntry', { status: 'offered' }) },
    {
      name: 'delete an entry',
      allowed: [],
      run: remove('waitlist-entries', () =>
        mk('waitlist-entries', {
          event: fx.publishedEvent,
          ticketType: fx.publishedTicketType,
          email: `${unique('d')}@example.com`,
          name: 'D',
          quantity: 1,
          tokenHash: 'x',
        }),
      ),
    },
  ],
  orders: [
    { name: "read the attendee's order", allowed: ['attendee', 'owner', 'admin'], run: read('orders', 'order') },
    {
      name: 'create an order through the collection API',
      allowed: [],
      run: create('orders', () => ({ event: fx.publishedEvent, billingEmail: 'x@example.com', billingName: 'X', currency: 'EUR' })),
    },
    { name: 'update an order', allowed: ['admin'], run: update('orders', 'order', { billingName: 'A' }) },
    {
      name: 'delete an order',
      allowed: [],
      run: remove('orders', () =>
        mk('orders', { event: fx.publishedEvent, billingEmail: 'x@example.com', billingName: 'X', currency: 'EUR' }),
      ),
    },
  ],
  'order-items': [
    { name: "read the attendee's order item", allowed: ['attendee', 'owner', 'admin'], run: read('order-items', 'orderItem') },
    {
      name: 'create an order item',
      allowed: [],
      run: create('order-items', () => ({ order: fx.order, ticketType: fx.publishedTicketType, quantity: 1 })),
    },
    { name: 'update an order item', allowed: [], run: update('order-items', 'orderItem', { quantity: 2 }) },
    {
      name: 'delete an order item',
      allowed: [],
      run: remove('order-items', () => mk('order-items', { order: fx.order, ticketType: fx.publishedTicketType, quantity: 1 })),
    },
  ],
  tickets: [
    // Door staff read the tickets of the events they are assigned to, and no other event's.
    {
      name: "read the attendee's ticket (an event staff is not on)",
      allowed: ['attendee', 'owner', 'admin'],
      run: read('tickets', 'ticket'),
    },
    {
      name: "read the attendee's ticket at the event staff is assigned to",
      allowed: ['attendee', 'staff', 'owner', 'admin'],
      run: read('tickets', 'staffedTicket'),
    },
    {
      name: 'create a ticket',
      allowed: [],
      run: create('tickets', () => ({
        code: unique('T'),
        order: fx.order,
        orderItem: fx.orderItem,
        event: fx.publishedEvent,
        ticketType: fx.publishedTicketType,
      })),
    },
    { name: 'update a ticket', allowed: ['admin'], run: update('tickets', 'ticket', { attendeeName: 'A' }) },
    {
      name: 'delete a ticket',
      allowed: [],
      run: remove('tickets', () =>
        mk('tickets', {
          code: unique('T'),
          order: fx.order,
          orderItem: fx.orderItem,
          event: fx.publishedEvent,
          ticketType: fx.publishedTicketType,
        }),
      ),
    },
  ],
  'discount-codes': [
    { name: "read the owner's code", allowed: ['marketing', 'owner', 'admin'], run: read('discount-codes', 'code') },
    {
      name: 'create a code',
      allowed: ['marketing', 'owner', 'otherOrganizer', 'admin'],
      run: create('discount-codes', () => ({ code: unique('NEW').replace(/[^A-Za-z0-9-]/g, ''), kind: 'fixed', value: 100 })),
    },
    // An organizer's code may name only their own events and ticket types.
    {
      name: "create a code naming the owner's event",
      allowed: ['marketing', 'owner', 'admin'],
      run: create('discount-codes', () => ({
        code: unique('EVT').replace(/[^A-Za-z0-9-]/g, ''),
        kind: 'percentage',
        value: 100,
        appliesTo: 'events',
        events: [fx.draftEvent],
      })),
    },
    {
      name: "create a code naming a ticket type of the owner's event",
      allowed: ['marketing', 'owner', 'admin'],
      run: create('discount-codes', () => ({
        code: unique('TT').replace(/[^A-Za-z0-9-]/g, ''),
        kind: 'percentage',
        value: 100,
        appliesTo: 'ticketTypes',
        ticketTypes: [fx.draftTicketType],
      })),
    },
    {
      name: "update the owner's code",
      allowed: ['marketing', 'owner', 'admin'],
      run: update('discount-codes', 'code', { description: 'changed' }),
    },
    {
      name: "delete the owner's code",
      allowed: ['owner', 'admin'],
      run: remove('discount-codes', () =>
        mk('discount-codes', { code: unique('DEL').replace(/[^A-Za-z0-9-]/g, ''), kind: 'fixed', value: 1, createdBy: users.owner.id }),
      ),
    },
  ],
  'discount-redemptions': [
    { name: 'read a redemption', allowed: ['marketing', 'admin'], run: read('discount-redemptions', 'redemption') },
    {
      name: 'create a redemption',
      allowed: [],
      run: create('discount-redemptions', () => ({ discountCode: fx.code, order: fx.order, buyerEmail: 'q@r.s' })),
    },
    { name: 'update a redemption', allowed: [], run: update('discount-redemptions', 'redemption', { buyerEmail: 'z@r.s' }) },
    {
      name: 'delete a redemption',
      allowed: [],
      run: remove('discount-redemptions', () =>
        mk('discount-redemptions', { discountCode: fx.code, order: fx.order, buyerEmail: 'd@r.s' }),
      ),
    },
  ],
  'payment-events': [
    {
      name: "read a payment event of the attendee's order",
      allowed: ['attendee', 'owner', 'admin'],
      run: read('payment-events', 'paymentEvent'),
    },
    { name: 'create a payment event', allowed: [], run: create('payment-events', () => ({ eventId: unique('e'), type: 'x' })) },
    { name: 'update a payment event', allowed: [], run: update('payment-events', 'paymentEvent', { outcome: 'x' }) },
    {
      name: 'delete a payment event',
      allowed: [],
      run: remove('payment-events', () => mk('payment-events', { eventId: unique('e'), type: 'x' })),
    },
  ],
  refunds: [
    { name: "read a refund of the attendee's order", allowed: ['attendee', 'owner', 'admin'], run: read('refunds', 'refund') },
    {
      name: 'create a refund through the collection API (only refunds make them)',
      allowed: [],
      run: create('refunds', () => ({ order: fx.order, amount: 1, currency: 'EUR', reason: 'requested' })),
    },
    { name: 'update a refund', allowed: [], run: update('refunds', 'refund', { amount: 1 }) },
    {
      name: 'delete a refund',
      allowed: [],
      run: remove('refunds', () => mk('refunds', { order: fx.order, amount: 1, currency: 'EUR', reason: 'requested' })),
    },
  ],
  notifications: [
    { name: 'read a notification', allowed: ['admin'], run: read('notifications', 'notification') },
    {
      name: 'create a notification',
      allowed: [],
      run: create('notifications', () => ({ kind: 'order_confirmation', dedupeKey: unique('n'), recipient: 'someone@example.com' })),
    },
    { name: 'update a notification', allowed: [], run: update('notifications', 'notification', { recipient: 'x@y.z' }) },
    {
      name: 'delete a notification',
      allowed: [],
      run: remove('notifications', () =>
        mk('notifications', { kind: 'order_confirmation', dedupeKey: unique('n'), recipient: 'someone@example.com' }),
      ),
    },
  ],
  designers: [
    { name: 'read an active designer', allowed: EVERYONE, run: read('designers', 'activeDesigner') },
    { name: "read the designer user's pending profile", allowed: ['designer', 'editor', 'admin'], run: read('designers', 'designer') },
    { name: 'create a designer profile', allowed: ['designer', 'admin'], run: create('designers', () => ({ name: unique('New label') })) },
    {
      name: "update the designer user's profile",
      allowed: ['designer', 'admin'],
      run: update('designers', 'designer', { bio: 'changed' }),
    },
    {
      name: 'delete a designer',
      allowed: ['admin'],
      run: remove('designers', () => mk('designers', { name: unique('Gone'), user: users.designer.id })),
    },
  ],
  'fashion-collections': [
    { name: 'read a published collection', allowed: EVERYONE, run: read('fashion-collections', 'publishedCollection') },
    {
      name: "read the designer's draft collection",
      allowed: ['designer', 'editor', 'admin'],
      run: read('fashion-collections', 'draftCollection'),
    },
    {
      name: "create a collection for the designer's label",
      allowed: ['designer', 'admin'],
      run: create('fashion-collections', () => ({ designer: fx.activeDesigner, name: unique('Line') })),
    },
    {
      name: "update the designer's collection",
      allowed: ['designer', 'admin'],
      run: update('fashion-collections', 'draftCollection', { description: 'changed' }),
    },
    {
      name: "delete the designer's collection",
      allowed: ['designer', 'admin'],
      run: remove('fashion-collections', () => mk('fashion-collections', { designer: fx.activeDesigner, name: unique('Tmp') })),
    },
  ],
  'fashion-items': [
    { name: 'read an item of a published collection', allowed: EVERYONE, run: read('fashion-items', 'publicItem') },
    { name: 'read an item of a draft collection', allowed: ['designer', 'editor', 'admin'], run: read('fashion-items', 'draftItem') },
    {
      name: "create an item in the designer's collection",
      allowed: ['designer', 'admin'],
      run: create('fashion-items', () => ({ collection: fx.draftCollection, name: unique('Item'), type: 'top' })),
    },
    {
      name: "update the designer's item",
      allowed: ['designer', 'admin'],
      run: update('fashion-items', 'draftItem', { description: 'changed' }),
    },
    {
      name: "delete the designer's item",
      allowed: ['designer', 'admin'],
      run: remove('fashion-items', () => mk('fashion-items', { collection: fx.draftCollection, name: unique('Tmp'), type: 'top' })),
    },
  ],
  'fashion-item-images': [
    { name: 'read an image of a published item', allowed: EVERYONE, run: read('fashion-item-images', 'publicImage') },
    { name: 'read an image of a draft item', allowed: ['designer', 'editor', 'admin'], run: read('fashion-item-images', 'draftImage') },
    {
      name: "add an image to the designer's item",
      allowed: ['designer', 'admin'],
      run: create('fashion-item-images', () => ({ item: fx.draftItem, media: fx.imageMedia })),
    },
    {
      name: "update the designer's image",
      allowed: ['designer', 'admin'],
      run: update('fashion-item-images', 'draftImage', { altText: 'changed' }),
    },
    {
      name: "delete the designer's image",
      allowed: ['designer', 'admin'],
      run: remove('fashion-item-images', () => mk('fashion-item-images', { item: fx.draftItem, media: fx.imageMedia })),
    },
  ],
  'runway-shows': [
    { name: 'read a scheduled show', allowed: EVERYONE, run: read('runway-shows', 'show') },
    { name: "read a cancelled show of the owner's event", allowed: ['owner', 'admin'], run: read('runway-shows', 'cancelledShow') },
    {
      name: "create a show for the owner's event",
      allowed: ['owner', 'admin'],
      run: create('runway-shows', () => ({
        collection: fx.publishedCollection,
        event: fx.publishedEvent,
        venue: fx.activeVenue,
        showDate: '2027-06-01T15:00:00Z',
        title: unique('S'),
      })),
    },
    { name: "update a show of the owner's event", allowed: ['owner', 'admin'], run: update('runway-shows', 'show', { notes: 'changed' }) },
    {
      name: "delete a show of the owner's event",
      allowed: ['owner', 'admin'],
      run: remove('runway-shows', () =>
        mk('runway-shows', {
          collection: fx.publishedCollection,
          event: fx.publishedEvent,
          venue: fx.activeVenue,
          showDate: '2027-06-01T15:00:00Z',
          title: unique('S'),
        }),
      ),
    },
  ],
  'runway-segments': [
    { name: 'read a segment of a scheduled show', allowed: EVERYONE, run: read('runway-segments', 'segment') },
    { name: 'read a segment of a cancelled show', allowed: ['owner', 'admin'], run: read('runway-segments', 'cancelledSegment') },
    {
      name: "create a segment in the owner's show",
      allowed: ['owner', 'admin'],
      run: create('runway-segments', () => ({ show: fx.show, name: 'New', order: Math.floor(Math.random() * 1e9) })),
    },
    {
      name: "update a segment of the owner's show",
      allowed: ['owner', 'admin'],
      run: update('runway-segments', 'segment', { theme: 'changed' }),
    },
    {
      name: "delete a segment of the owner's show",
      allowed: ['owner', 'admin'],
      run: remove('runway-segments', () => mk('runway-segments', { show: fx.show, name: 'Tmp', order: Math.floor(Math.random() * 1e9) })),
    },
  ],
  models: [
    { name: 'read an active model', allowed: EVERYONE, run: read('models', 'activeModel') },
    { name: "read the attendee's own inactive model profile", allowed: ['attendee', 'admin'], run: read('models', 'ownModel') },
    { name: 'create a model', allowed: ['owner', 'otherOrganizer', 'admin'], run: create('models', () => ({ name: unique('New model') })) },
    { name: "update the attendee's model profile", allowed: ['attendee', 'admin'], run: update('models', 'ownModel', { bio: 'changed' }) },
    { name: 'delete a model', allowed: ['admin'], run: remove('models', () => mk('models', { name: unique('Gone') })) },
  ],
  'runway-appearances': [
    {
      name: "read the attendee-model's appearance",
      allowed: ['attendee', 'owner', 'admin'],
      run: read('runway-appearances', 'appearance'),
    },
    {
      name: "create an appearance in the owner's show",
      allowed: ['owner', 'admin'],
      run: create('runway-appearances', async () => ({
        segment: fx.segment,
        order: Math.floor(Math.random() * 1e9),
        model: await mk('models', { name: unique('Walker') }),
      })),
    },
    {
      name: "update an appearance in the owner's show",
      allowed: ['owner', 'admin'],
      run: update('runway-appearances', 'appearance', { notes: 'changed' }),
    },
    {
      name: "delete an appearance in the owner's show",
      allowed: ['owner', 'admin'],
      run: remove('runway-appearances', async () =>
        mk('runway-appearances', {
          segment: fx.segment,
          order: Math.floor(Math.random() * 1e9),
          model: await mk('models', { name: unique('Walker') }),
        }),
      ),
    },
  ],
  'designer-collaborations': [
    { name: 'read a collaboration', allowed: EVERYONE, run: read('designer-collaborations', 'collaboration') },
    {
      name: 'create a collaboration',
      allowed: ['editor', 'admin'],
      run: create('designer-collaborations', () => ({ name: unique('C'), members: [{ designer: fx.activeDesigner }] })),
    },
    {
      name: 'update a collaboration',
      allowed: ['editor', 'admin'],
      run: update('designer-collaborations', 'collaboration', { description: 'changed' }),
    },
    {
      name: 'delete a collaboration',
      allowed: ['editor', 'admin'],
      run: remove('designer-collaborations', () =>
        mk('designer-collaborations', { name: unique('C'), members: [{ designer: fx.activeDesigner }] }),
      ),
    },
  ],
  'designer-analytics': [
    { name: "read the designer's analytics", allowed: ['designer', 'admin'], run: read('designer-analytics', 'analytics') },
    {
      name: 'create an analytics row',
      allowed: [],
      run: create('designer-analytics', () => ({ designer: fx.activeDesigner, day: unique('d') })),
    },
    { name: 'update an analytics row', allowed: [], run: update('designer-analytics', 'analytics', { shares: 5 }) },
    {
      name: 'delete an analytics row',
      allowed: [],
      run: remove('designer-analytics', () => mk('designer-analytics', { designer: fx.activeDesigner, day: unique('d') })),
    },
  ],
  'api-keys': [
    { name: "read the owner's key", allowed: ['owner', 'admin'], run: read('api-keys', 'apiKey') },
    {
      name: 'create a key',
      allowed: ['owner', 'otherOrganizer', 'admin'],
      run: create('api-keys', () => ({ name: unique('k'), scopes: ['events:create'] })),
    },
    { name: "update the owner's key", allowed: ['owner', 'admin'], run: update('api-keys', 'apiKey', { name: 'Renamed' }) },
    {
      name: "revoke (delete) the owner's key",
      allowed: ['owner', 'admin'],
      run: remove('api-keys', () => mk('api-keys', { name: unique('k'), owner: users.owner.id })),
    },
  ],
  'usage-logs': [
    { name: 'read a usage log', allowed: ['admin'], run: read('usage-logs', 'usageLog') },
    { name: 'create a usage log', allowed: [], run: create('usage-logs', () => ({ method: 'GET' })) },
    { name: 'update a usage log', allowed: [], run: update('usage-logs', 'usageLog', { status: 500 }) },
    { name: 'delete a usage log', allowed: [], run: remove('usage-logs', async () => fx.usageLog) },
  ],
  'encryption-keys': [
    {
      name: 'read the key registry',
      allowed: ['admin'],
      run: async (who) => attempt(async () => (await payload.find({ collection: 'encryption-keys', ...as(userOf(who)) })).docs[0]),
    },
    {
      name: 'register a key through the API',
      allowed: [],
      run: create('encryption-keys', () => ({ name: 'x', version: Math.floor(Math.random() * 1e6) + 100 })),
    },
    {
      name: 'change the registry',
      allowed: [],
      run: async (who) =>
        attempt(async () =>
          payload
            .update({ collection: 'encryption-keys', where: { version: { equals: 1 } }, data: { name: 'y' }, ...as(userOf(who)) })
            .then((r) => r.docs[0]),
        ),
    },
    {
      name: 'delete a registry row',
      allowed: [],
      run: async (who) =>
        attempt(async () =>
          payload.delete({ collection: 'encryption-keys', where: { version: { equals: 1 } }, ...as(userOf(who)) }).then((r) => r.docs[0]),
        ),
    },
  ],
  'data-subject-requests': [
    { name: "read the attendee's own request", allowed: ['attendee', 'admin'], run: read('data-subject-requests', 'dsr') },
    { name: 'file a request', allowed: SIGNED_IN, run: create('data-subject-requests', () => ({ type: 'portability' })) },
    { name: 'handle a request', allowed: ['admin'], run: update('data-subject-requests', 'dsr', { status: 'processing' }) },
    {
      name: 'delete a request',
      allowed: ['admin'],
      run: remove('data-subject-requests', () => mk('data-subject-requests', { user: users.attendee.id, type: 'delete' })),
    },
  ],
  'audit-logs': [
    { name: 'read an audit entry', allowed: ['auditor', 'admin'], run: read('audit-logs', 'auditEntry') },
    {
      name: 'create an audit entry through the API',
      allowed: [],
      run: create('audit-logs', () => ({ action: 'create', summary: 'forged' })),
    },
    { name: 'change an audit entry', allowed: [], run: update('audit-logs', 'auditEntry', { summary: 'tampered' }) },
    { name: 'delete an audit entry', allowed: [], run: remove('audit-logs', async () => fx.auditEntry) },
  ],
  sponsors: [
    { name: 'read an active sponsor', allowed: EVERYONE, run: read('sponsors', 'activeSponsor') },
    {
      name: 'read a pending sponsor',
      allowed: ['sponsor', 'marketing', 'owner', 'otherOrganizer', 'admin'],
      run: read('sponsors', 'pendingSponsor'),
    },
    { name: 'create a sponsor profile', allowed: ['sponsor', 'admin'], run: create('sponsors', () => ({ name: unique('New sponsor') })) },
    {
      name: "update the sponsor user's own profile",
      allowed: ['sponsor', 'admin'],
      run: update('sponsors', 'activeSponsor', { description: 'changed' }),
    },
    {
      name: 'delete a sponsor',
      allowed: ['admin'],
      run: remove('sponsors', () => mk('sponsors', { name: unique('Gone'), status: 'inactive' })),
    },
  ],
  'sponsorship-tiers': [
    { name: 'read a tier', allowed: EVERYONE, run: read('sponsorship-tiers', 'tier') },
    { name: 'create a tier', allowed: ['admin'], run: create('sponsorship-tiers', () => ({ name: unique('Tier'), order: 9 })) },
    { name: 'update a tier', allowed: ['admin'], run: update('sponsorship-tiers', 'tier', { description: 'changed' }) },
    {
      name: 'delete a tier',
      allowed: ['admin'],
      run: remove('sponsorship-tiers', () => mk('sponsorship-tiers', { name: unique('Tier'), order: 9 })),
    },
  ],
  'sponsor-benefits': [
    { name: 'read a benefit', allowed: EVERYONE, run: read('sponsor-benefits', 'benefit') },
    { name: 'create a benefit', allowed: ['admin'], run: create('sponsor-benefits', () => ({ name: unique('B'), category: 'media' })) },
    { name: 'update a benefit', allowed: ['admin'], run: update('sponsor-benefits', 'benefit', { description: 'changed' }) },
    {
      name: 'delete a benefit',
      allowed: ['admin'],
      run: remove('sponsor-benefits', () => mk('sponsor-benefits', { name: unique('B'), category: 'media' })),
    },
  ],
  sponsorships: [
    {
      name: "read a sponsorship of the owner's event",
      allowed: ['sponsor', 'marketing', 'owner', 'admin'],
      run: read('sponsorships', 'sponsorship'),
    },
    {
      name: "create a sponsorship for the owner's event",
      allowed: ['owner', 'admin'],
      run: create('sponsorships', async () => ({
        sponsor: await mk('sponsors', { name: unique('S'), status: 'active' }),
        event: fx.publishedEvent,
        customTierName: 'Partner',
        startDate: '2027-05-01',
        endDate: '2027-06-30',
      })),
    },
    {
      name: "update a sponsorship of the owner's event",
      allowed: ['owner', 'admin'],
      run: update('sponsorships', 'sponsorship', { notes: 'changed' }),
    },
    {
      name: "delete a sponsorship of the owner's event",
      allowed: ['owner', 'admin'],
      run: remove('sponsorships', async () =>
        mk('sponsorships', {
          sponsor: await mk('sponsors', { name: unique('S'), status: 'active' }),
          event: fx.publishedEvent,
          tier: fx.tier,
          startDate: '2027-05-01',
          endDate: '2027-06-30',
        }),
      ),
    },
  ],
  'sponsorship-assets': [
    { name: 'read an approved asset', allowed: EVERYONE, run: read('sponsorship-assets', 'approvedAsset') },
    { name: 'read a pending asset', allowed: ['sponsor', 'marketing', 'owner', 'admin'], run: read('sponsorship-assets', 'pendingAsset') },
    {
      name: "upload an asset for the sponsor's sponsorship",
      allowed: ['sponsor', 'owner', 'admin'],
      run: create(
        'sponsorship-assets',
        () => ({ name: 'Upload', sponsorship: fx.sponsorship }),
        async () => ({ file: await png() }),
      ),
    },
    {
      name: 'edit a pending asset',
      allowed: ['sponsor', 'owner', 'admin'],
      run: update('sponsorship-assets', 'pendingAsset', { notes: 'changed' }),
    },
    {
      name: 'approve an asset',
      allowed: ['owner', 'admin'],
      run: async (who) => {
        const id = await mk('sponsorship-assets', { name: 'To review', sponsorship: fx.sponsorship }, { file: await png() })
        return refusedOrDenied(() =>
          payload.update({ collection: 'sponsorship-assets', id, data: { status: 'approved' }, depth: 0, ...as(userOf(who)) } as never),
        )
      },
    },
    {
      name: 'delete an asset',
      allowed: ['sponsor', 'owner', 'admin'],
      run: remove('sponsorship-assets', async () =>
        mk('sponsorship-assets', { name: 'Gone', sponsorship: fx.sponsorship }, { file: await png() }),
      ),
    },
  ],
  'sponsor-analytics': [
    {
      name: "read the sponsor's analytics",
      allowed: ['sponsor', 'marketing', 'owner', 'admin'],
      run: read('sponsor-analytics', 'sponsorAnalytics'),
    },
    {
      name: 'enter an analytics row',
      allowed: ['admin'],
      run: create('sponsor-analytics', () => ({ sponsor: fx.activeSponsor, day: nextDay(), event: fx.draftEvent })),
    },
    { name: 'correct an analytics row', allowed: ['admin'], run: update('sponsor-analytics', 'sponsorAnalytics', { leads: 3 }) },
    { name: 'delete an analytics row', allowed: [], run: remove('sponsor-analytics', async () => fx.sponsorAnalytics) },
  ],
  'marketing-campaigns': crud(
    'marketing-campaigns',
    'campaign',
    () => ({ name: unique('C'), startDate: '2027-01-01', endDate: '2027-01-31' }),
    { description: 'changed' },
  ),
  'campaign-assets': crud(
    'campaign-assets',
    'campaignAsset',
    () => ({ name: 'Visual', campaign: fx.campaign }),
    { name: 'Renamed' },
    async () => ({ file: await png() }),
  ),
  'email-campaigns': crud(
    'email-campaigns',
    'emailCampaign',
    () => ({ campaign: fx.campaign, subject: 'S', senderName: 'F', senderEmail: 'n@test.local', content: richText('x') }),
    { subject: 'Changed' },
  ),
  'social-posts': crud('social-posts', 'socialPost', () => ({ campaign: fx.campaign, platform: 'twitter', content: 'Post' }), {
    content: 'Changed',
  }),
  'marketing-segments': crud('marketing-segments', 'marketingSegment', () => ({ name: unique('Seg'), type: 'dynamic' }), {
    description: 'changed',
  }),
  'campaign-analytics': crud(
    'campaign-analytics',
    'campaignAnalytics',
    () => ({ campaign: fx.campaign, day: nextDay(), channel: 'search' }),
    { cost: 100 },
  ),
  'social-analytics': crud('social-analytics', 'socialAnalytics', () => ({ post: fx.socialPost, day: nextDay() }), { likes: 4 }),
  'email-sends': readOnly(
    'email-sends',
    'emailSend',
    async () => ({
      emailCampaign: fx.emailCampaign,
      user: await mk('users', { email: `${unique('r')}@test.local`, password: 'Correct-Horse-9', fullName: 'R' }),
      email: 'x@test.local',
      token: unique('t'),
    }),
    { status: 'sent' },
    MARKETING,
  ),
  'email-analytics': readOnly(
    'email-analytics',
    'emailAnalytics',
    () => ({ emailCampaign: fx.emailCampaign, day: nextDay() }),
    { opens: 1 },
    MARKETING,
  ),
  'user-engagement': readOnly(
    'user-engagement',
    'engagement',
    () => ({ type: 'click', source: 'web', sessionId: 'session-acl-2', occurredAt: '2027-04-01T10:00:00Z' }),
    { source: 'app' },
    MARKETING,
  ),
  webhooks: [
    { name: "read the owner's webhook", allowed: ['owner', 'admin'], run: read('webhooks', 'webhook') },
    {
      name: 'subscribe a webhook',
      allowed: ['owner', 'otherOrganizer', 'admin'],
      run: create('webhooks', () => ({ name: unique('h'), url: 'https://hooks.example.test/new', eventTypes: ['event.published'] })),
    },
    { name: "update the owner's webhook", allowed: ['owner', 'admin'], run: update('webhooks', 'webhook', { name: 'Renamed' }) },
    {
      name: "delete the owner's webhook",
      allowed: ['owner', 'admin'],
      run: remove('webhooks', () =>
        mk('webhooks', {
          name: unique('h'),
          url: 'https://hooks.example.test/gone',
          eventTypes: ['order.completed'],
          owner: users.owner.id,
        }),
      ),
    },
  ],
  'webhook-events': readOnly('webhook-events', 'webhookEvent', () => ({ type: 'event.updated' }), { type: 'forged' }, ['admin']),
  'webhook-deliveries': readOnly(
    'webhook-deliveries',
    'webhookDelivery',
    () => ({ webhook: fx.webhook, event: fx.webhookEvent }),
    { status: 'succeeded' },
    ['owner', 'admin'],
  ),
  'webhook-attempts': readOnly(
    'webhook-attempts',
    'webhookAttempt',
    () => ({ delivery: fx.webhookDelivery, webhook: fx.webhook, event: fx.webhookEvent, attempt: 2 }),
    { statusCode: 500 },
    ['owner', 'admin'],
  ),
  permissions: [
    { name: 'read a permission', allowed: ['admin'], run: read('permissions', 'permission') },
    { name: 'create a permission', allowed: ['admin'], run: create('permissions', () => ({ resource: unique('res'), action: 'read' })) },
    { name: 'update a permission', allowed: ['admin'], run: update('permissions', 'permission', { description: 'updated' }) },
    {
      name: 'delete a permission',
      allowed: ['admin'],
      run: remove('permissions', () => mk('permissions', { resource: unique('res'), action: 'read' })),
    },
  ],
}

describe('access matrix', () => {
  it('has cases for every collection in the config', () => {
    const ours = payload.config.collections.map((c) => c.slug).filter((s) => !s.startsWith('payload-'))
    expect(Object.keys(cases).sort()).toEqual(ours.sort())
  })

  for (const [collection, list] of Object.entries(cases)) {
    describe(collection, () => {
      for (const c of list) {
        it(`${c.name}: allowed for ${c.allowed.join(', ') || 'nobody'}; denied for the rest`, async () => {
          const got: Record<string, boolean> = {}
          for (const who of EVERYONE) got[who] = await c.run(who)
          const expected = Object.fromEntries(EVERYONE.map((w) => [w, c.allowed.includes(w)]))
          expect(got).toEqual(expected)
        })
      }
    })
  }
})

describe('admin UI entry', () => {
  it('lets staff roles in and keeps attendees, designers, sponsors (and models) out', async () => {
    const admin = payload.collections.users.config.access.admin!
    const model = await makeUser(payload, 'attendee', { userType: 'model' })
    const got: Record<string, boolean> = {}
    for (const who of [...SIGNED_IN, 'model'] as const) {
      const user = who === 'model' ? model : users[who as Exclude<Who, 'anonymous'>]
      got[who] = Boolean(await admin({ req: { payload, user } as unknown as PayloadRequest }))
    }
    expect(got).toEqual({
      attendee: false,
      designer: false,
      sponsor: false,
      model: false,
      staff: true,
      editor: true,
      marketing: true,
      auditor: true,
      owner: true,
      otherOrganizer: true,
      admin: true,
    })
  })
})
