/**
 * The analytics reports: every sample query of the design's sponsorship and marketing parts,
 * plus the ticket-sales figures the dashboard charts. Each report is one SQL statement over the
 * indexes the migrations create, with its parameters validated by a zod schema (the same
 * schema documents it). Dates are UTC calendar days, `from` and `to` inclusive; money is in
 * minor units of the currency each row names.
 */
import type { Pool } from 'pg'
import { z } from 'zod'

import { eventSponsors } from '../sponsorship/queries'

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD').refine((v) => !Number.isNaN(Date.parse(v)), 'must be a real date')
const uuid = (what: string) => z.uuid({ message: `must be the ${what}'s id (a uuid)` })
const limit = z.coerce.number().int().min(1).max(500).default(100)

const isoDay = (d: Date) => d.toISOString().slice(0, 10)
const daysAgo = (now: Date, n: number) => isoDay(new Date(now.getTime() - n * 86_400_000))

/** `from`/`to` with defaults relative to today (the design's CURRENT_DATE windows), checked in order. */
const range = (defaultDays: number) =>
  z
    .object({ from: day.optional(), to: day.optional() })
    .transform((r, ctx) => {
      const now = new Date()
      const to = r.to ?? isoDay(now)
      const from = r.from ?? daysAgo(new Date(`${to}T00:00:00Z`), defaultDays)
      if (from > to) ctx.addIssue({ code: 'custom', path: ['from'], message: 'must not be after to' })
      return { from, to }
    })

/** An optional window (either end may be left open), for reports that are not dated by default. */
const window = { from: day.optional(), to: day.optional() }
const inWindow = (col: string, from: string, to: string) => `(${from}::date IS NULL OR ${utcDay(col)} >= ${from}::date) AND (${to}::date IS NULL OR ${utcDay(col)} <= ${to}::date)`

type Report<S extends z.ZodType = z.ZodType> = {
  description: string
  params: S
  run: (db: Pool, p: z.infer<S>) => Promise<unknown[]>
}

const define = <S extends z.ZodType>(r: Report<S>) => r as unknown as Report

const rows = async (db: Pool, text: string, values: unknown[]) => (await db.query(text, values)).rows

const utcDay = (col: string) => `(${col} AT TIME ZONE 'UTC')::date`
/** The first instant of a UTC day, and the first instant after one (exclusive end). */
const utcStart = (param: string) => `(${param}::date::timestamp AT TIME ZONE 'UTC')`
const utcEnd = (param: string) => `((${param}::date + 1)::timestamp AT TIME ZONE 'UTC')`

