import type { Endpoint } from 'payload'

import { poolOf } from '../../../db/pool'
import { listDesigners } from '../../../domain/fashion/designerListing'
import { handle, parse, versionedPublicJson } from '../../http'
import { designerListingQuery } from './schema'

/** GET /api/site/designers?featured&verified&specialty&country&q&limit&cursor&count: active designers as cards, by name. */
export const siteDesignersEndpoint: Endpoint = {
  path: '/site/designers',
  method: 'get',
  handler: handle(async (req) => {
    const filter = parse(designerListingQuery, Object.fromEntries(req.searchParams))
    return versionedPublicJson(req, { sMaxAge: 60, staleWhileRevalidate: 600 }, () => listDesigners(poolOf(req.payload), filter))
  }),
}
