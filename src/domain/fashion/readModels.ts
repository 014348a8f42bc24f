/**
 * The fashion layer's read models (the design's sample queries), each ONE SQL statement
 * whatever the number of rows: nested JSON is built by PostgreSQL, never a query per item.
 */
import type { Pool } from 'pg'

export async function featuredDesigners(db: Pool) {
  const { rows } = await db.query(`
    SELECT d.id, d.name, d.slug, d.brand, d.specialty, d.bio, d.verified,
           pi.url AS "profileImage",
           COALESCE((
             SELECT json_agg(c ORDER BY c."releaseDate" DESC NULLS LAST) FROM (
               SELECT fc.id, fc.name, fc.slug, fc.season, fc.year, fc.release_date AS "releaseDate", ci.url AS "coverImage"
                 FROM fashion_collections fc LEFT JOIN media ci ON ci.id = fc.cover_image_id
                WHERE fc.designer_id = d.id AND fc.status = 'published'
                ORDER BY fc.release_date DESC NULLS LAST, fc.created_at DESC
                LIMIT 3) c), '[]'::json) AS "latestCollections"
      FROM designers d LEFT JOIN media pi ON pi.id = d.profile_image_id
     WHERE d.featured AND d.status = 'active'
     ORDER BY d.name`)
  return rows
}

export async function collectionBySlug(db: Pool, slug: string, includeUnpublished: boolean) {
  const { rows } = await db.query(
    `
    SELECT c.id, c.name, c.slug, c.description, c.season, c.year, c.release_date AS "releaseDate", c.status, c.featured,
           c.inspiration, c.show_notes AS "showNotes", cm.url AS "coverImage",
           COALESCE((SELECT json_agg(t.text ORDER BY t."order") FROM fashion_collections_texts t WHERE t.parent_id = c.id AND t.path = 'colorPalette'), '[]') AS "colorPalette",
           COALESCE((SELECT json_agg(t.text ORDER BY t."order") FROM fashion_collections_texts t WHERE t.parent_id = c.id AND t.path = 'materials'), '[]') AS materials,
           json_build_object('id', d.id, 'name', d.name, 'slug', d.slug, 'brand', d.brand) AS designer,
           COALESCE((
             SELECT json_agg(json_build_object(
                      'id', i.id, 'name', i.name, 'description', i.description, 'type', i.type, 'featured', i.featured,
                      'displayOrder', i.display_order, 'priceMin', i.price_min, 'priceMax', i.price_max, 'currency', i.currency,
                      'images', COALESCE((
                        SELECT json_agg(json_build_object('id', im.id, 'url', m.url, 'alt', COALESCE(im.alt_text, m.alt), 'isPrimary', im.is_primary,
                                                          'displayOrder', im.display_order, 'thumbnail', COALESCE(m.sizes_thumbnail_url, m.url), 'card', COALESCE(m.sizes_card_url, m.url))
                                        ORDER BY im.is_primary DESC, im.display_order, im.created_at)
                          FROM fashion_item_images im JOIN media m ON m.id = im.media_id WHERE im.item_id = i.id), '[]'::json))
                    ORDER BY i.display_order, i.created_at)
               FROM fashion_items i WHERE i.collection_id = c.id), '[]'::json) AS items,
           COALESCE((
             SELECT json_agg(json_build_object('id', s.id, 'title', s.title, 'showDate', s.show_date, 'status', s.status, 'event', s.event_id, 'venue', s.venue_id)
                    ORDER BY s.show_date)
               FROM runway_shows s WHERE s.collection_id = c.id AND s.status <> 'cancelled'), '[]'::json) AS "runwayShows"
      FROM fashion_collections c JOIN designers d ON d.id = c.designer_id LEFT JOIN media cm ON cm.id = c.cover_image_id
     WHERE c.slug = $1 AND ($2 OR (c.status = 'published' AND d.status = 'active'))`,
    [slug, includeUnpublished],
  )
  return rows[0]
}

export async function upcomingShows(db: Pool, now: Date, limit: number) {
  const { rows } = await db.query(
    `
    SELECT s.id, s.title, s.show_date AS "showDate", s.duration_minutes AS "durationMinutes", s.status, s.livestream_url AS "livestreamUrl",
           json_build_object('id', c.id, 'name', c.name, 'slug', c.slug, 'season', c.season, 'year', c.year) AS collection,
           json_build_object('id', d.id, 'name', d.name, 'slug', d.slug, 'brand', d.brand) AS designer,
           json_build_object('id', v.id, 'name', v.name, 'address', v.address, 'city', v.city, 'country', v.country) AS venue,
           json_build_object('id', e.id, 'title', e.title, 'slug', e.slug, 'timeZone', e.time_zone) AS event
      FROM runway_shows s
      JOIN fashion_collections c ON c.id = s.collection_id
      JOIN designers d ON d.id = c.designer_id
      JOIN venues v ON v.id = s.venue_id
      JOIN events e ON e.id = s.event_id
     WHERE s.status IN ('scheduled', 'in_progress') AND s.show_date + make_interval(mins => COALESCE(s.duration_minutes, 0)::int) >= $1
       AND e.status = 'published'
     ORDER BY s.show_date
     LIMIT $2`,
    [now, limit],
  )
  return rows
}

export async function runOfShow(db: Pool, showId: string) {
  const { rows } = await db.query(
    `
    SELECT s.id, s.title, s.show_date AS "showDate", s.status, e.organizer_id AS "organizer", e.time_zone AS "timeZone",
           COALESCE((
             SELECT json_agg(json_build_object(
                      'id', g.id, 'name', g.name, 'order', g."order", 'startTime', g.start_time, 'durationMinutes', g.duration_minutes,
                      'theme', g.theme, 'music', g.music, 'lightingNotes', g.lighting_notes,
                      'appearances', COALESCE((
                        SELECT json_agg(json_build_object(
                                 'id', a.id, 'order', a."order", 'notes', a.notes,
                                 'model', json_build_object('id', mo.id, 'name', mo.name, 'agency', mo.agency),
                                 'item', CASE WHEN i.id IS NULL THEN NULL ELSE json_build_object('id', i.id, 'name', i.name, 'type', i.type,
                                   'primaryImage', (SELECT COALESCE(m.sizes_thumbnail_url, m.url) FROM fashion_item_images im JOIN media m ON m.id = im.media_id
                                                     WHERE im.item_id = i.id AND im.is_primary LIMIT 1)) END)
                               ORDER BY a."order")
                          FROM runway_appearances a JOIN models mo ON mo.id = a.model_id LEFT JOIN fashion_items i ON i.id = a.item_id
                         WHERE a.segment_id = g.id), '[]'::json))
                    ORDER BY g."order")
               FROM runway_segments g WHERE g.show_id = s.id), '[]'::json) AS segments
      FROM runway_shows s JOIN events e ON e.id = s.event_id
     WHERE s.id = $1`,
    [showId],
  )
  return rows[0]
}
