import type { Endpoint } from 'payload'
import { z } from 'zod'

import { getPrincipal } from '../../access/principal'
import { search, SEARCH_TYPES, type SearchType } from '../../domain/search'
import { poolOf } from '../../db/pool'
import { handle, json, parse } from '../http'

export const searchQuery = z.object({
  q: z.string().trim().min(1, 'must not be empty').max(200, 'is at most 200 characters'),
  types: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (!v) return [...SEARCH_TYPES]
      const list = [
        ...new Set(
          v
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
        ),
      ]
      const bad = list.filter((t) => !(SEARCH_TYPES as readonly string[]).includes(t))
      if (bad.length) ctx.addIssue({ code: 'custom', message: `unknown type(s) ${bad.join(', ')}; known: ${SEARCH_TYPES.join(', ')}` })
      return list as SearchType[]
    }),
  limit: z.coerce.number().int().min(1).max(50).default(20),
})

/** GET /api/search?q=&types=events,designers,...&limit=: ranked hits across types, only what the caller may read. */
export const searchEndpoint: Endpoint = {
  path: '/search',
  method: 'get',
  handler: handle(async (req) => {
    const p = parse(searchQuery, Object.fromEntries(req.searchParams.entries()))
    const hits = await search(poolOf(req.payload), p.q, { types: p.types, limit: p.limit, principal: await getPrincipal(req) })
    return json({ q: p.q, hits })
  }),
}
