import type { Endpoint } from 'payload'

import { poolOf } from '../../../db/pool'
import { listCollections } from '../../../domain/fashion/collectionListing'
import { handle, parse, versionedPublicJson } from '../../http'
import { collectionListingQuery } from './schema'

/** GET /api/site/collections?designer&season&year&featured&q&limit&cursor&count: published collections as cards, by name. */
export const siteCollectionsEndpoint: Endpoint = {
  path: '/site/collections',
  method: 'get',
  handler: handle(async (req) => {
    const filter = parse(collectionListingQuery, Object.fromEntries(req.searchParams))
    return versionedPublicJson(req, { sMaxAge: 60, staleWhileRevalidate: 600 }, () => listCollections(poolOf(req.payload), filter))
  }),
}
