/**
 * The designer listing a site's pages ask for: active designers only (the public read rule),
 * the fields a card shows, filtered by featured, verified, specialty, country and free text,
 * ordered by name and paged by a keyset cursor (name, id) on a partial index of active
 * designers. One statement per page; the total only when asked for.
 */
import type { Pool } from 'pg'

import { DomainError } from '../ticketing/errors'

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

const encode = (name: string, id: string) => Buffer.from(JSON.stringify([name, id])).toString('base64url')

function decode(cursor: string): { name: string; id: string } {
  try {
    const [name, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string]
    if (typeof name !== 'string' || typeof id !== 'string' || !/^[0-9a-f-]{36}$/i.test(id)) throw new Error('shape')
    return { name, id }
  } catch {
    throw new DomainError('invalid_request', 'Invalid cursor: pass back the nextCursor of a previous page unchanged.', 400, {
      issues: [{ path: 'cursor', message: 'not a cursor this API issued' }],
    })
  }
}

const fileUrl = (filename: unknown) => (typeof filename === 'string' && filename ? `/api/media/file/${encodeURIComponent(filename)}` : null)

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
    const c = decode(f.cursor)
    where.push(`(d.name, d.id) > (${v(c.name)}::varchar, ${v(c.id)}::uuid)`)
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
      image: r.filename ? { url: fileUrl(r.filename)!, card: fileUrl(r.sizes_card_filename), alt: r.alt } : null,
      publishedCollections: r.collections,
    })),
    nextCursor: rows.length > f.limit && last ? encode(last.name, last.id) : null,
  }
  if (f.count) out.total = Number((await db.query(`SELECT count(*)::int AS n FROM designers d WHERE ${filterSql}`, filterValues)).rows[0].n)
  return out
}
