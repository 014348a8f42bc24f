/** The data the read benchmarks run on: events with venues, categories, images and a ticket type each; designers, collections, models. */
import type pg from 'pg'

export async function fill(pool: pg.Pool, { events, designers }: { events: number; designers: number }) {
  console.log(`filling ${events.toLocaleString()} events, ${designers.toLocaleString()} designers…`)
  await pool.query(
    `INSERT INTO venues (name, address, city, country, capacity) SELECT 'Venue ' || g, g || ' Rue', (ARRAY['Paris','Milan','London','New York','Tokyo','Berlin','Lagos','Seoul'])[1 + g % 8], 'XX', 100 + g FROM generate_series(1, 500) g`,
  )
  await pool.query(`INSERT INTO event_categories (name, slug) SELECT 'Category ' || g, 'category-' || g FROM generate_series(1, 20) g`)
  await pool.query(
    `INSERT INTO media (alt, filename, mime_type, filesize, width, height, sizes_card_filename) SELECT 'Image ' || g, 'bench-' || g || '.jpg', 'image/jpeg', 1000, 1600, 900, 'bench-' || g || '-card.jpg' FROM generate_series(1, 1000) g`,
  )
  await pool.query(
    `INSERT INTO events (title, slug, status, type, short_description, start_date, end_date, time_zone, venue_id, featured, featured_image_id)
     SELECT 'Event ' || g || ' ' || (ARRAY['Couture','Street','Denim','Knitwear','Bridal','Resort'])[1 + g % 6],
            'bench-event-' || g,
            (CASE WHEN g % 10 = 0 THEN 'draft' ELSE 'published' END)::enum_events_status,
            (ARRAY['fashion_show','exhibition','workshop','conference','party','networking'])[1 + g % 6]::enum_events_type,
            'A short description of event ' || g,
            now() - interval '730 days' + (g * interval '1 day' * 1460 / $1),
            now() - interval '730 days' + (g * interval '1 day' * 1460 / $1) + interval '3 hours',
            'Europe/Paris',
            (SELECT id FROM venues ORDER BY id OFFSET (g % 500) LIMIT 1),
            g % 50 = 0,
            (SELECT id FROM media ORDER BY id OFFSET (g % 1000) LIMIT 1)
       FROM generate_series(1, $1) g`,
    [events],
  )
  await pool.query(
    `INSERT INTO events_rels ("order", parent_id, path, event_categories_id)
     SELECT 1, e.id, 'categories', (SELECT id FROM event_categories ORDER BY id OFFSET (abs(hashtext(e.id::text)) % 20) LIMIT 1) FROM events e`,
  )
  await pool.query(
    `INSERT INTO ticket_types (event_id, name, price, currency, capacity, sold, max_per_order, tier, active) SELECT id, 'General', 2000 + (abs(hashtext(id::text)) % 50) * 100, 'EUR', 200, 0, 10, 'general', true FROM events`,
  )
  // Designers (nine in ten active), two collections each (published), and a model per ten designers.
  await pool.query(
    `INSERT INTO designers (name, slug, status, brand, specialty, bio, location_city, location_country, featured, profile_image_id)
     SELECT initcap(w1) || ' ' || initcap(w2) || ' ' || g, 'bench-designer-' || g,
            (CASE WHEN g % 10 = 0 THEN 'pending' ELSE 'active' END)::enum_designers_status,
            'Maison ' || initcap(w2), (ARRAY['couture','streetwear','knitwear','bridal','accessories','menswear'])[1 + g % 6],
            'Designer ' || g || ' works in ' || w1 || ' and ' || w2 || ' with recycled fabrics.',
            (ARRAY['Paris','Milan','London','New York','Tokyo','Berlin','Lagos','Seoul'])[1 + g % 8], 'XX', g % 40 = 0,
            (SELECT id FROM media ORDER BY id OFFSET (g % 1000) LIMIT 1)
       FROM generate_series(1, $1) g,
            LATERAL (SELECT (ARRAY['amber','linen','velvet','indigo','saffron','cobalt','ivory','onyx','coral','sage','tweed','silk'])[1 + g % 12] AS w1,
                            (ARRAY['atelier','studio','house','works','line','label','room','lab','guild'])[1 + (g / 12) % 9] AS w2) w`,
    [designers],
  )
  await pool.query(
    `INSERT INTO fashion_collections (designer_id, name, slug, status, season, year, description, cover_image_id)
     SELECT d.id, initcap(s.season) || ' ' || (2020 + n) || ' ' || split_part(d.name, ' ', 1), d.slug || '-' || s.season || '-' || n,
            'published', s.season::enum_fashion_collections_season, 2020 + n, 'A collection by ' || d.name, d.profile_image_id
       FROM designers d, generate_series(1, 2) n, LATERAL (SELECT (ARRAY['spring','summer','fall','winter'])[1 + (n + abs(hashtext(d.id::text))) % 4] AS season) s`,
  )
  await pool.query(
    `INSERT INTO models (name, slug, agency, bio, status, featured)
     SELECT 'Model ' || g || ' ' || (ARRAY['Ade','Bea','Cyr','Dia','Eli','Fen'])[1 + g % 6], 'bench-model-' || g, 'Agency ' || (g % 30),
            'Runway model ' || g, 'active', false FROM generate_series(1, $1 / 10) g`,
    [designers],
  )
  await pool.query(`ANALYZE`)
}
