import { z } from 'zod'

import { EVENT_TYPES } from '../../../config/vocabularies'

const bool = z.enum(['true', 'false'], { message: 'must be true or false' }).transform((v) => v === 'true')

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
    limit: z.coerce.number().int().min(1).max(50).default(20),
    cursor: z.string().min(10).max(300).optional(),
    count: bool.optional(),
  })
  .strict()
  .refine((x) => !x.from || !x.to || x.from < x.to, { message: 'from must be before to', path: ['to'] })
