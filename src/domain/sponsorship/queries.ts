import type { Pool } from 'pg'

export type EventSponsor = {
  id: string
  name: string
  slug: string
  logo: string | null
  website: string | null
  description: string | null
  tier: string | null
  tierOrder: number | null
  featured: boolean
  order: number
}

/**
 * An event's sponsors with their tiers: approved sponsorships (when `publicOnly`) of active
 * sponsors, featured first, then by tier order, the sponsorship's own order and name.
 */
export async function eventSponsors(
  db: Pool,
  eventId: string,
  { limit = 100, publicOnly = false, from = null as string | null, to = null as string | null } = {},
) {
  const { rows } = await db.query<EventSponsor & { tierBenefits: unknown }>(
    `SELECT s.id, s.name, s.slug, m.url AS logo, s.website, s.description,
            COALESCE(sp.custom_tier_name, st.name) AS tier, st."order"::int AS "tierOrder",
            sp.featured, sp."order"::int AS "order", sp.status,
            COALESCE((SELECT json_agg(json_build_object('name', b.name, 'category', b.category, 'quantity', tb.quantity::int, 'details', tb.details) ORDER BY tb._order)
                        FROM tier_benefits tb JOIN sponsor_benefits b ON b.id = tb.benefit_id WHERE tb._parent_id = st.id), '[]') AS "tierBenefits"
       FROM sponsorships sp
       JOIN sponsors s ON s.id = sp.sponsor_id
  LEFT JOIN sponsorship_tiers st ON st.id = sp.tier_id
  LEFT JOIN media m ON m.id = s.logo_id
      WHERE sp.event_id = $1 AND s.status = 'active'
        AND ($2::boolean IS FALSE OR sp.status = 'approved')
        AND ($3::date IS NULL OR (sp.end_date AT TIME ZONE 'UTC')::date >= $3::date)
        AND ($4::date IS NULL OR (sp.start_date AT TIME ZONE 'UTC')::date <= $4::date)
   ORDER BY sp.featured DESC, st."order" ASC NULLS LAST, sp."order" ASC, s.name ASC
      LIMIT $5`,
    [eventId, publicOnly, from, to, limit],
  )
  return rows
}
