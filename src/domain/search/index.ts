/**
 * Site search across events (with their descriptions), designers, collections, models, sponsors, venues and pages.
 *
 * Full text first: each table's generated, weighted `search_vector` (GIN-indexed) matched
 * against `websearch_to_tsquery` of the query, OR the same query with its last word as a
 * prefix (so "cout" finds couture while typing), ranked by ts_rank_cd. When that finds fewer
 * than `limit`, trigram similarity on titles (GIN trigram indexes) adds near misses, so a
 * misspelling ("coutour") still finds something. Every branch carries its type's read rule
 * (public rows, or everything for holders of `<type>:read`, or the caller's own rows), so
 * search never shows what the caller may not read. The query text only ever travels as a bound
 * parameter; the prefix term is reduced to letters and digits.
 */
import crypto from 'node:crypto'

import type { Pool } from 'pg'

import type { Principal } from '../../access/principal'
import { can } from '../../access/principal'

export const SEARCH_TYPES = ['events', 'designers', 'fashion-collections', 'models', 'sponsors', 'venues', 'pages'] as const
export type SearchType = (typeof SEARCH_TYPES)[number]

export type SearchHit = {
  type: SearchType
  id: string
  title: string
  slug: string | null
  subtitle: string | null
  image: string | null
  excerpt: string
  rank: number
  match: 'text' | 'similar'
}

type Branch = {
  table: string
  title: string
  subtitle: string
  image: string
  body: string
  visible: (p: Principal | null, me: string) => string
}

const esc = (col: string) => `replace(replace(replace(coalesce(${col}, ''), '&', '&amp;'), '<', '&lt;'), '>', '&gt;')`

const BRANCHES: Record<SearchType, Branch> = {
  events: {
    table: 'events',
    title: 't.title',
    subtitle: `to_char(t.start_date AT TIME ZONE t.time_zone, 'YYYY-MM-DD HH24:MI') || ' · ' || coalesce(v.name, '')`,
    image: 'mi.url',
    body: `coalesce(t.short_description, '') || ' ' || coalesce(t.meta_description, '') || ' ' || coalesce(array_to_string(ARRAY(SELECT jsonb_array_elements_text(jsonb_path_query_array(t.description, 'strict $.**.text'))), ' '), '')`,
    visible: (p, me) => (can(p, 'events', 'read') ? 'true' : `(t.status = 'published'${p ? ` OR t.organizer_id = ${me}` : ''})`),
  },
  designers: {
    table: 'designers',
    title: 't.name',
    subtitle: `concat_ws(' · ', t.brand, t.specialty)`,
    image: 'mi.url',
    body: `coalesce(t.bio, '')`,
    visible: (p, me) => (can(p, 'designers', 'read') ? 'true' : `(t.status = 'active'${p ? ` OR t.user_id = ${me}` : ''})`),
  },
  'fashion-collections': {
    table: 'fashion_collections',
    title: 't.name',
    subtitle: `concat_ws(' · ', initcap(t.season::text) || ' ' || t.year::int, (SELECT d.name FROM designers d WHERE d.id = t.designer_id))`,
    image: 'mi.url',
    body: `coalesce(t.description, '') || ' ' || coalesce(t.inspiration, '')`,
    visible: (p, me) =>
      can(p, 'fashion-collections', 'read')
        ? 'true'
        : `(t.status = 'published'${p ? ` OR EXISTS (SELECT 1 FROM designers d WHERE d.id = t.designer_id AND d.user_id = ${me})` : ''})`,
  },
  models: {
    table: 'models',
    title: 't.name',
    subtitle: 't.agency',
    image: 'NULL::text',
    body: `coalesce(t.bio, '')`,
    visible: (p, me) => (can(p, 'models', 'read') ? 'true' : `(t.status = 'active'${p ? ` OR t.user_id = ${me}` : ''})`),
  },
  sponsors: {
    table: 'sponsors',
    title: 't.name',
    subtitle: 't.industry',
    image: 'mi.url',
    body: `coalesce(t.description, '')`,
    visible: (p, me) => (can(p, 'sponsors', 'read') ? 'true' : `(t.status = 'active'${p ? ` OR t.owner_id = ${me}` : ''})`),
  },
  venues: {
    table: 'venues',
    title: 't.name',
    subtitle: `concat_ws(', ', t.city, t.country)`,
    image: 'NULL::text',
    body: `coalesce(t.description, '')`,
    visible: (p, me) => (can(p, 'venues', 'read') ? 'true' : `(t.status = 'active'${p ? ` OR t.manager_id = ${me}` : ''})`),
  },
  pages: {
    table: 'pages',
    title: 't.title',
    subtitle: 't.meta_title',
    image: 'mi.url',
    body: `coalesce(t.meta_description, '')`,
    visible: (p) =>
      can(p, 'pages', 'read')
        ? 'true'
        : p
          ? `t._status = 'published'`
          : `(t._status = 'published' AND NOT coalesce(t.requires_auth, false))`,
  },
}

const JOINS: Record<SearchType, string> = {
  events: 'LEFT JOIN media mi ON mi.id = t.featured_image_id LEFT JOIN venues v ON v.id = t.venue_id',
  designers: 'LEFT JOIN media mi ON mi.id = t.profile_image_id',
  'fashion-collections': 'LEFT JOIN media mi ON mi.id = t.cover_image_id',
  sponsors: 'LEFT JOIN media mi ON mi.id = t.logo_id',
  models: '',
  venues: '',
  pages: 'LEFT JOIN media mi ON mi.id = t.meta_image_id',
}

