import type { Endpoint } from 'payload'
import { z } from 'zod'

import { poolOf } from '../../../db/pool'
import { contentVersion, memo } from '../../../db/contentCache'
import { eventPage, eventPageContent } from '../../../domain/events/page'
import { errorBody, handle, now, parse, publicJson } from '../../http'

const slugSchema = z.string().regex(/^[a-z0-9-]{1,200}$/, 'slug must be lower-case letters, digits and dashes')

/**
 * GET /api/site/events/:slug: a published event's page (venue, schedule, ticket types with live
 * availability, sponsors). The content is kept per content version in the process; availability
 * is read on every request. Shared caches revalidate every time (availability is live): ETag
 * and 304 save the transfer, never a stale count after a hold.
 */
export const siteEventPageEndpoint: Endpoint = {
  path: '/site/events/:slug',
  method: 'get',
  handler: handle(async (req) => {
    const slug = parse(slugSchema, req.routeParams?.slug)
    const db = poolOf(req.payload)
    const version = await contentVersion(db)
    const page = await eventPage(db, slug, now(), () => memo(`event-page ${slug}`, version, () => eventPageContent(db, slug)))
    if (!page) return errorBody(404, 'unknown_event', 'No such published event.')
    return publicJson(req, page, { sMaxAge: 0, staleWhileRevalidate: 0 })
  }),
}
