/**
 * One event's page in one request: the event, its venue, schedule, ticket types with live
 * availability and its approved sponsors. Published events only, as the public read rule says (anything
 * else reads as unknown). A handful of indexed statements, whatever the event holds.
 */
import type { Pool } from 'pg'

import { mediaFileUrl } from '../cards'
import { eventSponsors } from '../sponsorship/queries'
import { eventAvailability } from '../ticketing/holds'

export type EventPageContent = NonNullable<Awaited<ReturnType<typeof eventPageContent>>>

/**
 * The page: its content (from `content`, which may serve it from a cache keyed by the content
 * version) with each ticket type's availability read live.
 */
export async function eventPage(
  db: Pool,
  slug: string,
  now: Date,
  content: (db: Pool, slug: string) => Promise<EventPageContent | null> = eventPageContent,
) {
  const page = await content(db, slug)
  if (!page) return null
  const live = new Map((await eventAvailability(db, page.id, now)).map((a) => [a.id, a]))
  return {
    ...page,
    ticketTypes: page.ticketTypes
      .filter((t) => live.has(t.id))
      .map((t) => ({ ...t, available: live.get(t.id)!.available, onSale: live.get(t.id)!.onSale, seated: live.get(t.id)!.seated })),
  }
}

/** Everything on the page but availability: it changes only when content does. */
export async function eventPageContent(db: Pool, slug: string) {
  const {
    rows: [e],
  } = await db.query(
    `SELECT e.id, e.slug, e.title, e.type, e.status, e.short_description, e.description, e.start_date, e.end_date, e.time_zone, e.featured,
            e.meta_title, e.meta_description, e.ticket_url, e.external_url,
            vn.id AS venue_id, vn.name AS venue_name, vn.address AS venue_address, vn.city AS venue_city, vn.country AS venue_country,
            m.filename, m.sizes_card_filename, m.sizes_hero_filename, m.alt, m.width, m.height,
            (SELECT COALESCE(json_agg(json_build_object('slug', c.slug, 'name', c.name) ORDER BY r."order"), '[]')
               FROM events_rels r JOIN event_categories c ON c.id = r.event_categories_id WHERE r.parent_id = e.id AND r.path = 'categories') AS categories,
            (SELECT COALESCE(json_agg(json_build_object('title', s.title, 'description', s.description, 'startTime', s.start_time, 'endTime', s.end_time,
                                                        'location', s.location, 'type', s.type, 'isBreak', s.is_break) ORDER BY s.start_time, s."order"), '[]')
               FROM event_schedules s WHERE s.event_id = e.id) AS schedule
       FROM events e
       LEFT JOIN venues vn ON vn.id = e.venue_id
       LEFT JOIN media m ON m.id = e.featured_image_id
      WHERE e.slug = $1 AND e.status = 'published'`,
    [slug],
  )
  if (!e) return null
  const [ticketTypes, sponsors] = await Promise.all([
    db.query<{ id: string; name: string; price: string; currency: string }>(
      `SELECT id, name, COALESCE(seat_price, price) AS price, currency FROM ticket_types WHERE event_id = $1 AND active ORDER BY price, name`,
      [e.id],
    ),
    eventSponsors(db, e.id, { publicOnly: true, limit: 50 }),
  ])
  return {
    id: e.id,
    slug: e.slug,
    title: e.title,
    type: e.type,
    shortDescription: e.short_description,
    description: e.description,
    startDate: new Date(e.start_date).toISOString(),
    endDate: new Date(e.end_date).toISOString(),
    timeZone: e.time_zone,
    featured: Boolean(e.featured),
    links: { tickets: e.ticket_url, external: e.external_url },
    seo: { title: e.meta_title, description: e.meta_description },
    venue: e.venue_id
      ? { id: e.venue_id, name: e.venue_name, address: e.venue_address, city: e.venue_city, country: e.venue_country }
      : null,
    image: e.filename
      ? {
          url: mediaFileUrl(e.filename)!,
          card: mediaFileUrl(e.sizes_card_filename),
          hero: mediaFileUrl(e.sizes_hero_filename),
          alt: e.alt,
          width: e.width == null ? null : Number(e.width),
          height: e.height == null ? null : Number(e.height),
        }
      : null,
    categories: e.categories,
    schedule: (e.schedule as Array<Record<string, unknown>>).map((s) => ({
      ...s,
      startTime: new Date(String(s.startTime)).toISOString(),
      endTime: new Date(String(s.endTime)).toISOString(),
    })),
    ticketTypes: ticketTypes.rows.map(({ id, name, price, currency }) => ({
      id,
      name,
      price: Number(price),
      currency,
      available: 0,
      onSale: false,
      seated: false,
    })),
    sponsors: sponsors.map(({ name, slug, logo, website, tier, featured }) => ({ name, slug, logo, website, tier, featured })),
  }
}
