/**
 * Marketing email, sent for real through Payload's email adapter (SMTP by SMTP_URL, or the
 * local outbox). The unit of work is one recipient row in email_sends:
 *
 * - starting a campaign materialises its reachable segment into email_sends (unique per
 *   campaign and user) and fixes the list of links in the content, in one transaction;
 * - each recipient is claimed with a conditional UPDATE pending -> sending (SKIP LOCKED), so
 *   two workers never take the same one, and only then sent; a row left in `sending` by a
 *   crash is never sent again (it is marked failed as interrupted): nobody gets a message twice;
 * - consent is read again at the moment of sending (an unsubscribe in between wins);
 * - an SMTP 5xx answer is a bounce; a connection failure puts the row back and stops the run.
 *
 * Every message carries an unsubscribe link (and List-Unsubscribe headers), an open pixel and
 * tracked links when the campaign's tracking settings say so; counts go to email_analytics.
 */
import type { Payload } from 'payload'
import type { Pool } from 'pg'

import { slugs } from '../../config/slugs'
import { poolOf } from '../../db/pool'
import { withTransaction } from '../../db/transaction'
import { CONSENT_SQL, segmentQuery, type SegmentDoc } from './segments'
import { buildMessage, renderContent, type EmailCampaignDoc } from './render'

export const today = (now: Date) => now.toISOString().slice(0, 10)

/** Adds to one email campaign's counters for a day (one upsert). */
export async function countEmail(
  db: Pick<Pool, 'query'>,
  emailCampaignId: string,
  now: Date,
  counts: Partial<Record<'sends' | 'opens' | 'clicks' | 'bounces' | 'unsubscribes' | 'complaints', number>>,
) {
  const c = { sends: 0, opens: 0, clicks: 0, bounces: 0, unsubscribes: 0, complaints: 0, ...counts }
  await db.query(
    `INSERT INTO email_analytics (email_campaign_id, day, sends, opens, clicks, bounces, unsubscribes, complaints)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (email_campaign_id, day) DO UPDATE SET
       sends = email_analytics.sends + EXCLUDED.sends, opens = email_analytics.opens + EXCLUDED.opens, clicks = email_analytics.clicks + EXCLUDED.clicks,
       bounces = email_analytics.bounces + EXCLUDED.bounces, unsubscribes = email_analytics.unsubscribes + EXCLUDED.unsubscribes,
       complaints = email_analytics.complaints + EXCLUDED.complaints, updated_at = now()`,
    [emailCampaignId, today(now), c.sends, c.opens, c.clicks, c.bounces, c.unsubscribes, c.complaints],
  )
}

/**
 * Moves a scheduled campaign to sending: fixes its links and materialises its recipients
 * (reachable members of the segment), in one transaction under a row lock. Returns the
 * number of recipients added, or null when the campaign was not due (or someone else started it).
 */
export async function startCampaign(payload: Payload, id: string, now: Date): Promise<number | null> {
  const db = poolOf(payload)
  const doc = (await payload.findByID({
    collection: slugs.emailCampaigns,
    id,
    depth: 0,
    overrideAccess: true,
  })) as unknown as EmailCampaignDoc & { segment?: string | null }
  const segment = doc.segment
    ? ((await payload.findByID({
        collection: slugs.marketingSegments,
        id: String(doc.segment),
        depth: 0,
        overrideAccess: true,
      })) as unknown as SegmentDoc)
    : null
  const { links } = renderContent(doc.content)
  return withTransaction(db, async (tx) => {
    const locked = await tx.query(
      `UPDATE email_campaigns SET status = 'sending', links = $2::jsonb, updated_at = now()
        WHERE id = $1 AND status = 'scheduled' AND scheduled_at <= $3 RETURNING id`,
      [id, JSON.stringify(links), now],
    )
    if (locked.rowCount === 0) return null
    if (!segment) return 0
    const q = segmentQuery(segment, { reachableOnly: true, select: 'u.id, u.email' })
    const n = q.values.length
    const added = await tx.query(
      `INSERT INTO email_sends (email_campaign_id, user_id, email, token, status)
       SELECT $${n + 1}::uuid, m.id, m.email, encode(sha256((gen_random_uuid()::text || gen_random_uuid()::text)::bytea), 'hex'), 'pending'
         FROM (${q.text}) m
       ON CONFLICT (email_campaign_id, user_id) DO NOTHING`,
      [...q.values, id],
    )
    return added.rowCount ?? 0
  })
}

export type SendOutcome = { sent: number; bounced: number; failed: number; skipped: number; interrupted: number; finished: boolean }

const CONNECTION_ERRORS = new Set(['ECONNECTION', 'ECONNREFUSED', 'ESOCKET', 'ETIMEDOUT', 'EDNS', 'ECONNRESET'])

/**
 * Sends the pending recipients of a campaign that is sending. `afterEach` is a test seam (to
 * stop a run part-way, as a crash would). Marks the campaign sent once nobody is left.
 */
