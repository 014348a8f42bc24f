/**
 * The event listing a site's pages ask for: published events only, the fields a card shows,
 * filtered by date window, category, type, city, venue, featured and free text, ordered by start
 * and paged by a keyset cursor (start, id), so page 200 costs what page 1 costs. One statement
 * per page; the total is counted only when asked for.
 */
import type { Pool } from 'pg'

import { decodeCursor, encodeCursor, mediaFileUrl } from '../cards'

export type ListingFilter = {
  from?: Date
  to?: Date
  category?: string
  type?: string
  city?: string
  venue?: string
  featured?: boolean
  q?: string
  limit: number
  cursor?: string
  count?: boolean
}

export type EventCard = {
  id: string
  slug: string | null
  title: string
  type: string
  shortDescription: string | null
  startDate: string
  endDate: string
  timeZone: string
  featured: boolean
  venue: { id: string; name: string; city: string } | null
  image: { url: string; card: string | null; alt: string | null; width: number | null; height: number | null } | null
  categories: Array<{ slug: string | null; name: string }>
  priceFrom: { amount: number; currency: string } | null
}

/** Events that started within this many days and have not ended still count as upcoming. */
export const RUNNING_WINDOW_DAYS = 30

export async function listEvents(
  db: Pool,
  f: ListingFilter,
  now: Date,
): Promise<{ events: EventCard[]; nextCursor: string | null; total?: number }> {
  const where: string[] = [`e.status = 'published'`]
  const values: unknown[] = []
  const v = (x: unknown) => {
    values.push(x)
    return `$${values.length}`
  }
  if (f.from || f.to) {
    if (f.from)
      where.push(`e.end_date >= ${v(f.from)}`, `e.start_date >= ${v(new Date(f.from.getTime() - RUNNING_WINDOW_DAYS * 86_400_000))}`)
    if (f.to) where.push(`e.start_date < ${v(f.to)}`)
  } else {
    // Upcoming: not ended yet. The lower bound on start keeps the scan on the (start, id) index.
    where.push(`e.end_date > ${v(now)}`, `e.start_date >= ${v(new Date(now.getTime() - RUNNING_WINDOW_DAYS * 86_400_000))}`)
  }
  if (f.type) where.push(`e.type = ${v(f.type)}`)
  if (f.featured !== undefined) where.push(`e.featured = ${v(f.featured)}`)
  if (f.venue) where.push(`e.venue_id = ${v(f.venue)}`)
  // Venues and categories are few: resolve them to ids first, so the planner can drive from them.
  if (f.city) where.push(`e.venue_id = ANY (ARRAY(SELECT cv.id FROM venues cv WHERE lower(cv.city) = lower(${v(f.city)})))`)
  if (f.category) {
    where.push(
      `e.id = ANY (ARRAY(SELECT cr.parent_id FROM events_rels cr
                          WHERE cr.path = 'categories'
                            AND cr.event_categories_id = (SELECT cc.id FROM event_categories cc WHERE cc.slug = ${v(f.category)} OR cc.id::text = ${v(f.category)} LIMIT 1)))`,
    )
  }
  if (f.q) where.push(`e.search_vector @@ websearch_to_tsquery('english', ${v(f.q)})`)
  const filterSql = where.join(' AND ')
  const filterValues = [...values]
  if (f.cursor) {
    const c = decodeCursor(f.cursor, (key) => !Number.isNaN(Date.parse(key)))
    where.push(`(e.start_date, e.id) > (${v(c.key)}::timestamptz, ${v(c.id)}::uuid)`)
  }
  const limit = v(f.limit + 1)
  const { rows } = await db.query(
    `SELECT e.id, e.slug, e.title, e.type, e.short_description, e.start_date, e.end_date, e.time_zone, e.featured,
            vn.id AS venue_id, vn.name AS venue_name, vn.city AS venue_city,
            m.filename, m.sizes_card_filename, m.alt, m.width, m.height,
            (SELECT COALESCE(json_agg(json_build_object('slug', c.slug, 'name', c.name) ORDER BY r."order"), '[]')
               FROM events_rels r JOIN event_categories c ON c.id = r.event_categories_id
              WHERE r.parent_id = e.id AND r.path = 'categories') AS categories,
            (SELECT json_build_object('amount', tt.price, 'currency', tt.currency) FROM ticket_types tt
              WHERE tt.event_id = e.id AND tt.active ORDER BY tt.price LIMIT 1) AS price_from
       FROM events e
       LEFT JOIN venues vn ON vn.id = e.venue_id
       LEFT JOIN media m ON m.id = e.featured_image_id
      WHERE ${where.join(' AND ')}
      ORDER BY e.start_date, e.id
      LIMIT ${limit}`,
    values,
  )
  const page = rows.slice(0, f.limit)
  const last = page.at(-1)
  const events: EventCard[] = page.map((r) => ({
    id: r.id,
    slug: r.slug,
    title: r.title,
    type: r.type,
    shortDescription: r.short_description,
    startDate: new Date(r.start_date).toISOString(),
    endDate: new Date(r.end_date).toISOString(),
    timeZone: r.time_zone,
    featured: Boolean(r.featured),
    venue: r.venue_id ? { id: r.venue_id, name: r.venue_name, city: r.venue_city } : null,
    image: r.filename
      ? {
          url: mediaFileUrl(r.filename)!,
          card: mediaFileUrl(r.sizes_card_filename),
          alt: r.alt,
          width: r.width == null ? null : Number(r.width),
          height: r.height == null ? null : Number(r.height),
        }
      : null,
    categories: r.categories,
    priceFrom: r.price_from ? { amount: Number(r.price_from.amount), currency: r.price_from.currency } : null,
  }))
  const out: { events: EventCard[]; nextCursor: string | null; total?: number } = {
    events,
    nextCursor: rows.length > f.limit && last ? encodeCursor(new Date(last.start_date).toISOString(), last.id) : null,
  }
  if (f.count) out.total = Number((await db.query(`SELECT count(*)::int AS n FROM events e WHERE ${filterSql}`, filterValues)).rows[0].n)
  return out
}
