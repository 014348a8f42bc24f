import type { MetadataRoute } from 'next'

import { poolOf } from '../../db/pool'
import { siteOrigin } from '../siteUrl'
import { payloadInstance } from './data'

export const dynamic = 'force-dynamic'

/** /sitemap.xml: the homepage, the event listing, every published page and every published, not yet ended event. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const origin = await siteOrigin()
  const base = () => origin
  const db = poolOf(await payloadInstance())
  const [pages, events] = await Promise.all([
    db.query<{ slug: string; updated_at: Date; home: boolean }>(
      `SELECT slug, updated_at, COALESCE(is_homepage, false) AS home FROM pages WHERE _status = 'published' AND NOT COALESCE(requires_auth, false) AND slug IS NOT NULL`,
    ),
    db.query<{ slug: string; updated_at: Date }>(
      `SELECT slug, updated_at FROM events WHERE status = 'published' AND end_date > now() AND slug IS NOT NULL ORDER BY start_date LIMIT 45000`,
    ),
  ])
  return [
    { url: `${base()}/`, changeFrequency: 'daily' },
    { url: `${base()}/events`, changeFrequency: 'hourly' },
    ...pages.rows.filter((p) => !p.home).map((p) => ({ url: `${base()}/${p.slug}`, lastModified: p.updated_at })),
    ...events.rows.map((e) => ({ url: `${base()}/events/${e.slug}`, lastModified: e.updated_at })),
  ]
}
