/**
 * Engagement tracking: a batch of events stored with one INSERT ... SELECT FROM unnest(...),
 * and, in the same transaction, the sponsor and campaign counters the batch moves (one upsert
 * each). Unknown event, sponsor or campaign ids are dropped to NULL rather than failing the batch.
 */
import type { Pool } from 'pg'

import { withTransaction } from '../../db/transaction'

export type TrackEvent = {
  type: string
  source: string
  sessionId?: string
  event?: string
  sponsor?: string
  campaign?: string
  channel?: string
  data?: Record<string, unknown>
  occurredAt?: string
}

export type TrackContext = { userId: string | null; ip: string | null; userAgent: string | null; now: Date }

/** Event types that also count into sponsor analytics (impressions, clicks) and campaign analytics. */
export const SPONSOR_COUNTERS: Record<string, 'impressions' | 'clicks'> = { sponsor_impression: 'impressions', sponsor_click: 'clicks' }
export const CAMPAIGN_COUNTERS: Record<string, 'impressions' | 'clicks'> = { campaign_impression: 'impressions', campaign_click: 'clicks' }

export async function trackEvents(db: Pool, events: TrackEvent[], ctx: TrackContext): Promise<{ stored: number }> {
  const col = <K extends keyof TrackEvent>(k: K) => events.map((e) => e[k] ?? null)
  const at = events.map((e) => e.occurredAt ?? ctx.now.toISOString())
  return withTransaction(db, async (tx) => {
    const inserted = await tx.query(
      `INSERT INTO user_engagement (type, source, user_id, session_id, event_id, sponsor_id, campaign_id, data, ip, user_agent, occurred_at)
       SELECT u.type, u.source, $1::uuid, u.session_id, e.id, s.id, c.id, u.data::jsonb, $2, $3, u.at::timestamptz
         FROM unnest($4::text[], $5::text[], $6::text[], $7::uuid[], $8::uuid[], $9::uuid[], $10::text[], $11::text[])
              AS u(type, source, session_id, event, sponsor, campaign, data, at)
    LEFT JOIN events e ON e.id = u.event
    LEFT JOIN sponsors s ON s.id = u.sponsor
    LEFT JOIN marketing_campaigns c ON c.id = u.campaign`,
      [
        ctx.userId,
        ctx.ip,
        ctx.userAgent,
        col('type'),
        col('source'),
        col('sessionId'),
        col('event'),
        col('sponsor'),
        col('campaign'),
        events.map((e) => (e.data === undefined ? null : JSON.stringify(e.data))),
        at,
      ],
    )
    const sponsorHits = events.map((e, i) => ({ e, i })).filter(({ e }) => e.sponsor && SPONSOR_COUNTERS[e.type])
    if (sponsorHits.length) {
      await tx.query(
        `INSERT INTO sponsor_analytics (sponsor_id, event_id, day, impressions, clicks)
         SELECT s.id, e.id, u.day, count(*) FILTER (WHERE u.kind = 'impressions'), count(*) FILTER (WHERE u.kind = 'clicks')
           FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[]) AS u(sponsor, event, day, kind)
           JOIN sponsors s ON s.id = u.sponsor
      LEFT JOIN events e ON e.id = u.event
       GROUP BY s.id, e.id, u.day
         ON CONFLICT (sponsor_id, event_id, day) DO UPDATE
           SET impressions = sponsor_analytics.impressions + EXCLUDED.impressions, clicks = sponsor_analytics.clicks + EXCLUDED.clicks, updated_at = now()`,
        [
          sponsorHits.map(({ e }) => e.sponsor),
          sponsorHits.map(({ e }) => e.event ?? null),
          sponsorHits.map(({ i }) => at[i].slice(0, 10)),
          sponsorHits.map(({ e }) => SPONSOR_COUNTERS[e.type]),
        ],
      )
    }
    const campaignHits = events.map((e, i) => ({ e, i })).filter(({ e }) => e.campaign && CAMPAIGN_COUNTERS[e.type])
    if (campaignHits.length) {
      await tx.query(
        `INSERT INTO campaign_analytics (campaign_id, day, channel, impressions, clicks)
         SELECT c.id, u.day, u.channel::enum_campaign_analytics_channel, count(*) FILTER (WHERE u.kind = 'impressions'), count(*) FILTER (WHERE u.kind = 'clicks')
           FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) AS u(campaign, day, channel, kind)
           JOIN marketing_campaigns c ON c.id = u.campaign
       GROUP BY c.id, u.day, u.channel
         ON CONFLICT (campaign_id, day, channel) DO UPDATE
           SET impressions = campaign_analytics.impressions + EXCLUDED.impressions, clicks = campaign_analytics.clicks + EXCLUDED.clicks, updated_at = now()`,
        [
          campaignHits.map(({ e }) => e.campaign),
          campaignHits.map(({ i }) => at[i].slice(0, 10)),
          campaignHits.map(({ e }) => e.channel ?? 'web'),
          campaignHits.map(({ e }) => CAMPAIGN_COUNTERS[e.type]),
        ],
      )
    }
    return { stored: inserted.rowCount ?? 0 }
  })
}
