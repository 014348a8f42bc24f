/** Marketing reports: campaigns, channels, email and social performance, promo codes, engagement, segments. */
import { z } from 'zod'

import { define, inWindow, range, rows, utcDay, window, type Report } from './define'
import { rollupFreshness } from './rollups'

export const marketingReports: Record<string, Report> = {
  campaigns: define({
    description:
      'Active campaigns running in [from, to] (default: today) with impressions, clicks, conversions, revenue, cost, profit and ROI (revenue / cost) from their analytics in that window.',
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
    description:
      'Per campaign and channel over [from, to] (default: last 90 days): impressions, clicks, conversions, revenue, cost, CTR %, conversion rate % and ROI.',
    params: range(90),
    run: (db, p) =>
      rows(
        db,
        // Summed first, then joined to the campaigns (a handful of sums, not every daily row).
        `SELECT mc.id AS "campaignId", mc.name AS campaign, a.channel, mc.currency,
                a.impressions::float8 AS impressions, a.clicks::float8 AS clicks, a.conversions::float8 AS conversions,
                a.revenue::float8 AS revenue, a.cost::float8 AS cost,
                CASE WHEN a.impressions > 0 THEN round(a.clicks::numeric * 100 / a.impressions, 2)::float8 ELSE 0 END AS ctr,
                CASE WHEN a.clicks > 0 THEN round(a.conversions::numeric * 100 / a.clicks, 2)::float8 ELSE 0 END AS "conversionRate",
                CASE WHEN a.cost > 0 THEN round(a.revenue::numeric / a.cost, 2)::float8 ELSE 0 END AS roi
           FROM (SELECT campaign_id, channel, sum(impressions) AS impressions, sum(clicks) AS clicks, sum(conversions) AS conversions,
                        sum(revenue) AS revenue, sum(cost) AS cost
                   FROM campaign_analytics WHERE day BETWEEN $1 AND $2 GROUP BY campaign_id, channel) a
           JOIN marketing_campaigns mc ON mc.id = a.campaign_id
       ORDER BY revenue DESC, campaign, a.channel`,
        [p.from, p.to],
      ),
  }),
  'email-performance': define({
    description:
      'Email campaigns sent in [from, to] (default: last 90 days): sends, unique opens and clicks, bounces, unsubscribes, open rate % and click-to-open rate %.',
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
    description:
      'Per platform, posts published in [from, to] (default: last 90 days): posts, impressions, engagement, likes, comments, shares and engagement rate %.',
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
    description:
      'Promotional codes with their campaign and their paid uses in [from, to] (default: last 90 days): uses, total discount, total order value, average discount and unique buyers.',
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
    description:
      'Engagement events per day, type and source over [from, to] (default: last 30 days): total and unique people (users or anonymous sessions). From the engagement_daily rollup (refreshed every minute; see freshness).',
    params: range(30),
    run: (db, p) =>
      rows(
        db,
        `SELECT day::text AS day, type, source, total, unique_people AS "uniquePeople"
           FROM engagement_daily
          WHERE day BETWEEN $1::date AND $2::date
       ORDER BY day DESC, total DESC, type, source`,
        [p.from, p.to],
      ),
    freshness: async (db) => ({ live: false, ...(await rollupFreshness(db, 'engagement_daily')), refreshedEvery: '1 minute' }),
  }),
  segments: define({
    description:
      'Marketing segments: static member count, estimated size, reachable (consenting) size and when it was computed; from/to keep segments computed in that window.',
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
}
