import { z } from 'zod'

import { boolParam as bool, pagingParams as paging } from '../../http'

/** GET /api/site/designers query: every filter optional; limit 1..50 (default 20). */
export const designerListingQuery = z
  .object({
    featured: bool.optional(),
    verified: bool.optional(),
    specialty: z.string().min(1).max(100).optional(),
    country: z.string().min(1).max(100).optional(),
    q: z.string().min(1).max(200).optional(),
    ...paging(),
  })
  .strict()
