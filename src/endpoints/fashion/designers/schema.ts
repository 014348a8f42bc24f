import { z } from 'zod'

import { TRACK_KINDS } from '../../../config/vocabularies'

export const trackSchema = z
  .object({ kind: z.enum(TRACK_KINDS), ref: z.uuid({ message: 'ref must be a collection or item id' }).optional() })
  .strict()
