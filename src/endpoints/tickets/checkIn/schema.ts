import { z } from 'zod'

export const checkInSchema = z.object({ code: z.string().trim().min(4, 'code is required').max(64) }).strict()
