import { z } from 'zod'

export const createHoldSchema = z
  .object({
    items: z
      .array(
        z
          .object({
            ticketType: z.uuid({ message: 'ticketType must be a ticket type id' }),
            quantity: z.number().int().min(1).max(100).optional(),
            seats: z
              .array(z.uuid({ message: 'seats must be seat ids' }))
              .min(1, 'seats must name at least one seat')
              .max(100)
              .optional(),
            together: z.boolean().optional(),
          })
          .strict()
          .refine((l) => (l.quantity === undefined) !== (l.seats === undefined), {
            message: 'give either quantity or seats',
            path: ['quantity'],
          })
          .refine((l) => !l.together || l.quantity !== undefined, { message: 'together goes with quantity', path: ['together'] }),
      )
      .min(1, 'items must hold at least one line')
      .max(20),
    sessionId: z.string().min(8).max(128).optional(),
  })
  .strict()

export const holdIdSchema = z.uuid({ message: 'the hold id must be a uuid' })
export const holdTokenSchema = z.string().min(20, 'x-hold-token header is required').max(200)
