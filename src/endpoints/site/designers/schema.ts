import { z } from 'zod'

const bool = z.enum(['true', 'false'], { message: 'must be true or false' }).transform((v) => v === 'true')

/** GET /api/site/designers query: every filter optional; limit 1..50 (default 20). */
export const designerListingQuery = z
  .object({
    featured: bool.optional(),
    verified: bool.optional(),
    specialty: z.string().min(1).max(100).optional(),
    country: z.string().min(1).max(100).optional(),
    q: z.string().min(1).max(200).optional(),
    limit: z.coerce.number().int().min(1).max(50).default(20),
    cursor: z.string().min(10).max(600).optional(),
    count: bool.optional(),
  })
  .strict()
