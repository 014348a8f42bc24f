import type { Endpoint } from 'payload'

import { poolOf } from '../../../db/pool'
import { trackDesigner } from '../../../domain/fashion/commands'
import { featuredDesigners } from '../../../domain/fashion/readModels'
import { hitSharedLimit } from '../../../plugins/api-keys'
import { errorBody, handle, json, limitedAddress, now, parse, parseJson, uuidParam } from '../../http'
import { trackSchema } from './schema'

/** GET /api/designers/featured */
export const featuredDesignersEndpoint: Endpoint = {
  path: '/featured',
  method: 'get',
  handler: handle(async (req) => json({ designers: await featuredDesigners(poolOf(req.payload)) })),
}

const trackPerMinute = () => Number(process.env.TRACK_RATE_PER_MINUTE || 60)
/** POST /api/designers/:id/track { kind, ref? } */
export const trackDesignerEndpoint: Endpoint = {
  path: '/:id/track',
  method: 'post',
  handler: handle(async (req) => {
    const id = parse(uuidParam('designer'), req.routeParams?.id)
    const body = await parseJson(req, trackSchema)
    const wait = await hitSharedLimit(req.payload, `designer-track:${limitedAddress(req)}:${id}`, trackPerMinute())
    if (wait) return errorBody(429, 'rate_limited', 'Too many tracking calls; slow down.', { retryAfter: wait })
    const counted = await trackDesigner(poolOf(req.payload), id, body.kind, now())
    if (!counted) return errorBody(404, 'unknown_designer', 'No such designer.')
    return json({ counted: true, kind: body.kind }, 202)
  }),
}
