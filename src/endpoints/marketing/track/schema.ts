import { z } from 'zod'

import { CHANNELS } from '../../../config/vocabularies'

export const TRACK_MAX_EVENTS = 100
export const TRACK_MAX_BYTES = 256 * 1024

export const id = (what: string) => z.uuid({ message: `must be the ${what}'s id (a uuid)` })
const trackEvent = z
  .object({
    type: z.string().regex(/^[a-z][a-z0-9_.:-]{0,49}$/, 'must be 1-50 lower-case letters, digits, _ . : or -, starting with a letter'),
    source: z.string().regex(/^[a-z0-9][a-z0-9_.:/-]{0,49}$/i, 'must be 1-50 letters, digits, _ . : / or -'),
    sessionId: z
      .string()
      .min(8, 'must be at least 8 characters')
      .max(100, 'is at most 100 characters')
      .regex(/^[\w.:-]+$/, 'may hold letters, digits, _ . : and -')
      .optional(),
    event: id('event').optional(),
    sponsor: id('sponsor').optional(),
    campaign: id('campaign').optional(),
    channel: z.enum(CHANNELS).optional(),
    occurredAt: z.iso.datetime({ offset: true, message: 'must be an ISO date-time' }).optional(),
    data: z
      .record(z.string(), z.unknown())
      .refine((d) => JSON.stringify(d).length <= 4096, 'is at most 4 KB as JSON')
      .optional(),
  })
  .strict()
export const trackBody = z
  .object({
    events: z.array(trackEvent).min(1, 'must hold at least one event').max(TRACK_MAX_EVENTS, `holds at most ${TRACK_MAX_EVENTS} events`),
  })
  .strict()
