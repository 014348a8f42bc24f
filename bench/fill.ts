/** The data the read benchmarks run on: events with venues, categories, images and a ticket type each; designers, collections, models. */
import type pg from 'pg'

export async function fill(
  pool: pg.Pool,
  { events, designers, engagement = 0 }: { events: number; designers: number; engagement?: number },
) {
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
  // Engagement over the last year (page views and shares from sessions and a few hundred
  // sessions' worth of repeat visitors), and a year of daily sponsor and campaign figures.
  if (engagement > 0) {
    await pool.query(
      `INSERT INTO user_engagement (type, source, session_id, occurred_at)
       SELECT (ARRAY['page_view','page_view','page_view','click','share','ticket_view'])[1 + g % 6], (ARRAY['web','app','email'])[1 + g % 3],
              's-' || (g % 50000), now() - (g % 365) * interval '1 day' - (g % 86400) * interval '1 second'
         FROM generate_series(1, $1) g`,
      [engagement],
    )
    await pool.query(
      `INSERT INTO sponsors (name, slug, status, industry) SELECT 'Sponsor ' || g, 'bench-sponsor-' || g, 'active', 'Retail' FROM generate_series(1, 100) g`,
    )
    await pool.query(
      `INSERT INTO sponsor_analytics (sponsor_id, event_id, day, impressions, clicks, leads, conversions, roi_cost, roi_value)
       SELECT s.id, NULL, to_char(current_date - d, 'YYYY-MM-DD'), 1000 + d, 10 + d % 7, d % 3, d % 2, 5000, 7000 + d
         FROM sponsors s, generate_series(0, 364) d`,
    )
    await pool.query(
      `INSERT INTO marketing_campaigns (name, status, start_date, end_date, currency, budget)
       SELECT 'Campaign ' || g, 'active', now() - interval '400 days', now() + interval '30 days', 'EUR', 100000 FROM generate_series(1, 50) g`,
    )
    await pool.query(
      `INSERT INTO campaign_analytics (campaign_id, day, channel, impressions, clicks, conversions, revenue, cost)
       SELECT c.id, to_char(current_date - d, 'YYYY-MM-DD'), ch::enum_campaign_analytics_channel, 500, 20, 2, 4000, 1500
         FROM marketing_campaigns c, generate_series(0, 364) d, unnest(ARRAY['email','social','promo_code']) ch`,
    )
  }
  // What a database looks like once autovacuum has run: GIN pending lists flushed, statistics current.
  await pool.query(`VACUUM ANALYZE`)
}
