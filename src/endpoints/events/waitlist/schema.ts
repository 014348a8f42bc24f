import { z } from 'zod'

export const joinWaitlistSchema = z
  .object({
    ticketType: z.uuid({ message: 'ticketType must be a ticket type id' }),
    quantity: z.number().int().min(1).max(100),
    email: z.email({ message: 'email must be an e-mail address' }).max(254),
    name: z.string().trim().min(1, 'name is required').max(200),
  })
  .strict()

/** The token from the confirmation e-mail (double opt-in). */
export const confirmWaitlistSchema = z.object({ token: z.string().min(20, 'token is required').max(200) }).strict()

export const waitlistTokenHeader = z.string().min(20, 'x-waitlist-token header is required').max(200)

/** Joins per e-mail address per minute (the per-address limit is the gate's `waitlist` rule). */
export const joinsPerEmailPerMinute = () => Number(process.env.WAITLIST_EMAIL_RATE_PER_MINUTE || 3)