export const reports: Record<string, Report> = {
  'sponsors-active': define({
    description: 'Active sponsors with the number of their (not cancelled) sponsorships running in [from, to] (default: today).',
    params: range(0),
    run: (db, p) =>
      rows(
        db,
        `SELECT s.id, s.name, s.slug, m.url AS logo, s.industry, count(sp.id)::int AS "activeSponsorships"
           FROM sponsors s
           JOIN sponsorships sp ON sp.sponsor_id = s.id AND sp.status <> 'cancelled'
                               AND ${utcDay('sp.start_date')} <= $2::date AND ${utcDay('sp.end_date')} >= $1::date
      LEFT JOIN media m ON m.id = s.logo_id
          WHERE s.status = 'active'
       GROUP BY s.id, m.url
       ORDER BY "activeSponsorships" DESC, s.name`,
        [p.from, p.to],
      ),
  }),
  'event-sponsors': define({
    description: "An event's sponsors with tier and tier benefits (active sponsors; featured first, then tier order). Optional from/to keep sponsorships running in that window.",
    params: z.object({ event: uuid('event'), from: day.optional(), to: day.optional(), approvedOnly: z.enum(['true', 'false']).default('false') }),
    run: (db, p) => eventSponsors(db, p.event, { from: p.from ?? null, to: p.to ?? null, publicOnly: p.approvedOnly === 'true' }),
  }),
  'tier-benefits': define({
    description: "A tier's benefits, by category and name.",
    params: z.object({ tier: uuid('tier') }),
    run: (db, p) =>
      rows(
        db,
        `SELECT b.id, b.name, b.description, b.category, m.url AS icon, b.digital, b.physical, tb.quantity::int AS quantity, tb.details
           FROM tier_benefits tb JOIN sponsor_benefits b ON b.id = tb.benefit_id LEFT JOIN media m ON m.id = b.icon_id
          WHERE tb._parent_id = $1
       ORDER BY b.category, b.name`,
        [p.tier],
      ),
  }),
  'sponsor-roi': define({
    description: 'Per sponsor and event over [from, to] (default: last 365 days): impressions, clicks, leads, conversions, cost, value and ROI % = (value - cost) / cost.',
    params: range(365),
    run: (db, p) =>
      rows(
        db,
        `SELECT s.id AS "sponsorId", s.name AS sponsor, e.id AS "eventId", e.title AS event, sa.roi_currency AS currency,
                sum(sa.impressions)::float8 AS impressions, sum(sa.clicks)::float8 AS clicks, sum(sa.leads)::float8 AS leads,
                sum(sa.conversions)::float8 AS conversions, sum(sa.roi_cost)::float8 AS cost, sum(sa.roi_value)::float8 AS value,
                CASE WHEN sum(sa.impressions) > 0 THEN round(sum(sa.clicks)::numeric * 100 / sum(sa.impressions), 2)::float8 ELSE 0 END AS ctr,
                CASE WHEN sum(sa.roi_cost) > 0 THEN round((sum(sa.roi_value) - sum(sa.roi_cost))::numeric * 100 / sum(sa.roi_cost), 2)::float8 END AS "roiPercent"
           FROM sponsor_analytics sa
           JOIN sponsors s ON s.id = sa.sponsor_id
      LEFT JOIN events e ON e.id = sa.event_id
          WHERE sa.day BETWEEN $1 AND $2
       GROUP BY s.id, e.id, sa.roi_currency
       ORDER BY "roiPercent" DESC NULLS LAST, impressions DESC`,
        [p.from, p.to],
      ),
  }),
  'sponsor-daily': define({
    description: 'Sponsor impressions and clicks per day over [from, to] (default: last 30 days), all sponsors together.',
    params: range(30),
    run: (db, p) =>
      rows(
        db,
        `SELECT d::date::text AS day, COALESCE(sum(sa.impressions), 0)::float8 AS impressions, COALESCE(sum(sa.clicks), 0)::float8 AS clicks
           FROM generate_series($1::date, $2::date, interval '1 day') d
      LEFT JOIN sponsor_analytics sa ON sa.day = d::date::text
       GROUP BY d ORDER BY d`,
        [p.from, p.to],
      ),
  }),
  'sponsor-search': define({
    description: 'Sponsors matching a text query (web-search syntax) in name, description and industry, best first; from/to keep sponsors added in that window.',
    params: z.object({ q: z.string().trim().min(1, 'must not be empty').max(200, 'is at most 200 characters'), limit, ...window }),
    run: (db, p) =>
      rows(
        db,
        `SELECT id, name, slug, description, industry, status,
                ts_rank(to_tsvector('english', coalesce(name, '') || ' ' || coalesce(description, '') || ' ' || coalesce(industry, '')), q)::float8 AS rank
           FROM sponsors, websearch_to_tsquery('english', $1) q
          WHERE to_tsvector('english', coalesce(name, '') || ' ' || coalesce(description, '') || ' ' || coalesce(industry, '')) @@ q
            AND ${inWindow('created_at', '$3', '$4')}
       ORDER BY rank DESC, name LIMIT $2`,
        [p.q, p.limit, p.from ?? null, p.to ?? null],
      ),
  }),
  'event-assets': define({
    description: "An event's sponsorship assets with their sponsor (default: approved only), by sponsor and name; from/to keep assets uploaded in that window.",
    params: z.object({ event: uuid('event'), status: z.enum(['approved', 'pending', 'rejected', 'all']).default('approved'), ...window }),
    run: (db, p) =>
      rows(
        db,
        `SELECT a.id, a.name, a.url, a.filename, a.mime_type AS "mimeType", a.asset_type AS "assetType", a.filesize::int AS filesize, a.width::int AS width, a.height::int AS height, a.status, s.name AS sponsor
           FROM sponsorship_assets a JOIN sponsorships sp ON sp.id = a.sponsorship_id JOIN sponsors s ON s.id = sp.sponsor_id
          WHERE sp.event_id = $1 AND ($2::text = 'all' OR a.status::text = $2::text) AND ${inWindow('a.created_at', '$3', '$4')}
       ORDER BY s.name, a.name`,
        [p.event, p.status, p.from ?? null, p.to ?? null],
      ),
  }),
  campaigns: define({
    description: 'Active campaigns running in [from, to] (default: today) with impressions, clicks, conversions, revenue, cost, profit and ROI (revenue / cost) from their analytics in that window.',
    params: range(0),
    run: (db, p) =>
      rows(
        db,
        `SELECT mc.id, mc.name, ${utcDay('mc.start_date')}::text AS "startDate", ${utcDay('mc.end_date')}::text AS "endDate", mc.currency, mc.budget::float8 AS budget, e.title AS event,
                COALESCE(sum(ca.impressions), 0)::float8 AS impressions, COALESCE(sum(ca.clicks), 0)::float8 AS clicks,
                COALESCE(sum(ca.conversions), 0)::float8 AS conversions, COALESCE(sum(ca.revenue), 0)::float8 AS revenue,
                COALESCE(sum(ca.cost), 0)::float8 AS cost, COALESCE(sum(ca.revenue - ca.cost), 0)::float8 AS profit,
                CASE WHEN sum(ca.cost) > 0 THEN round(sum(ca.revenue)::numeric / sum(ca.cost), 2)::float8 ELSE 0 END AS roi
           FROM marketing_campaigns mc
      LEFT JOIN events e ON e.id = mc.event_id
      LEFT JOIN campaign_analytics ca ON ca.campaign_id = mc.id AND ca.day BETWEEN $1 AND $2
          WHERE mc.status = 'active' AND ${utcDay('mc.start_date')} <= $2::date AND ${utcDay('mc.end_date')} >= $1::date
       GROUP BY mc.id, e.title
       ORDER BY profit DESC, mc.name`,
        [p.from, p.to],
      ),
  }),
  'campaign-channels': define({
    description: 'Per campaign and channel over [from, to] (default: last 90 days): impressions, clicks, conversions, revenue, cost, CTR %, conversion rate % and ROI.',
    params: range(90),
    run: (db, p) =>
      rows(
        db,
        `SELECT mc.id AS "campaignId", mc.name AS campaign, ca.channel, mc.currency,
                sum(ca.impressions)::float8 AS impressions, sum(ca.clicks)::float8 AS clicks, sum(ca.conversions)::float8 AS conversions,
                sum(ca.revenue)::float8 AS revenue, sum(ca.cost)::float8 AS cost,
                CASE WHEN sum(ca.impressions) > 0 THEN round(sum(ca.clicks)::numeric * 100 / sum(ca.impressions), 2)::float8 ELSE 0 END AS ctr,
                CASE WHEN sum(ca.clicks) > 0 THEN round(sum(ca.conversions)::numeric * 100 / sum(ca.clicks), 2)::float8 ELSE 0 END AS "conversionRate",
                CASE WHEN sum(ca.cost) > 0 THEN round(sum(ca.revenue)::numeric / sum(ca.cost), 2)::float8 ELSE 0 END AS roi
           FROM campaign_analytics ca JOIN marketing_campaigns mc ON mc.id = ca.campaign_id
          WHERE ca.day BETWEEN $1 AND $2
       GROUP BY mc.id, ca.channel
       ORDER BY revenue DESC, campaign, ca.channel`,
        [p.from, p.to],
      ),
  }),
  'email-performance': define({
    description: 'Email campaigns sent in [from, to] (default: last 90 days): sends, unique opens and clicks, bounces, unsubscribes, open rate % and click-to-open rate %.',
    params: range(90),
    run: (db, p) =>
      rows(
        db,
        `SELECT ec.id, ec.subject, ec.sent_at AS "sentAt", mc.name AS campaign,
                COALESCE(sum(ea.sends), 0)::float8 AS sends, COALESCE(sum(ea.opens), 0)::float8 AS opens, COALESCE(sum(ea.clicks), 0)::float8 AS clicks,
                COALESCE(sum(ea.bounces), 0)::float8 AS bounces, COALESCE(sum(ea.unsubscribes), 0)::float8 AS unsubscribes,
                CASE WHEN sum(ea.sends) > 0 THEN round(sum(ea.opens)::numeric * 100 / sum(ea.sends), 2)::float8 ELSE 0 END AS "openRate",
                CASE WHEN sum(ea.opens) > 0 THEN round(sum(ea.clicks)::numeric * 100 / sum(ea.opens), 2)::float8 ELSE 0 END AS "clickToOpenRate"
           FROM email_campaigns ec
           JOIN marketing_campaigns mc ON mc.id = ec.campaign_id
      LEFT JOIN email_analytics ea ON ea.email_campaign_id = ec.id
          WHERE ec.sent_at IS NOT NULL AND ${utcDay('ec.sent_at')} BETWEEN $1::date AND $2::date
       GROUP BY ec.id, mc.name
       ORDER BY ec.sent_at DESC`,
        [p.from, p.to],
      ),
  }),
  'social-performance': define({
    description: 'Per platform, posts published in [from, to] (default: last 90 days): posts, impressions, engagement, likes, comments, shares and engagement rate %.',
    params: range(90),
    run: (db, p) =>
      rows(
        db,
        `SELECT sp.platform, count(DISTINCT sp.id)::int AS posts,
                COALESCE(sum(sa.impressions), 0)::float8 AS impressions, COALESCE(sum(sa.engagement), 0)::float8 AS engagement,
                COALESCE(sum(sa.likes), 0)::float8 AS likes, COALESCE(sum(sa.comments), 0)::float8 AS comments, COALESCE(sum(sa.shares), 0)::float8 AS shares,
                CASE WHEN sum(sa.impressions) > 0 THEN round(sum(sa.engagement)::numeric * 100 / sum(sa.impressions), 2)::float8 ELSE 0 END AS "engagementRate"
           FROM social_posts sp LEFT JOIN social_analytics sa ON sa.post_id = sp.id
          WHERE sp.published_at IS NOT NULL AND ${utcDay('sp.published_at')} BETWEEN $1::date AND $2::date
       GROUP BY sp.platform
       ORDER BY engagement DESC, sp.platform`,
        [p.from, p.to],
      ),
  }),
  'promo-codes': define({
    description: 'Promotional codes with their campaign and their paid uses in [from, to] (default: last 90 days): uses, total discount, total order value, average discount and unique buyers.',
    params: range(90),
    run: (db, p) =>
      rows(
        db,
        `SELECT dc.id, dc.code, dc.kind, dc.value::float8 AS value, mc.name AS campaign, o.currency,
                count(r.id)::int AS uses, COALESCE(sum(r.discount), 0)::float8 AS "totalDiscount", COALESCE(sum(r.order_total), 0)::float8 AS "totalOrderValue",
                COALESCE(round(avg(r.discount), 2), 0)::float8 AS "averageDiscount", count(DISTINCT COALESCE(r.buyer_id::text, lower(r.buyer_email)))::int AS "uniqueBuyers"
           FROM discount_codes dc
      LEFT JOIN marketing_campaigns mc ON mc.id = dc.campaign_id
      LEFT JOIN discount_redemptions r ON r.discount_code_id = dc.id AND r.status = 'confirmed' AND ${utcDay('r.created_at')} BETWEEN $1::date AND $2::date
      LEFT JOIN orders o ON o.id = r.order_id
       GROUP BY dc.id, mc.name, o.currency
       ORDER BY uses DESC, dc.code`,
        [p.from, p.to],
      ),
  }),
  engagement: define({
    description: 'Engagement events per day, type and source over [from, to] (default: last 30 days): total and unique people (users or anonymous sessions).',
    params: range(30),
    run: (db, p) =>
      rows(
        db,
        `SELECT ${utcDay('occurred_at')}::text AS day, type, source, count(*)::int AS total,
                count(DISTINCT COALESCE(user_id::text, 's:' || session_id))::int AS "uniquePeople"
           FROM user_engagement
          WHERE occurred_at >= ${utcStart('$1')} AND occurred_at < ${utcEnd('$2')}
       GROUP BY 1, type, source
       ORDER BY day DESC, total DESC, type, source`,
        [p.from, p.to],
      ),
  }),
  segments: define({
    description: 'Marketing segments: static member count, estimated size, reachable (consenting) size and when it was computed; from/to keep segments computed in that window.',
    params: z.object(window),
    run: (db, p) =>
      rows(
        db,
        `SELECT ms.id, ms.name, ms.type, count(r.users_id)::int AS members, ms.estimated_size::int AS "estimatedSize", ms.reachable::int AS reachable, ms.computed_at AS "computedAt"
           FROM marketing_segments ms LEFT JOIN marketing_segments_rels r ON r.parent_id = ms.id AND r.path = 'members'
          WHERE ${inWindow('ms.computed_at', '$1', '$2')}
       GROUP BY ms.id
       ORDER BY COALESCE(ms.estimated_size, count(r.users_id)) DESC, ms.name`,
        [p.from ?? null, p.to ?? null],
      ),
  }),
  'ticket-sales': define({
    description: 'Completed orders per event and day over [from, to] (default: last 30 days): orders, tickets and revenue (after discounts; refunded orders count on the day they were paid).',
    params: range(30).and(z.object({ event: uuid('event').optional() })),
    run: (db, p) =>
      rows(
        db,
        `SELECT o.day::text AS day, e.id AS "eventId", e.title AS event, o.currency,
                count(*)::int AS orders, sum(o.tickets)::int AS tickets, sum(o.total)::float8 AS revenue
           FROM (SELECT o.event_id, o.currency, o.total, ${utcDay('o.completed_at')} AS day,
                        (SELECT COALESCE(sum(oi.quantity), 0) FROM order_items oi WHERE oi.order_id = o.id) AS tickets
                   FROM orders o
                  WHERE o.status IN ('completed', 'refunded') AND o.completed_at >= ${utcStart('$1')} AND o.completed_at < ${utcEnd('$2')}
                    AND ($3::uuid IS NULL OR o.event_id = $3)) o
           JOIN events e ON e.id = o.event_id
       GROUP BY o.day, e.id, o.currency
       ORDER BY o.day, event`,
        [p.from, p.to, p.event ?? null],
      ),
  }),
  capacity: define({
    description: 'Per ticket type (optionally of one event; from/to keep events starting in that window): capacity, sold, held (unexpired holds) and left.',
    params: z.object({ event: uuid('event').optional(), ...window }),
    run: (db, p) =>
      rows(
        db,
        `SELECT tt.id, tt.name, e.id AS "eventId", e.title AS event, tt.capacity::int AS capacity, tt.sold::int AS sold,
                COALESCE(sum(h.quantity), 0)::int AS held, greatest(tt.capacity - tt.sold - COALESCE(sum(h.quantity), 0), 0)::int AS left,
                CASE WHEN tt.capacity > 0 THEN round(tt.sold::numeric * 100 / tt.capacity, 1)::float8 ELSE 0 END AS "soldPercent"
           FROM ticket_types tt JOIN events e ON e.id = tt.event_id
      LEFT JOIN holds h ON h.ticket_type_id = tt.id AND h.status = 'active' AND h.expires_at > now()
          WHERE ($1::uuid IS NULL OR tt.event_id = $1) AND ${inWindow('e.start_date', '$2', '$3')}
       GROUP BY tt.id, e.id
       ORDER BY e.title, tt.price, tt.name`,
        [p.event ?? null, p.from ?? null, p.to ?? null],
      ),
  }),
}

export const REPORT_NAMES = Object.keys(reports)