export async function sendPending(
  payload: Payload,
  id: string,
  now: () => Date,
  { limit = 500, afterEach }: { limit?: number; afterEach?: (n: number) => void | Promise<void> } = {},
): Promise<SendOutcome> {
  const db = poolOf(payload)
  const out: SendOutcome = { sent: 0, bounced: 0, failed: 0, skipped: 0, interrupted: 0, finished: false }
  const doc = (await payload.findByID({
    collection: slugs.emailCampaigns,
    id,
    depth: 0,
    overrideAccess: true,
  })) as unknown as EmailCampaignDoc & { status: string }
  if (doc.status !== 'sending') return out
  // Rows a crashed worker left mid-send: it may have gone out, so it is never sent again.
  const stale = await db.query(
    `UPDATE email_sends SET status = 'failed', error = 'interrupted while sending; not resent, to never send twice', updated_at = now()
      WHERE email_campaign_id = $1 AND status = 'sending' AND updated_at < $2 RETURNING id`,
    [id, new Date(now().getTime() - 10 * 60_000)],
  )
  out.interrupted = stale.rowCount ?? 0
  // Recipients whose account was deleted since the list was built get nothing.
  const orphans = await db.query(
    `UPDATE email_sends SET status = 'skipped', error = 'the user was deleted', updated_at = now() WHERE email_campaign_id = $1 AND status = 'pending' AND user_id IS NULL`,
    [id],
  )
  out.skipped += orphans.rowCount ?? 0
  for (let i = 0; i < limit; i++) {
    const {
      rows: [r],
    } = await db.query<{ id: string; token: string; email: string; full_name: string | null; consents: boolean }>(
      `UPDATE email_sends s SET status = 'sending', updated_at = now()
         FROM users u
        WHERE s.id = (SELECT id FROM email_sends WHERE email_campaign_id = $1 AND status = 'pending' ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
          AND u.id = s.user_id
       RETURNING s.id, s.token, u.email, u.full_name, (u.status = 'active' AND ${CONSENT_SQL}) AS consents`,
      [id],
    )
    if (!r) break
    if (!r.consents) {
      await db.query(`UPDATE email_sends SET status = 'skipped', error = 'no consent at send time', updated_at = now() WHERE id = $1`, [
        r.id,
      ])
      out.skipped++
      continue
    }
    try {
      const info = (await payload.sendEmail(buildMessage(doc, { token: r.token, email: r.email, name: r.full_name }))) as
        { messageId?: string } | undefined
      await withTransaction(db, async (tx) => {
        await tx.query(
          `UPDATE email_sends SET status = 'sent', sent_at = $2, message_id = $3, email = $4, error = NULL, updated_at = now() WHERE id = $1`,
          [r.id, now(), info?.messageId ?? null, r.email],
        )
        await countEmail(tx, id, now(), { sends: 1 })
      })
      out.sent++
    } catch (err) {
      const e = err as { responseCode?: number; code?: string; message?: string }
      if (e.responseCode && e.responseCode >= 500) {
        await withTransaction(db, async (tx) => {
          await tx.query(`UPDATE email_sends SET status = 'bounced', error = $2, updated_at = now() WHERE id = $1`, [
            r.id,
            String(e.message).slice(0, 500),
          ])
          await countEmail(tx, id, now(), { bounces: 1 })
        })
        out.bounced++
      } else if (e.code && CONNECTION_ERRORS.has(e.code)) {
        // The mail server is not there: nothing was sent; try again on the next run.
        await db.query(`UPDATE email_sends SET status = 'pending', error = $2, updated_at = now() WHERE id = $1`, [
          r.id,
          String(e.message).slice(0, 500),
        ])
        payload.logger.warn(`email campaign ${id}: mail server unavailable (${e.code}); will retry`)
        return out
      } else {
        await db.query(`UPDATE email_sends SET status = 'failed', error = $2, updated_at = now() WHERE id = $1`, [
          r.id,
          String(e.message).slice(0, 500),
        ])
        out.failed++
      }
    }
    await afterEach?.(out.sent + out.bounced + out.failed + out.skipped)
  }
  const done = await db.query(
    `UPDATE email_campaigns SET status = 'sent', sent_at = $2, updated_at = now()
      WHERE id = $1 AND status = 'sending' AND NOT EXISTS (SELECT 1 FROM email_sends WHERE email_campaign_id = $1 AND status IN ('pending', 'sending'))
      RETURNING id`,
    [id, now()],
  )
  out.finished = (done.rowCount ?? 0) > 0
  return out
}

/** The job's body: start every due scheduled campaign, then send for every campaign that is sending. */
export async function sendDueCampaigns(payload: Payload, now: () => Date = () => new Date()) {
  const db = poolOf(payload)
  const { rows: due } = await db.query<{ id: string }>(
    `SELECT id FROM email_campaigns WHERE status = 'scheduled' AND scheduled_at <= $1 ORDER BY scheduled_at`,
    [now()],
  )
  let started = 0
  for (const c of due) if ((await startCampaign(payload, c.id, now())) !== null) started++
  const { rows: sending } = await db.query<{ id: string }>(`SELECT id FROM email_campaigns WHERE status = 'sending' ORDER BY scheduled_at`)
  const totals = { started, sent: 0, bounced: 0, failed: 0, skipped: 0, finished: 0 }
  for (const c of sending) {
    const r = await sendPending(payload, c.id, now)
    totals.sent += r.sent
    totals.bounced += r.bounced
    totals.failed += r.failed
    totals.skipped += r.skipped
    if (r.finished) totals.finished++
  }
  return totals
}
