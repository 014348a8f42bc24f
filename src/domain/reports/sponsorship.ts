/** Sponsorship reports: active sponsors, ROI, assets, daily figures. */
import { z } from 'zod'

import { day, define, inWindow, limit, range, rows, utcDay, uuid, window, type Report } from './define'
import { eventSponsors } from '../sponsorship/queries'

export const sponsorshipReports: Record<string, Report> = {
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
    description:
      "An event's sponsors with tier and tier benefits (active sponsors; featured first, then tier order). Optional from/to keep sponsorships running in that window.",
    params: z.object({
      event: uuid('event'),
      from: day.optional(),
      to: day.optional(),
      approvedOnly: z.enum(['true', 'false']).default('false'),
    }),
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
    description:
      'Per sponsor and event over [from, to] (default: last 365 days): impressions, clicks, leads, conversions, cost, value and ROI % = (value - cost) / cost.',
    params: range(365),
    run: (db, p) =>
      rows(
        db,
        // The daily rows are summed first and the few sums joined to sponsors and events after
        // (joining first made the planner hash every event of the catalogue).
        `SELECT s.id AS "sponsorId", s.name AS sponsor, e.id AS "eventId", e.title AS event, a.currency,
                a.impressions::float8 AS impressions, a.clicks::float8 AS clicks, a.leads::float8 AS leads,
                a.conversions::float8 AS conversions, a.cost::float8 AS cost, a.value::float8 AS value,
                CASE WHEN a.impressions > 0 THEN round(a.clicks::numeric * 100 / a.impressions, 2)::float8 ELSE 0 END AS ctr,
                CASE WHEN a.cost > 0 THEN round((a.value - a.cost)::numeric * 100 / a.cost, 2)::float8 END AS "roiPercent"
           FROM (SELECT sponsor_id, event_id, roi_currency AS currency, sum(impressions) AS impressions, sum(clicks) AS clicks,
                        sum(leads) AS leads, sum(conversions) AS conversions, sum(roi_cost) AS cost, sum(roi_value) AS value
                   FROM sponsor_analytics WHERE day BETWEEN $1 AND $2
               GROUP BY sponsor_id, event_id, roi_currency) a
           JOIN sponsors s ON s.id = a.sponsor_id
      LEFT JOIN events e ON e.id = a.event_id
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
    description:
      'Sponsors matching a text query (web-search syntax) in name, description and industry, best first; from/to keep sponsors added in that window.',
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
    description:
      "An event's sponsorship assets with their sponsor (default: approved only), by sponsor and name; from/to keep assets uploaded in that window.",
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
}
