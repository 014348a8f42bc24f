import { z } from 'zod'

export const codeSchema = z.object({ code: z.string().regex(/^\d{6}$/, 'code must be the 6 digits of your authenticator app') }).strict()
