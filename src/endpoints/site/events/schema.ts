import { z } from 'zod'

import { boolParam as bool, pagingParams as paging } from '../../http'

import { EVENT_TYPES } from '../../../config/vocabularies'

/** GET /api/site/events query: every filter optional; limit 1..50 (default 20). */
export const listingQuery = z
  .object({
    from: z.coerce.date({ message: 'from must be a date (ISO 8601)' }).optional(),
    to: z.coerce.date({ message: 'to must be a date (ISO 8601)' }).optional(),
    category: z
      .string()
      .regex(/^[a-z0-9-]{1,120}$/i, 'category must be a category slug or id')
      .optional(),
    type: z.enum(EVENT_TYPES).optional(),
    city: z.string().min(1).max(120).optional(),
    venue: z.uuid({ message: 'venue must be a venue id' }).optional(),
    featured: bool.optional(),
    q: z.string().min(1).max(200).optional(),
    ...paging(300),
  })
  .strict()
  .refine((x) => !x.from || !x.to || x.from < x.to, { message: 'from must be before to', path: ['to'] })
