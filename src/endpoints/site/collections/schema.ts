import { z } from 'zod'

import { boolParam as bool, pagingParams as paging } from '../../http'

export const SEASONS = ['spring', 'summer', 'fall', 'winter', 'resort', 'pre-fall', 'bridal', 'couture', 'other'] as const

/** GET /api/site/collections query: every filter optional; limit 1..50 (default 20). */
export const collectionListingQuery = z
  .object({
    designer: z
      .string()
      .regex(/^[a-z0-9-]{1,200}$/, 'designer must be a designer slug')
      .optional(),
    season: z.enum(SEASONS).optional(),
    year: z.coerce.number().int().min(1900).max(2200).optional(),
    featured: bool.optional(),
    q: z.string().min(1).max(200).optional(),
    ...paging(),
  })
  .strict()
