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
import { convertLexicalToHTML } from '@payloadcms/richtext-lexical/html'
import type { Payload } from 'payload'
import type { Pool } from 'pg'

import { slugs } from '../../config/slugs'
import { auditInTx } from '../audit'
import { poolOf } from '../../db/pool'
import { withTransaction } from '../../db/transaction'
import { CONSENT_SQL, segmentQuery, type SegmentDoc } from './segments'

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string)

export const publicBaseUrl = () => (process.env.PAYLOAD_PUBLIC_SERVER_URL || `http://localhost:${process.env.PORT || 3000}`).replace(/\/$/, '')

export type EmailCampaignDoc = {
  id: string
  subject: string
  previewText?: string | null
  senderName: string
  senderEmail: string
  template: 'newsletter' | 'announcement' | 'plain'
  content: unknown
  tracking?: { opens?: boolean | null; clicks?: boolean | null } | null
  links?: string[] | null
}

/** The content as HTML (before personalisation and tracking), and the distinct http(s) links in it, in order. */
export function renderContent(content: unknown): { html: string; links: string[] } {
  const html = content && typeof content === 'object' && 'root' in (content as object) ? convertLexicalToHTML({ data: content as never, disableContainer: true }) : ''
  const links: string[] = []
  for (const m of html.matchAll(/<a\b[^>]*\bhref="([^"]+)"/gi)) {
    const url = m[1].replace(/&amp;/g, '&')
    if (/^https?:\/\//i.test(url) && !links.includes(url)) links.push(url)
  }
  return { html, links }
}

export type Recipient = { token: string; email: string; name: string | null }

