import type { Payload } from 'payload'

import { poolOf } from '../db/pool'
import { seedContext } from './constants'
import { posterImage } from './images'
import { richText } from './richText'
import { demoPurchase } from './ticketing'

const common = { overrideAccess: true, context: seedContext, depth: 0 } as const
const create = async (payload: Payload, collection: string, data: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  String(((await payload.create({ collection, data, ...common, ...extra } as never)) as { id: string }).id)

const DAY = 86_400_000
const dayOf = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10)
/** Repeatable pseudo-random figures (the demo looks the same on every machine). */
const wave = (i: number, base: number, amp: number, seed = 1) =>
  Math.max(0, Math.round(base + amp * Math.sin(i / 3 + seed) + (amp / 3) * Math.cos(i * 1.7 + seed * 2)))

type Ctx = { show: string; workshop: string; party: string; users: Record<string, string>; logo: string }

/**
 * Sponsors, tiers and benefits; the show's sponsorships (approved, featured, proposed) with
 * assets awaiting review and approved; 30 days of sponsor analytics.
 */
export async function seedSponsorship(payload: Payload, ctx: Ctx) {
  const benefit = (name: string, category: string, digital: boolean, physical: boolean, description: string) =>
    create(payload, 'sponsor-benefits', { name, category, digital, physical, description })
  const wall = await benefit('Logo on the runway wall', 'branding', false, true, 'Your logo on the backdrop behind the runway.')
  const seats = await benefit('Front-row seats', 'hospitality', false, true, 'Seats in the front row for your guests.')
  const posts = await benefit('Social media mentions', 'digital', true, false, 'Posts on our channels before and after the show.')
  const booth = await benefit('Exhibition booth', 'experience', false, true, 'A booth in the foyer.')
  const leads = await benefit('Attendee insights', 'data', true, false, 'Aggregated attendance and engagement figures.')
  const platinum = await create(payload, 'sponsorship-tiers', {
    name: 'Platinum',
    order: 1,
    minPrice: 2_500_000,
    maxPrice: 5_000_000,
    currency: 'EUR',
    description: 'Presenting partner.',
    benefits: [
      { benefit: wall, quantity: 1, details: 'Centre position' },
      { benefit: seats, quantity: 10 },
      { benefit: posts, quantity: 6 },
      { benefit: leads, quantity: 1 },
    ],
  })
  const gold = await create(payload, 'sponsorship-tiers', {
    name: 'Gold',
    order: 2,
    minPrice: 1_000_000,
    maxPrice: 2_499_900,
    currency: 'EUR',
    benefits: [
      { benefit: wall, quantity: 1 },
      { benefit: seats, quantity: 4 },
      { benefit: posts, quantity: 2 },
    ],
  })
  const silver = await create(payload, 'sponsorship-tiers', {
    name: 'Silver',
    order: 3,
    minPrice: 250_000,
    maxPrice: 999_900,
    currency: 'EUR',
    benefits: [
      { benefit: booth, quantity: 1 },
      { benefit: posts, quantity: 1 },
    ],
  })

  const sponsor = (data: Record<string, unknown>) => create(payload, 'sponsors', { status: 'active', ...data })
  const lumiere = await sponsor({
    name: 'Maison Lumière',
    owner: ctx.users.sponsor,
    logo: ctx.logo,
    website: 'https://lumiere.example',
    industry: 'Luxury fashion',
    companySize: '201-1000',
    foundedYear: 1921,
    headquarters: 'Paris',
    description: 'A luxury fashion house known for evening wear.',
    contact: { name: 'Sasha Sponsor', email: 'sponsor@fashionistas.local' },
  })
  const verde = await sponsor({
    name: 'Atelier Verde',
    website: 'https://verde.example',
    industry: 'Sustainable textiles',
    companySize: '51-200',
    foundedYear: 2012,
    headquarters: 'Milan',
    description: 'Recycled and organic fabrics for designers.',
  })
  const sparkle = await sponsor({
    name: 'Sparkle Water Co',
    website: 'https://sparkle.example',
    industry: 'Beverages',
    companySize: '1000+',
    headquarters: 'Lyon',
    description: 'Sparkling mineral water served at every show.',
  })
  const nordic = await sponsor({
    name: 'Nordic Threads',
    status: 'pending',
    industry: 'Knitwear',
    headquarters: 'Copenhagen',
    description: 'Knitwear label asking to sponsor the next show.',
  })

  const start = dayOf(-45)
  const end = dayOf(60)
  const sponsorship = (data: Record<string, unknown>) =>
    create(payload, 'sponsorships', { event: ctx.show, startDate: start, endDate: end, currency: 'EUR', ...data })
  const spLumiere = await sponsorship({
    sponsor: lumiere,
    tier: platinum,
    amount: 3_000_000,
    paymentStatus: 'paid',
    status: 'approved',
    featured: true,
    order: 1,
    benefits: [
      { benefit: wall, quantity: 1, delivered: true },
      { benefit: seats, quantity: 10 },
    ],
  })
  const spVerde = await sponsorship({
    sponsor: verde,
    tier: gold,
    amount: 1_200_000,
    paymentStatus: 'partial',
    status: 'approved',
    order: 2,
  })
  await sponsorship({ sponsor: sparkle, tier: silver, amount: 400_000, paymentStatus: 'pending', status: 'approved', order: 3 })
  await sponsorship({ sponsor: nordic, customTierName: 'Knitwear partner', amount: 150_000, status: 'proposed' })
  await sponsorship({
    sponsor: verde,
    event: ctx.workshop,
    customTierName: 'Fabric partner',
    amount: 200_000,
    paymentStatus: 'paid',
    status: 'approved',
  })

  const asset = async (name: string, sp: string, assetType: string, status: string, colours: [string, string]) =>
    create(
      payload,
      'sponsorship-assets',
      {
        name,
        sponsorship: sp,
        assetType,
        status,
        uploadedBy: ctx.users.sponsor,
        ...(status === 'rejected' ? { rejectionReason: 'Logo too small for the backdrop.' } : {}),
      },
      { file: await posterImage(name, ...colours, 800, 400) },
    )
  await asset('Lumière runway logo', spLumiere, 'logo', 'approved', ['#111111', '#d4af37'])
  await asset('Lumière foyer banner', spLumiere, 'banner', 'pending', ['#1b1b1b', '#bfa14a'])
  await asset('Verde backdrop logo', spVerde, 'logo', 'rejected', ['#0b3d2e', '#8bc34a'])

  const pool = poolOf(payload)
  const rows: unknown[][] = []
  for (let i = 0; i < 30; i++) {
    for (const [s, base, ret, seed] of [
      [lumiere, 4200, 3.1, 1],
      [verde, 1800, 1.4, 2],
      [sparkle, 900, 0.8, 3],
    ] as const) {
      const impressions = wave(i, base, base / 3, seed)
      const clicks = Math.round(impressions * (0.02 + seed * 0.005))
      const cost = Math.round(base * 4)
      rows.push([
        s,
        ctx.show,
        dayOf(i - 29),
        impressions,
        clicks,
        Math.round(clicks / 8),
        Math.round(clicks / 20),
        cost,
        Math.round(cost * ret * (0.8 + 0.4 * ((i % 5) / 4))),
      ])
    }
  }
  await pool.query(
    `INSERT INTO sponsor_analytics (sponsor_id, event_id, day, impressions, clicks, leads, conversions, roi_cost, roi_value)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::int[], $5::int[], $6::int[], $7::int[], $8::int[], $9::int[])`,
    rows[0].map((_, col) => rows.map((r) => r[col])),
  )
  return { lumiere, verde, sparkle }
}

