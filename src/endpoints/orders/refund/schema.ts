import { z } from 'zod'
import { uuidParam } from '../../http'

export const orderIdSchema = uuidParam('order')

/** Nothing: refund what is left. `tickets`: those tickets (their prices). `amount`: that much, in minor units. */
export const refundSchema = z
  .object({
    tickets: z
      .array(z.uuid({ message: 'each ticket must be a ticket id (uuid)' }))
      .min(1)
      .max(500)
      .optional(),
    amount: z.number().int('amount is a whole number of minor units').positive('amount must be positive').optional(),
  })
  .strict()
  .refine((b) => !(b.tickets && b.amount != null), { message: 'give tickets or amount, not both', path: ['amount'] })
