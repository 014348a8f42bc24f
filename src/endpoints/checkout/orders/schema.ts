import { z } from 'zod'

export const createOrderSchema = z
  .object({
    hold: z.uuid({ message: 'hold must be the id returned by POST /api/checkout/holds' }),
    token: z.string().min(20, 'token must be the hold token').max(200),
    discountCode: z.string().trim().min(1).max(40).optional(),
    billing: z
      .object({
        email: z.email({ message: 'billing.email must be an email address' }),
        name: z.string().trim().min(1, 'billing.name is required').max(200),
        phone: z.string().trim().max(40).optional(),
        address: z
          .object({
            line1: z.string().max(200).optional(),
            line2: z.string().max(200).optional(),
            city: z.string().max(100).optional(),
            postalCode: z.string().max(20).optional(),
            state: z.string().max(100).optional(),
            country: z.string().max(2).optional(),
          })
          .strict()
          .optional(),
      })
      .strict(),
  })
  .strict()
