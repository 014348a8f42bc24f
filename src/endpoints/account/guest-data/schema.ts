import { z } from 'zod'

export const guestRequestSchema = z.object({ email: z.email({ message: 'email must be an e-mail address' }).max(254) }).strict()
export const guestExportQuery = z.string().min(20, 'token is required').max(200)