/** The prefix term: the query's last word, letters and digits only (empty when there is none). */
export function prefixTerm(q: string): { head: string; last: string } {
  const words = q.trim().split(/\s+/)
  const last = (words.pop() ?? '')
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}]/gu, '')
    .toLowerCase()
    .slice(0, 64)
  return { head: words.join(' '), last }
}

/** Full-text matches ranked per type; past this, an unselective word is ranked among the first this many the index yields. */
export const CANDIDATES = 300

/**
 * A named (server-side prepared) statement: the SQL differs only by the types and the caller's
 * read rules, so each connection plans each shape once; planning the seven-branch union cost
 * more than running it. PostgreSQL may then keep a generic plan, which for these predicates
 * still reads the GIN and trigram indexes (a tsquery of unknown value is estimated selective).
 */
const prepared = (text: string, values: unknown[]) => ({
  name: `search-${crypto.createHash('sha1').update(text).digest('hex').slice(0, 16)}`,
  text,
  values,
})

export async function search(
  db: Pool,
  q: string,
  { types = [...SEARCH_TYPES] as SearchType[], limit = 20, principal = null as Principal | null } = {},
): Promise<SearchHit[]> {
  const { head, last } = prefixTerm(q)
  // $1 query, $2 head, $3 last word (prefix), $4 limit, $5 caller id, $6 candidates per type.
  const me = '$5::uuid'
  // One tsquery (the words as typed, OR the same with the last word as a prefix), written out
  // where it is used so the planner sees its value and takes the GIN index: a tsquery joined in
  // from a subquery hid it, and every table was scanned whole.
  const tsq = `(websearch_to_tsquery('english', $1) || CASE WHEN $3 = '' THEN ''::tsquery WHEN $2 = '' THEN to_tsquery('simple', $3 || ':*') ELSE websearch_to_tsquery('english', $2) && to_tsquery('simple', $3 || ':*') END)`
  // Phase 1 ranks a bounded candidate set per type (the first CANDIDATES matches the index
  // yields), so an unselective word does not score every row; phase 2 builds titles, images
  // and highlighted excerpts (ts_headline is costly) for the few rows that made the cut.
  const ranked = types.map((type) => {
    const b = BRANCHES[type]
    return `SELECT '${type}'::text AS type, c.id, ts_rank_cd(c.search_vector, ${tsq}, 1)::float8 AS rank, c.sort_title
              FROM (SELECT t.id, t.search_vector, ${b.title} AS sort_title FROM ${b.table} t
                     WHERE t.search_vector @@ ${tsq} AND ${b.visible(principal, me)} LIMIT $6) c`
  })
  const detailed = types.map((type) => {
    const b = BRANCHES[type]
    return `SELECT '${type}' AS type, t.id::text AS id, ${b.title} AS title, t.slug, ${b.subtitle} AS subtitle, ${b.image} AS image,
                   ts_headline('english', ${esc(b.body)}, ${tsq}, 'StartSel=<mark>, StopSel=</mark>, MaxWords=24, MinWords=10, ShortWord=2, MaxFragments=1') AS excerpt,
                   top.rank, 'text' AS match
              FROM top JOIN ${b.table} t ON top.type = '${type}' AND t.id = top.id ${JOINS[type]}`
  })
  const text = `WITH caller AS (SELECT $5::uuid AS id),
       top AS (SELECT * FROM (${ranked.join('\nUNION ALL\n')}) r ORDER BY rank DESC, sort_title LIMIT $4)
  SELECT * FROM (${detailed.join('\nUNION ALL\n')}) hits ORDER BY rank DESC, title`
  const params = [q, head, last, limit, principal?.id ?? null, CANDIDATES]
  const { rows } = await db.query<SearchHit>(prepared(text, params))
  // Near misses only when the words found nothing: a query with a few real hits is not padded
  // with look-alikes (and does not pay for a second pass). Trigrams need three characters.
  if (rows.length > 0 || [...q.trim()].length < 3) return rows
  // Near misses by trigram similarity on titles, for what full text did not find: the same two
  // phases, candidates by the trigram index (at most CANDIDATES a type), details for the best.
  const seen = new Set(rows.map((r) => `${r.type}:${r.id}`))
  const simMe = '$3::uuid'
  const simRanked = types.map((type) => {
    const b = BRANCHES[type]
    return `SELECT '${type}'::text AS type, c.id, word_similarity($1, c.sort_title)::float8 AS rank, c.sort_title
              FROM (SELECT t.id, ${b.title} AS sort_title FROM ${b.table} t WHERE $1 <% ${b.title} AND ${b.visible(principal, simMe)} LIMIT $4) c`
  })
  const simDetailed = types.map((type) => {
    const b = BRANCHES[type]
    return `SELECT '${type}' AS type, t.id::text AS id, ${b.title} AS title, t.slug, ${b.subtitle} AS subtitle, ${b.image} AS image,
                   left(${esc(b.body)}, 160) AS excerpt, near.rank, 'similar' AS match
              FROM near JOIN ${b.table} t ON near.type = '${type}' AND t.id = near.id ${JOINS[type]}`
  })
  const sim = `WITH caller AS (SELECT $3::uuid AS id),
       near AS (SELECT * FROM (${simRanked.join('\nUNION ALL\n')}) r ORDER BY rank DESC, sort_title LIMIT $2)
  SELECT * FROM (${simDetailed.join('\nUNION ALL\n')}) hits ORDER BY rank DESC, title`
  const { rows: near } = await db.query<SearchHit>(prepared(sim, [q.slice(0, 200), limit, principal?.id ?? null, CANDIDATES]))
  for (const r of near) if (!seen.has(`${r.type}:${r.id}`) && rows.length < limit) rows.push(r)
  return rows
}
