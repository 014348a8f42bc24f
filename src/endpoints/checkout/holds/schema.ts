import { z } from 'zod'

export const createHoldSchema = z
  .object({
    items: z
      .array(
        z
          .object({ ticketType: z.uuid({ message: 'ticketType must be a ticket type id' }), quantity: z.number().int().min(1).max(100) })
          .strict(),
      )
      .min(1, 'items must hold at least one line')
      .max(20),
    sessionId: z.string().min(8).max(128).optional(),
  })
  .strict()

export const holdIdSchema = z.uuid({ message: 'the hold id must be a uuid' })
export const holdTokenSchema = z.string().min(20, 'x-hold-token header is required').max(200)
