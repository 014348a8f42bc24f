import type { Endpoint } from 'payload'

import { can } from '../../../access/principal'
import { poolOf } from '../../../db/pool'
import { reorderSegment } from '../../../domain/fashion/commands'
import { runOfShow, upcomingShows } from '../../../domain/fashion/readModels'
import { errorBody, handle, json, now, parse, parseJson, requirePrincipal, uuidParam } from '../../http'
import { limitSchema, reorderSchema } from './schema'

/** GET /api/runway-shows/upcoming?limit= */
export const upcomingShowsEndpoint: Endpoint = {
  path: '/upcoming',
  method: 'get',
  handler: handle(async (req) => {
    const limit = parse(limitSchema, req.searchParams.get('limit') ?? undefined)
    return json({ shows: await upcomingShows(poolOf(req.payload), now(), limit) })
  }),
}

/** GET /api/runway-shows/:id/run-of-show: the producer's sheet (the show's organizer, `runway-shows:read`). */
export const runOfShowEndpoint: Endpoint = {
  path: '/:id/run-of-show',
  method: 'get',
  handler: handle(async (req) => {
    const id = parse(uuidParam('show'), req.routeParams?.id)
    const principal = await requirePrincipal(req, 'read a run of show')
    const sheet = await runOfShow(poolOf(req.payload), id)
    if (!sheet || !(can(principal, 'runway-shows', 'read') || String(sheet.organizer) === String(principal.id))) {
      return errorBody(404, 'unknown_show', 'No such runway show.')
    }
    const { organizer: _organizer, ...rest } = sheet
    return json(rest)
  }),
}

/** POST /api/runway-segments/:id/reorder { appearances: [ids in the new order] } */
export const reorderSegmentEndpoint: Endpoint = {
  path: '/:id/reorder',
  method: 'post',
  handler: handle(async (req) => {
    const id = parse(uuidParam('segment'), req.routeParams?.id)
    const { appearances } = await parseJson(req, reorderSchema)
    const principal = await requirePrincipal(req, 'reorder a show')
    return json(await reorderSegment(poolOf(req.payload), principal, id, appearances))
  }),
}
