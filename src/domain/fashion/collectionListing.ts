/**
 * The collection listing a site's pages ask for: published collections of active designers
 * (the public read rule), the fields a card shows, filtered by designer, season, year, featured
 * and free text, ordered by name and paged by a keyset cursor (name, id) on a partial index of
 * published collections. One statement per page; the total only when asked for.
 */
import type { Pool } from 'pg'

import { decodeCursor, encodeCursor, mediaFileUrl } from '../cards'

export type CollectionFilter = {
  designer?: string
  season?: string
  year?: number
  featured?: boolean
  q?: string
  limit: number
  cursor?: string
  count?: boolean
}

export async function listCollections(db: Pool, f: CollectionFilter) {
  const where: string[] = [`c.status = 'published'`, `d.status = 'active'`]
  const values: unknown[] = []
  const v = (x: unknown) => {
    values.push(x)
    return `$${values.length}`
  }
  if (f.designer) where.push(`d.slug = ${v(f.designer)}`)
  if (f.season) where.push(`c.season = ${v(f.season)}::enum_fashion_collections_season`)
  if (f.year !== undefined) where.push(`c.year = ${v(f.year)}`)
  if (f.featured !== undefined) where.push(`c.featured = ${v(f.featured)}`)
  if (f.q) where.push(`c.search_vector @@ websearch_to_tsquery('english', ${v(f.q)})`)
  const filterSql = where.join(' AND ')
  const filterValues = [...values]
  if (f.cursor) {
    const k = decodeCursor(f.cursor)
    where.push(`(c.name, c.id) > (${v(k.key)}::varchar, ${v(k.id)}::uuid)`)
  }
  const { rows } = await db.query(
    `SELECT c.id, c.slug, c.name, c.season, c.year, c.featured, c.release_date,
            d.slug AS designer_slug, d.name AS designer_name,
            m.filename, m.sizes_card_filename, m.alt,
            (SELECT count(*)::int FROM fashion_items i WHERE i.collection_id = c.id) AS items
       FROM fashion_collections c
       JOIN designers d ON d.id = c.designer_id
       LEFT JOIN media m ON m.id = c.cover_image_id
      WHERE ${where.join(' AND ')}
      ORDER BY c.name, c.id
      LIMIT ${v(f.limit + 1)}`,
    values,
  )
  const page = rows.slice(0, f.limit)
  const last = page.at(-1)
  const out: { collections: unknown[]; nextCursor: string | null; total?: number } = {
    collections: page.map((r) => ({
      id: r.id,
      slug: r.slug,
      name: r.name,
      season: r.season,
      year: r.year == null ? null : Number(r.year),
      featured: Boolean(r.featured),
      releaseDate: r.release_date ? new Date(r.release_date).toISOString() : null,
      designer: { slug: r.designer_slug, name: r.designer_name },
      image: r.filename ? { url: mediaFileUrl(r.filename)!, card: mediaFileUrl(r.sizes_card_filename), alt: r.alt } : null,
      items: r.items,
    })),
    nextCursor: rows.length > f.limit && last ? encodeCursor(last.name, last.id) : null,
  }
  if (f.count)
    out.total = Number(
      (
        await db.query(
          `SELECT count(*)::int AS n FROM fashion_collections c JOIN designers d ON d.id = c.designer_id WHERE ${filterSql}`,
          filterValues,
        )
      ).rows[0].n,
    )
  return out
}