/** One recipient's message: personalised, with tracked links, open pixel and unsubscribe link. */
export function buildMessage(c: EmailCampaignDoc, r: Recipient, base = publicBaseUrl()) {
  const { html: body } = renderContent(c.content)
  const links = c.links ?? []
  const firstName = (r.name ?? '').trim().split(/\s+/)[0] || 'there'
  const personal = (s: string, esc: (v: string) => string) => s.replace(/\{\{\s*firstName\s*\}\}/g, esc(firstName)).replace(/\{\{\s*name\s*\}\}/g, esc(r.name?.trim() || firstName))
  let html = personal(body, escapeHtml)
  if (c.tracking?.clicks !== false) {
    html = html.replace(/(<a\b[^>]*\bhref=")([^"]+)(")/gi, (all, pre, href, post) => {
      const i = links.indexOf(href.replace(/&amp;/g, '&'))
      return i < 0 ? all : `${pre}${base}/api/m/c/${r.token}?l=${i}${post}`
    })
  }
  const unsubscribe = `${base}/api/m/u/${r.token}`
  const pixel = c.tracking?.opens !== false ? `<img src="${base}/api/m/o/${r.token}" width="1" height="1" alt="" style="display:block;border:0" />` : ''
  const preview = c.previewText ? `<div style="display:none;max-height:0;overflow:hidden">${escapeHtml(c.previewText)}</div>` : ''
  const header = c.template === 'plain' ? '' : `<h1 style="font-family:Georgia,serif;font-weight:normal;margin:0 0 16px">${c.template === 'announcement' ? 'Announcement' : 'Fashionistas'}</h1>`
  const document = `<!doctype html><html><body style="margin:0;padding:24px;font-family:Helvetica,Arial,sans-serif;color:#111">${preview}${header}${html}
<p style="margin-top:32px;font-size:12px;color:#666">You receive this because you accepted news from Fashionistas. <a href="${unsubscribe}">Unsubscribe</a>.</p>${pixel}</body></html>`
  const text = `${personal(body.replace(/<a\b[^>]*href="([^"]+)"[^>]*>(.*?)<\/a>/gi, '$2 ($1)').replace(/<\/(p|h\d|li)>/gi, '\n').replace(/<[^>]+>/g, ''), (v) => v)
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .trim()}\n\nUnsubscribe: ${unsubscribe}\n`
  return {
    from: `"${c.senderName.replace(/"/g, '')}" <${c.senderEmail}>`,
    to: r.email,
    subject: personal(c.subject, (v) => v),
    html: document,
    text,
    headers: { 'List-Unsubscribe': `<${unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  }
}

const today = (now: Date) => now.toISOString().slice(0, 10)

/** Adds to one email campaign's counters for a day (one upsert). */
export async function countEmail(db: Pick<Pool, 'query'>, emailCampaignId: string, now: Date, counts: Partial<Record<'sends' | 'opens' | 'clicks' | 'bounces' | 'unsubscribes' | 'complaints', number>>) {
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
  const doc = (await payload.findByID({ collection: slugs.emailCampaigns, id, depth: 0, overrideAccess: true })) as unknown as EmailCampaignDoc & { segment?: string | null }
  const segment = doc.segment ? ((await payload.findByID({ collection: slugs.marketingSegments, id: String(doc.segment), depth: 0, overrideAccess: true })) as unknown as SegmentDoc) : null
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
export async function sendPending(payload: Payload, id: string, now: () => Date, { limit = 500, afterEach }: { limit?: number; afterEach?: (n: number) => void | Promise<void> } = {}): Promise<SendOutcome> {
  const db = poolOf(payload)
  const out: SendOutcome = { sent: 0, bounced: 0, failed: 0, skipped: 0, interrupted: 0, finished: false }
  const doc = (await payload.findByID({ collection: slugs.emailCampaigns, id, depth: 0, overrideAccess: true })) as unknown as EmailCampaignDoc & { status: string }
  if (doc.status !== 'sending') return out
  // Rows a crashed worker left mid-send: it may have gone out, so it is never sent again.
  const stale = await db.query(
    `UPDATE email_sends SET status = 'failed', error = 'interrupted while sending; not resent, to never send twice', updated_at = now()
      WHERE email_campaign_id = $1 AND status = 'sending' AND updated_at < $2 RETURNING id`,
    [id, new Date(now().getTime() - 10 * 60_000)],
  )
  out.interrupted = stale.rowCount ?? 0
  // Recipients whose account was deleted since the list was built get nothing.
  const orphans = await db.query(`UPDATE email_sends SET status = 'skipped', error = 'the user was deleted', updated_at = now() WHERE email_campaign_id = $1 AND status = 'pending' AND user_id IS NULL`, [id])
  out.skipped += orphans.rowCount ?? 0
  for (let i = 0; i < limit; i++) {
    const { rows: [r] } = await db.query<{ id: string; token: string; email: string; full_name: string | null; consents: boolean }>(
      `UPDATE email_sends s SET status = 'sending', updated_at = now()
         FROM users u
        WHERE s.id = (SELECT id FROM email_sends WHERE email_campaign_id = $1 AND status = 'pending' ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
          AND u.id = s.user_id
       RETURNING s.id, s.token, u.email, u.full_name, (u.status = 'active' AND ${CONSENT_SQL}) AS consents`,
      [id],
    )
    if (!r) break
    if (!r.consents) {
      await db.query(`UPDATE email_sends SET status = 'skipped', error = 'no consent at send time', updated_at = now() WHERE id = $1`, [r.id])
      out.skipped++
      continue
    }
    try {
      const info = (await payload.sendEmail(buildMessage(doc, { token: r.token, email: r.email, name: r.full_name }))) as { messageId?: string } | undefined
      await withTransaction(db, async (tx) => {
        await tx.query(`UPDATE email_sends SET status = 'sent', sent_at = $2, message_id = $3, email = $4, error = NULL, updated_at = now() WHERE id = $1`, [r.id, now(), info?.messageId ?? null, r.email])
        await countEmail(tx, id, now(), { sends: 1 })
      })
      out.sent++
    } catch (err) {
      const e = err as { responseCode?: number; code?: string; message?: string }
      if (e.responseCode && e.responseCode >= 500) {
        await withTransaction(db, async (tx) => {
          await tx.query(`UPDATE email_sends SET status = 'bounced', error = $2, updated_at = now() WHERE id = $1`, [r.id, String(e.message).slice(0, 500)])
          await countEmail(tx, id, now(), { bounces: 1 })
        })
        out.bounced++
      } else if (e.code && CONNECTION_ERRORS.has(e.code)) {
        // The mail server is not there: nothing was sent; try again on the next run.
        await db.query(`UPDATE email_sends SET status = 'pending', error = $2, updated_at = now() WHERE id = $1`, [r.id, String(e.message).slice(0, 500)])
        payload.logger.warn(`email campaign ${id}: mail server unavailable (${e.code}); will retry`)
        return out
      } else {
        await db.query(`UPDATE email_sends SET status = 'failed', error = $2, updated_at = now() WHERE id = $1`, [r.id, String(e.message).slice(0, 500)])
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
  const { rows: due } = await db.query<{ id: string }>(`SELECT id FROM email_campaigns WHERE status = 'scheduled' AND scheduled_at <= $1 ORDER BY scheduled_at`, [now()])
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

/** Tracking: the first open of a recipient counts once. */
export async function recordOpen(db: Pool, token: string, now: Date): Promise<boolean> {
  return withTransaction(db, async (tx) => {
    const { rows: [r] } = await tx.query(`UPDATE email_sends SET opened_at = $2, updated_at = now() WHERE token = $1 AND opened_at IS NULL RETURNING email_campaign_id`, [token, now])
    if (!r) return false
    await countEmail(tx, r.email_campaign_id, now, { opens: 1 })
    return true
  })
}

/**
 * Tracking: a click resolves to the campaign's link number `index` (only links that are in
 * the email: no open redirect). The first click counts once (and as an open when the pixel
 * was blocked), and as a click of the campaign's email channel.
 */
export async function recordClick(db: Pool, token: string, index: number, now: Date): Promise<string | null> {
  return withTransaction(db, async (tx) => {
    const { rows: [s] } = await tx.query(
      `SELECT s.id, s.email_campaign_id, s.opened_at, s.clicked_at, c.links, c.campaign_id FROM email_sends s JOIN email_campaigns c ON c.id = s.email_campaign_id WHERE s.token = $1 FOR UPDATE OF s`,
      [token],
    )
    const url = s && Array.isArray(s.links) ? (s.links[index] as string | undefined) : undefined
    if (!s || !url) return null
    if (!s.clicked_at) {
      await tx.query(`UPDATE email_sends SET clicked_at = $2, opened_at = COALESCE(opened_at, $2), updated_at = now() WHERE id = $1`, [s.id, now])
      await countEmail(tx, s.email_campaign_id, now, { clicks: 1, opens: s.opened_at ? 0 : 1 })
      await tx.query(
        `INSERT INTO campaign_analytics (campaign_id, day, channel, clicks) VALUES ($1, $2, 'email', 1)
         ON CONFLICT (campaign_id, day, channel) DO UPDATE SET clicks = campaign_analytics.clicks + 1, updated_at = now()`,
        [s.campaign_id, today(now)],
      )
    }
    return url
  })
}

/** Unsubscribes the recipient's user from marketing email (consent cleared); counts once. */
export async function unsubscribe(db: Pool, token: string, now: Date): Promise<'done' | 'already' | 'unknown'> {
  return withTransaction(db, async (tx) => {
    const { rows: [s] } = await tx.query(`SELECT id, user_id, email_campaign_id, unsubscribed_at FROM email_sends WHERE token = $1 FOR UPDATE`, [token])
    if (!s) return 'unknown'
    await tx.query(`UPDATE users SET profile_notification_settings_marketing = false, updated_at = now() WHERE id = $1`, [s.user_id])
    await auditInTx(tx, {
      action: 'update',
      collection: 'users',
      documentId: s.user_id,
      summary: `user ${s.user_id} unsubscribed from marketing email through the link in email campaign ${s.email_campaign_id}`,
      changes: [{ field: 'profile.notificationSettings.marketing', to: false }],
    })
    if (s.unsubscribed_at) return 'already'
    await tx.query(`UPDATE email_sends SET unsubscribed_at = $2, updated_at = now() WHERE id = $1`, [s.id, now])
    await countEmail(tx, s.email_campaign_id, now, { unsubscribes: 1 })
    return 'done'
  })
}
