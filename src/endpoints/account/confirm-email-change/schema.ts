import { z } from 'zod'

export const confirmEmailChangeSchema = z.object({ token: z.string().min(20, 'token is required').max(200) }).strict()
