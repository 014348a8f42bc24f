import type { Endpoint } from 'payload'

import { poolOf } from '../../../db/pool'
import { listEvents } from '../../../domain/events/listing'
import { handle, now, parse, versionedPublicJson } from '../../http'
import { listingQuery } from './schema'

/**
 * GET /api/site/events?from&to&category&type&city&venue&featured&q&limit&cursor&count
 * Published events as cards, by start date, a page at a time (`nextCursor`); the same answer
 * for every caller, so it is cached per content version (ETag, 304, s-maxage 30 s,
 * stale-while-revalidate 5 min; src/db/contentCache.ts).
 */
export const siteEventsEndpoint: Endpoint = {
  path: '/site/events',
  method: 'get',
  handler: handle(async (req) => {
    const filter = parse(listingQuery, Object.fromEntries(req.searchParams))
    // "Upcoming" moves with the clock: the answer is kept per content version and minute.
    return versionedPublicJson(req, { sMaxAge: 30, staleWhileRevalidate: 300, bucketSeconds: 60 }, () =>
      listEvents(poolOf(req.payload), filter, now()),
    )
  }),
}