/**
 * Campaigns with their channels' daily figures, a promotional code linked to a campaign (its
 * uses are real demo orders), segments, a sent email campaign with its counts and a draft ready
 * to send, social posts with insights, and a month of engagement events.
 */
export async function seedMarketing(
  payload: Payload,
  ctx: Ctx & { sponsors: Record<string, string>; welcomeCode: string; generalTicket: string },
) {
  const pool = poolOf(payload)
  const spring = await create(payload, 'marketing-campaigns', {
    name: 'Paris Runway Night launch',
    description: 'Tickets for the autumn show: email, social and search.',
    startDate: dayOf(-30),
    endDate: dayOf(30),
    status: 'active',
    budget: 1_500_000,
    currency: 'EUR',
    event: ctx.show,
    channels: ['email', 'social', 'search', 'display', 'promo_code'],
    goals: [
      { metric: 'tickets', target: 400 },
      { metric: 'revenue', target: 2_000_000 },
    ],
    createdBy: ctx.users.marketing,
  })
  const workshop = await create(payload, 'marketing-campaigns', {
    name: 'Atelier week',
    startDate: dayOf(-20),
    endDate: dayOf(10),
    status: 'active',
    budget: 300_000,
    currency: 'EUR',
    event: ctx.workshop,
    channels: ['social', 'partner'],
    createdBy: ctx.users.marketing,
  })
  await create(payload, 'marketing-campaigns', {
    name: 'After-party teaser',
    startDate: dayOf(5),
    endDate: dayOf(25),
    status: 'draft',
    budget: 100_000,
    currency: 'EUR',
    event: ctx.party,
    channels: ['social'],
    createdBy: ctx.users.marketing,
  })

  const rows: unknown[][] = []
  for (let i = 0; i < 30; i++) {
    for (const [c, channel, base, cpc, rev, seed] of [
      [spring, 'search', 5000, 40, 9000, 1],
      [spring, 'social', 9000, 15, 4000, 2],
      [spring, 'display', 15000, 8, 2500, 3],
      [spring, 'email', 2000, 2, 6000, 4],
      [workshop, 'social', 3000, 12, 1800, 5],
      [workshop, 'partner', 1200, 30, 2600, 6],
    ] as const) {
      const impressions = wave(i, base, base / 3, seed)
      const clicks = Math.round(impressions * (0.015 + seed * 0.003))
      const conversions = Math.round(clicks * 0.04)
      rows.push([c, dayOf(i - 29), channel, impressions, clicks, conversions, conversions * rev, clicks * cpc])
    }
  }
  await pool.query(
    `INSERT INTO campaign_analytics (campaign_id, day, channel, impressions, clicks, conversions, revenue, cost)
     SELECT c, d, ch::enum_campaign_analytics_channel, i, k, v, r, x FROM unnest($1::uuid[], $2::text[], $3::text[], $4::int[], $5::int[], $6::int[], $7::int[], $8::int[]) AS u(c, d, ch, i, k, v, r, x)`,
    rows[0].map((_, col) => rows.map((r) => r[col])),
  )
  // The welcome code belongs to the launch campaign: its (real) uses are the campaign's promo conversions.
  await payload.update({ collection: 'discount-codes', id: ctx.welcomeCode, data: { campaign: spring } as never, ...common })
  await create(payload, 'discount-codes', {
    code: 'RUNWAY15',
    description: '15% off, launch campaign partners.',
    kind: 'percentage',
    value: 15,
    campaign: spring,
  })
  // A few more launch-campaign sales with its codes (real orders through checkout).
  const buyer = { email: 'attendee@fashionistas.local', name: 'Alex Attendee', id: ctx.users.attendee }
  for (const [n, code] of [
    [2, 'RUNWAY15'],
    [3, 'WELCOME10'],
    [1, 'RUNWAY15'],
    [4, undefined],
    [2, 'RUNWAY15'],
    [5, undefined],
  ] as const) {
    await demoPurchase(payload, buyer, [{ ticketType: ctx.generalTicket, quantity: n }], code)
  }

  // People who said yes to news.
  for (const u of ['attendee', 'model', 'designer'])
    await pool.query(`UPDATE users SET profile_notification_settings_marketing = true WHERE id = $1`, [ctx.users[u]])
  const buyers = await create(payload, 'marketing-segments', {
    name: 'Bought for the runway show',
    type: 'dynamic',
    criteria: { boughtForEvents: [ctx.show] },
    createdBy: ctx.users.marketing,
  })
  await create(payload, 'marketing-segments', {
    name: 'VIP list',
    type: 'static',
    members: [ctx.users.attendee, ctx.users.model],
    createdBy: ctx.users.marketing,
  })

  const content = (text: string) => {
    const doc = richText(`Hello {{firstName}}, ${text} `)
    ;(doc.root.children[0].children as unknown[]).push({
      type: 'link',
      version: 3,
      format: '',
      indent: 0,
      direction: 'ltr',
      fields: { url: 'https://fashionistas.example/events/paris-runway-night', linkType: 'custom', newTab: false },
      children: [{ type: 'text', text: 'Get your seat', format: 0, style: '', mode: 'normal', detail: 0, version: 1 }],
    })
    return doc
  }
  const sent = await create(payload, 'email-campaigns', {
    campaign: spring,
    subject: 'The runway is back, {{firstName}}',
    previewText: 'Front-row seats are going fast',
    senderName: 'Fashionistas',
    senderEmail: 'news@fashionistas.local',
    template: 'announcement',
    content: content('the autumn show opens its doors.'),
    segment: buyers,
  })
  await pool.query(`UPDATE email_campaigns SET status = 'sent', sent_at = $2 WHERE id = $1`, [sent, new Date(Date.now() - 12 * DAY)])
  await pool.query(
    `INSERT INTO email_analytics (email_campaign_id, day, sends, opens, clicks, bounces, unsubscribes) VALUES
       ($1, $2, 1200, 410, 96, 14, 5), ($1, $3, 0, 120, 31, 0, 2), ($1, $4, 0, 35, 9, 0, 1)`,
    [sent, dayOf(-12), dayOf(-11), dayOf(-10)],
  )
  await create(payload, 'email-campaigns', {
    campaign: spring,
    subject: 'Last front-row seats, {{firstName}}',
    previewText: 'Only a few left',
    senderName: 'Fashionistas',
    senderEmail: 'news@fashionistas.local',
    content: content('only a handful of front-row seats are left.'),
    segment: buyers,
  })

  const post = (data: Record<string, unknown>) =>
    create(payload, 'social-posts', { campaign: spring, createdBy: ctx.users.marketing, ...data })
  const insta = await post({
    platform: 'instagram',
    content: 'Backstage at the Grand Hall. #ParisRunwayNight',
    status: 'published',
    publishedAt: new Date(Date.now() - 9 * DAY).toISOString(),
    postUrl: 'https://instagram.example/p/runway1',
    postId: 'runway1',
  })
  const tweet = await post({
    platform: 'twitter',
    content: 'Front row seats for Paris Runway Night are nearly gone.',
    status: 'published',
    publishedAt: new Date(Date.now() - 6 * DAY).toISOString(),
    postUrl: 'https://x.example/fashionistas/status/1',
    postId: '1',
  })
  await post({
    platform: 'tiktok',
    content: 'Countdown: one week to the show.',
    status: 'scheduled',
    scheduledAt: new Date(Date.now() + 3 * DAY).toISOString(),
  })
  for (let i = 0; i < 5; i++) {
    await create(payload, 'social-analytics', {
      post: insta,
      day: dayOf(-9 + i),
      impressions: wave(i, 8000, 3000),
      reach: wave(i, 6000, 2000),
      likes: wave(i, 600, 200),
      comments: wave(i, 40, 15),
      shares: wave(i, 30, 10),
      saves: wave(i, 50, 20),
    })
    await create(payload, 'social-analytics', {
      post: tweet,
      day: dayOf(-6 + i),
      impressions: wave(i, 3000, 1000, 2),
      likes: wave(i, 90, 30, 2),
      comments: wave(i, 12, 5, 2),
      shares: wave(i, 25, 8, 2),
      clicks: wave(i, 60, 20, 2),
    })
  }

  // A month of engagement from the site and the app (anonymous sessions and signed-in people).
  const types = ['page_view', 'page_view', 'page_view', 'event_view', 'ticket_click', 'share', 'sponsor_impression', 'sponsor_click']
  const ev: unknown[][] = []
  for (let i = 0; i < 400; i++) {
    const type = types[i % types.length]
    const signedIn = i % 5 === 0
    ev.push([
      type,
      i % 3 === 0 ? 'app' : 'web',
      signedIn ? ctx.users.attendee : null,
      signedIn ? null : `demo-session-${i % 37}`,
      ctx.show,
      type.startsWith('sponsor') ? ctx.sponsors.lumiere : null,
      new Date(Date.now() - ((i * 7919) % (30 * 24)) * 3_600_000).toISOString(),
    ])
  }
  await pool.query(
    `INSERT INTO user_engagement (type, source, user_id, session_id, event_id, sponsor_id, occurred_at)
     SELECT * FROM unnest($1::text[], $2::text[], $3::uuid[], $4::text[], $5::uuid[], $6::uuid[], $7::timestamptz[])`,
    ev[0].map((_, col) => ev.map((r) => r[col])),
  )
}

