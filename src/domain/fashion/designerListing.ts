/**
 * The designer listing a site's pages ask for: active designers only (the public read rule),
 * the fields a card shows, filtered by featured, verified, specialty, country and free text,
 * ordered by name and paged by a keyset cursor (name, id) on a partial index of active
 * designers. One statement per page; the total only when asked for.
 */
import type { Pool } from 'pg'

import { decodeCursor, encodeCursor, mediaFileUrl } from '../cards'

export type DesignerFilter = {
  featured?: boolean
  verified?: boolean
  specialty?: string
  country?: string
  q?: string
  limit: number
  cursor?: string
  count?: boolean
}

export async function listDesigners(db: Pool, f: DesignerFilter) {
  const where: string[] = [`d.status = 'active'`]
  const values: unknown[] = []
  const v = (x: unknown) => {
    values.push(x)
    return `$${values.length}`
  }
  if (f.featured !== undefined) where.push(`d.featured = ${v(f.featured)}`)
  if (f.verified !== undefined) where.push(`d.verified = ${v(f.verified)}`)
  if (f.specialty) where.push(`lower(d.specialty) = lower(${v(f.specialty)})`)
  if (f.country) where.push(`lower(d.location_country) = lower(${v(f.country)})`)
  if (f.q) where.push(`d.search_vector @@ websearch_to_tsquery('english', ${v(f.q)})`)
  const filterSql = where.join(' AND ')
  const filterValues = [...values]
  if (f.cursor) {
    const c = decodeCursor(f.cursor)
    where.push(`(d.name, d.id) > (${v(c.key)}::varchar, ${v(c.id)}::uuid)`)
  }
  const { rows } = await db.query(
    `SELECT d.id, d.slug, d.name, d.brand, d.specialty, d.featured, d.verified, d.location_city, d.location_country,
            m.filename, m.sizes_card_filename, m.alt,
            (SELECT count(*)::int FROM fashion_collections c WHERE c.designer_id = d.id AND c.status = 'published') AS collections
       FROM designers d
       LEFT JOIN media m ON m.id = d.profile_image_id
      WHERE ${where.join(' AND ')}
      ORDER BY d.name, d.id
      LIMIT ${v(f.limit + 1)}`,
    values,
  )
  const page = rows.slice(0, f.limit)
  const last = page.at(-1)
  const out: { designers: unknown[]; nextCursor: string | null; total?: number } = {
    designers: page.map((r) => ({
      id: r.id,
      slug: r.slug,
      name: r.name,
      brand: r.brand,
      specialty: r.specialty,
      featured: Boolean(r.featured),
      verified: Boolean(r.verified),
      location: { city: r.location_city, country: r.location_country },
      image: r.filename ? { url: mediaFileUrl(r.filename)!, card: mediaFileUrl(r.sizes_card_filename), alt: r.alt } : null,
      publishedCollections: r.collections,
    })),
    nextCursor: rows.length > f.limit && last ? encodeCursor(last.name, last.id) : null,
  }
  if (f.count) out.total = Number((await db.query(`SELECT count(*)::int AS n FROM designers d WHERE ${filterSql}`, filterValues)).rows[0].n)
  return out
}
