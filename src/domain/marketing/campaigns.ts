/** Email campaign operations the API exposes (the send job itself is in email.ts). */
import type { PayloadRequest } from 'payload'
import type { Pool } from 'pg'

import { ConflictError, DomainError, NotFoundError } from '../ticketing/errors'
import { loadSegment, segmentQuery } from './segments'

/**
 * Schedules a draft or scheduled campaign for `now` (one conditional update: a campaign being
 * sent or sent already is refused), and answers how many recipients its segment reaches.
 */
export async function scheduleCampaignNow(db: Pool, req: PayloadRequest, campaignId: string, now: Date): Promise<{ recipients: number }> {
  const {
    rows: [c],
  } = await db.query(
    `UPDATE email_campaigns SET status = 'scheduled', scheduled_at = $2, updated_at = now()
      WHERE id = $1 AND status IN ('draft', 'scheduled') AND segment_id IS NOT NULL RETURNING id, segment_id`,
    [campaignId, now],
  )
  if (!c) {
    const {
      rows: [existing],
    } = await db.query(`SELECT status, segment_id FROM email_campaigns WHERE id = $1`, [campaignId])
    if (!existing) throw new NotFoundError('unknown_email_campaign', 'No such email campaign.')
    if (!existing.segment_id)
      throw new DomainError('invalid_request', 'Invalid segment: choose the recipient segment first.', 400, {
        issues: [{ path: 'segment', message: 'required' }],
      })
    throw new ConflictError('already_sent', `This campaign is ${existing.status}; it cannot be sent again.`)
  }
  const segment = await loadSegment(req, c.segment_id)
  const q = segment ? segmentQuery(segment, { reachableOnly: true, select: 'count(*)::int AS n' }) : null
  return { recipients: q ? (await db.query(q.text, q.values)).rows[0].n : 0 }
}
