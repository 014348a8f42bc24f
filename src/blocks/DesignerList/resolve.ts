import type { FieldHook } from 'payload'

import { featuredDesigners } from '../../domain/fashion/readModels'
import { poolOf } from '../../db/pool'

/**
 * Resolves a designer list block to real designers when a page is read: `featured` to the
 * featured active designers (with their latest collections), `manual` to the picked ones that
 * are active. One SQL statement per block.
 */
export const resolveDesigners: FieldHook = async ({ siblingData, req }) => {
  const limit = Number(siblingData?.limit ?? 6)
  const pool = poolOf(req.payload)
  if (siblingData?.mode === 'manual') {
    const ids = ((siblingData.designers as unknown[]) ?? []).map((d) => (d && typeof d === 'object' ? (d as { id: string }).id : d))
    if (ids.length === 0) return []
    const { rows } = await pool.query(
      `SELECT d.id, d.name, d.slug, d.brand, d.specialty, m.url AS "profileImage"
         FROM designers d LEFT JOIN media m ON m.id = d.profile_image_id
        WHERE d.id = ANY($1::uuid[]) AND d.status = 'active'
        ORDER BY array_position($1::uuid[], d.id) LIMIT $2`,
      [ids, limit],
    )
    return rows
  }
  return (await featuredDesigners(pool)).slice(0, limit)
}
