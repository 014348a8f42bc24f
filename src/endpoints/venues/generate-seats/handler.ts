import type { Endpoint } from 'payload'
import { z } from 'zod'

import { getPrincipal } from '../../../access/principal'
import { poolOf } from '../../../db/pool'
import { generateSeats } from '../../../domain/venues/generateSeats'
import { errorBody, handle, json, parse, parseJson, uuidParam } from '../../http'

export const generateSeatsSchema = z
  .object({
    rows: z.number().int().min(1).max(100),
    seatsPerRow: z.number().int().min(1).max(200),
    firstRow: z
      .string()
      .regex(/^[A-Za-z]{1,3}$/, 'firstRow must be one to three letters')
      .optional(),
    firstNumber: z.number().int().min(0).max(10_000).optional(),
    seatSpacing: z.number().min(1).max(1000).optional(),
    rowSpacing: z.number().min(1).max(1000).optional(),
    origin: z
      .object({ x: z.number().min(-100_000).max(100_000), y: z.number().min(-100_000).max(100_000) })
      .strict()
      .optional(),
  })
  .strict()

/** POST /api/venue-sections/:id/generate-seats: the section's seats by rows and numbers (the venue's manager). */
export const generateSeatsEndpoint: Endpoint = {
  path: '/:id/generate-seats',
  method: 'post',
  handler: handle(async (req) => {
    const id = parse(uuidParam('section'), req.routeParams?.id)
    const body = await parseJson(req, generateSeatsSchema)
    const principal = await getPrincipal(req)
    if (!principal) return errorBody(401, 'unauthorized', 'Sign in to generate seats.')
    return json(await generateSeats(poolOf(req.payload), principal, id, body), 201)
  }),
}
