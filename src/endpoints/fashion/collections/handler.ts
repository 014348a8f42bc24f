import type { Endpoint } from 'payload'
import { z } from 'zod'

import { can, getPrincipal } from '../../../access/principal'
import { poolOf } from '../../../db/pool'
import { collectionBySlug } from '../../../domain/fashion/readModels'
import { errorBody, handle, json, parse } from '../../http'

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
