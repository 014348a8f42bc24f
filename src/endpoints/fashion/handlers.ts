import type { Endpoint } from 'payload'
import { z } from 'zod'

import { can, getPrincipal } from '../../access/principal'
import { TRACK_KINDS } from '../../config/vocabularies'
import { collectionBySlug, featuredDesigners, reorderAppearances, runOfShow, trackDesigner, upcomingShows } from '../../domain/fashion/queries'
import { fixedWindowLimiter } from '../../domain/rateLimit'
import { poolOf } from '../../db/pool'
import { errorBody, limitedAddress, handle, json, now, parse, parseJson } from '../http'

const uuid = (what: string) => z.uuid({ message: `the ${what} id must be a uuid` })

/** GET /api/designers/featured */
export const featuredDesignersEndpoint: Endpoint = {
  path: '/featured',
  method: 'get',
  handler: handle(async (req) => json({ designers: await featuredDesigners(poolOf(req.payload)) })),
}

const trackLimiter = fixedWindowLimiter(Number(process.env.TRACK_RATE_PER_MINUTE || 60), 60_000)
export const trackSchema = z.object({ kind: z.enum(TRACK_KINDS), ref: z.uuid({ message: 'ref must be a collection or item id' }).optional() }).strict()

/** POST /api/designers/:id/track { kind, ref? } */
export const trackDesignerEndpoint: Endpoint = {
  path: '/:id/track',
  method: 'post',
  handler: handle(async (req) => {
    const id = parse(uuid('designer'), req.routeParams?.id)
    const body = await parseJson(req, trackSchema)
    const wait = trackLimiter.hit(`${limitedAddress(req)}:${id}`)
    if (wait) return errorBody(429, 'rate_limited', 'Too many tracking calls; slow down.', { retryAfter: wait })
    const counted = await trackDesigner(poolOf(req.payload), id, body.kind, now())
    if (!counted) return errorBody(404, 'unknown_designer', 'No such designer.')
    return json({ counted: true, kind: body.kind }, 202)
  }),
}

/** GET /api/fashion-collections/by-slug/:slug/full */
export const collectionFullEndpoint: Endpoint = {
  path: '/by-slug/:slug/full',
  method: 'get',
  handler: handle(async (req) => {
    const slug = parse(z.string().regex(/^[a-z0-9-]{1,120}$/, 'slug must be lower-case letters, digits and dashes'), req.routeParams?.slug)
    const principal = await getPrincipal(req)
    const c = await collectionBySlug(poolOf(req.payload), slug, can(principal, 'fashion-collections', 'read'))
    return c ? json(c) : errorBody(404, 'unknown_collection', 'No such published collection.')
  }),
}

export const limitSchema = z.coerce.number().int().min(1).max(100).default(10)

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
    const id = parse(uuid('show'), req.routeParams?.id)
    const principal = await getPrincipal(req)
    if (!principal) return errorBody(401, 'unauthorized', 'Sign in to read a run of show.')
    const sheet = await runOfShow(poolOf(req.payload), id)
    if (!sheet || !(can(principal, 'runway-shows', 'read') || String(sheet.organizer) === String(principal.id))) {
      return errorBody(404, 'unknown_show', 'No such runway show.')
    }
    const { organizer: _organizer, ...rest } = sheet
    return json(rest)
  }),
}

export const reorderSchema = z.object({ appearances: z.array(z.uuid()).min(1).max(500) }).strict()

/** POST /api/runway-segments/:id/reorder { appearances: [ids in the new order] } */
export const reorderSegmentEndpoint: Endpoint = {
  path: '/:id/reorder',
  method: 'post',
  handler: handle(async (req) => {
    const id = parse(uuid('segment'), req.routeParams?.id)
    const { appearances } = await parseJson(req, reorderSchema)
    const principal = await getPrincipal(req)
    if (!principal) return errorBody(401, 'unauthorized', 'Sign in to reorder a show.')
    const pool = poolOf(req.payload)
    const { rows: [seg] } = await pool.query(
      `SELECT e.organizer_id FROM runway_segments g JOIN runway_shows s ON s.id = g.show_id JOIN events e ON e.id = s.event_id WHERE g.id = $1`,
      [id],
    )
    if (!seg || !(can(principal, 'runway-shows', 'update') || String(seg.organizer_id) === String(principal.id))) {
      return errorBody(404, 'unknown_segment', 'No such segment.')
    }
    await reorderAppearances(pool, id, appearances)
    return json({ reordered: appearances.length })
  }),
}
