import type { Endpoint } from 'payload'

import { slugs } from '../../../config/slugs'
import { computeSegment, loadSegment } from '../../../domain/marketing/segments'
import { errorBody, handle, json, parse, requirePermission, uuidParam } from '../../http'

/** POST /api/marketing-segments/:id/compute: recounts the segment now. */
export const computeSegmentEndpoint: Endpoint = {
  path: '/:id/compute',
  method: 'post',
  handler: handle(async (req) => {
    const segmentId = parse(uuidParam('segment'), req.routeParams?.id)
    await requirePermission(req, slugs.marketingSegments, 'update', 'recompute segments')
    const segment = await loadSegment(req, segmentId)
    if (!segment) return errorBody(404, 'unknown_segment', 'No such segment.')
    return json(await computeSegment(req, segment))
  }),
}
