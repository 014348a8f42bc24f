import { z } from 'zod'

export const limitSchema = z.coerce.number().int().min(1).max(100).default(10)
export const reorderSchema = z.object({ appearances: z.array(z.uuid()).min(1).max(500) }).strict()