/** Spreads the demo orders over the last four weeks (and their code uses with them), so sales charts have a history. */
export async function spreadDemoSales(payload: Payload) {
  const pool = poolOf(payload)
  await pool.query(
    `WITH o AS (SELECT id, row_number() OVER (ORDER BY created_at, id) AS n FROM orders WHERE status = 'completed')
     UPDATE orders SET completed_at = now() - ((o.n * 5) % 27) * interval '1 day' - (o.n % 9) * interval '1 hour',
                       created_at = now() - ((o.n * 5) % 27) * interval '1 day' - (o.n % 9) * interval '1 hour' - interval '5 minutes'
       FROM o WHERE orders.id = o.id`,
  )
  await pool.query(
    `UPDATE discount_redemptions r SET created_at = o.completed_at FROM orders o WHERE o.id = r.order_id AND o.completed_at IS NOT NULL`,
  )
  // The promo-code conversions follow their orders to their new days.
  await pool.query(`DELETE FROM campaign_analytics WHERE channel = 'promo_code'`)
  await pool.query(
    `INSERT INTO campaign_analytics (campaign_id, day, channel, conversions, revenue)
     SELECT dc.campaign_id, to_char(o.completed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD'), 'promo_code'::enum_campaign_analytics_channel, count(*), sum(o.total)
       FROM discount_redemptions r JOIN discount_codes dc ON dc.id = r.discount_code_id JOIN orders o ON o.id = r.order_id
      WHERE dc.campaign_id IS NOT NULL AND r.status = 'confirmed'
   GROUP BY 1, 2`,
  )
}
