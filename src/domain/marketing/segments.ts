/**
 * Segments as SQL: a static segment is its member list, a dynamic one a WHERE over users built
 * from its criteria (parameters, never spliced text). Both yield active users only; `reachable`
 * adds the consent that marketing email needs (email notifications on, marketing opted in).
 */
import type { PayloadRequest } from 'payload'

import { slugs } from '../../config/slugs'
import { dbFor, sql } from '../../db/sql'
import { poolOf } from '../../db/pool'
import { idOf } from '../../fields/idOf'

type Criteria = {
  userTypes?: string[] | null
  boughtForEvents?: unknown[] | null
  attendedEvents?: unknown[] | null
  interests?: string[] | null
  location?: string | null
  joinedAfter?: string | null
  joinedBefore?: string | null
}
export type SegmentDoc = { id: string; type: 'static' | 'dynamic'; members?: unknown[] | null; criteria?: Criteria | null }

export const CONSENT_SQL = `u.profile_notification_settings_email IS TRUE AND u.profile_notification_settings_marketing IS TRUE`

/** `SELECT u.id, u.email, u.full_name FROM users u WHERE ...` for the segment, with its parameters. */
export function segmentQuery(
  segment: SegmentDoc,
  { reachableOnly = false, select = 'u.id, u.email, u.full_name' } = {},
): { text: string; values: unknown[] } {
  const values: unknown[] = []
  const p = (v: unknown) => {
    values.push(v)
    return `$${values.length}`
  }
  const where = [`u.status = 'active'`]
  if (segment.type === 'static') {
    const ids = (segment.members ?? []).map(idOf).filter(Boolean)
    where.push(`u.id = ANY(${p(ids)}::uuid[])`)
  } else {
    const c = segment.criteria ?? {}
    if (c.userTypes?.length) where.push(`u.user_type = ANY(${p(c.userTypes)}::text[])`)
    const bought = (c.boughtForEvents ?? []).map(idOf).filter(Boolean)
    if (bought.length)
      where.push(
        `EXISTS (SELECT 1 FROM orders o WHERE o.buyer_id = u.id AND o.status = 'completed' AND o.event_id = ANY(${p(bought)}::uuid[]))`,
      )
    const attended = (c.attendedEvents ?? []).map(idOf).filter(Boolean)
    if (attended.length) {
      where.push(`EXISTS (SELECT 1 FROM tickets t JOIN orders o ON o.id = t.order_id
                           WHERE o.buyer_id = u.id AND t.checked_in_at IS NOT NULL AND t.event_id = ANY(${p(attended)}::uuid[]))`)
    }
    if (c.interests?.length) {
      where.push(
        `EXISTS (SELECT 1 FROM users_texts x WHERE x.parent_id = u.id AND x.path = 'profile.interests' AND lower(x.text) = ANY(${p(c.interests.map((i) => i.toLowerCase()))}::text[]))`,
      )
    }
    if (c.location?.trim()) where.push(`u.profile_location ILIKE '%' || ${p(c.location.trim().replace(/[\\%_]/g, (m) => `\\${m}`))} || '%'`)
    if (c.joinedAfter) where.push(`u.created_at >= ${p(c.joinedAfter)}::timestamptz`)
    if (c.joinedBefore) where.push(`u.created_at < ${p(c.joinedBefore)}::timestamptz`)
  }
  if (reachableOnly) where.push(CONSENT_SQL)
  return { text: `SELECT ${select} FROM users u WHERE ${where.join(' AND ')}`, values }
}

export async function loadSegment(req: PayloadRequest, id: string): Promise<SegmentDoc | null> {
  try {
    return (await req.payload.findByID({
      collection: slugs.marketingSegments,
      id,
      depth: 0,
      overrideAccess: true,
      req,
    })) as unknown as SegmentDoc
  } catch {
    return null
  }
}

/**
 * Counts the segment (all matching, and reachable) and stores both with the time. The count
 * reads only users, orders and tickets (committed data) with the segment's own values, so it
 * runs on the pool; the UPDATE joins the request's transaction (the segment row may be new).
 */
export async function computeSegment(req: PayloadRequest, segment: SegmentDoc) {
  const q = segmentQuery(segment, { select: `count(*)::int AS n, (count(*) FILTER (WHERE ${CONSENT_SQL}))::int AS r` })
  const {
    rows: [row],
  } = await poolOf(req.payload).query<{ n: number; r: number }>(q.text, q.values)
  const computedAt = new Date().toISOString()
  await (
    await dbFor(req)
  ).execute(
    sql`UPDATE marketing_segments SET estimated_size = ${row.n}, reachable = ${row.r}, computed_at = ${computedAt}::timestamptz WHERE id = ${segment.id}::uuid`,
  )
  return { estimatedSize: row.n, reachable: row.r, computedAt }
}
