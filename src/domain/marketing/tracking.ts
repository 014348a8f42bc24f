/** What recipients do with a marketing email: opens, clicks, unsubscribes (counted once each). */
import type { Pool } from 'pg'

import { auditInTx } from '../audit'
import { withTransaction } from '../../db/transaction'
import { countEmail, today } from './send'

/** Tracking: the first open of a recipient counts once. */
export async function recordOpen(db: Pool, token: string, now: Date): Promise<boolean> {
  return withTransaction(db, async (tx) => {
    const {
      rows: [r],
    } = await tx.query(
      `UPDATE email_sends SET opened_at = $2, updated_at = now() WHERE token = $1 AND opened_at IS NULL RETURNING email_campaign_id`,
      [token, now],
    )
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
    const {
      rows: [s],
    } = await tx.query(
      `SELECT s.id, s.email_campaign_id, s.opened_at, s.clicked_at, c.links, c.campaign_id FROM email_sends s JOIN email_campaigns c ON c.id = s.email_campaign_id WHERE s.token = $1 FOR UPDATE OF s`,
      [token],
    )
    const url = s && Array.isArray(s.links) ? (s.links[index] as string | undefined) : undefined
    if (!s || !url) return null
    if (!s.clicked_at) {
      await tx.query(`UPDATE email_sends SET clicked_at = $2, opened_at = COALESCE(opened_at, $2), updated_at = now() WHERE id = $1`, [
        s.id,
        now,
      ])
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
    const {
      rows: [s],
    } = await tx.query(`SELECT id, user_id, email_campaign_id, unsubscribed_at FROM email_sends WHERE token = $1 FOR UPDATE`, [token])
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
