import { z } from 'zod'

export const checkInSchema = z
  .object({
    code: z.string().trim().min(4, 'code is required').max(64),
    /** The event at whose door the scan happens; door staff assigned to exactly one current event may leave it out. */
    event: z.uuid({ message: 'event must be an event id (uuid)' }).optional(),
  })
  .strict()
