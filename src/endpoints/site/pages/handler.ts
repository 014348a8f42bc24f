import type { Endpoint } from 'payload'
import { z } from 'zod'

import { contentVersion, memo } from '../../../db/contentCache'
import { poolOf } from '../../../db/pool'
import { slugs } from '../../../config/slugs'
import { errorBody, handle, parse } from '../../http'

const pageSlug = z.string().regex(/^(_home|[a-z0-9-]{1,200})$/, 'slug must be a page slug (or _home for the homepage)')

/**
 * GET /api/site/pages/:slug (`_home`: the homepage): a published page with its blocks, read
 * through the Local API with the caller's access (members-only pages need a signed-in caller).
 * Anonymous answers are shared: cached per content version in the process, ETag/304, and the
 * page's own `cacheTtl` as s-maxage (stale-while-revalidate as long again). A signed-in or
 * API-key caller gets `private, no-cache`: what they may read is not what everyone may.
 */
export const sitePageEndpoint: Endpoint = {
  path: '/site/pages/:slug',
  method: 'get',
  handler: handle(async (req) => {
    const slug = parse(pageSlug, req.routeParams?.slug)
    const personal = Boolean(req.user) || req.headers.has('authorization')
    const db = poolOf(req.payload)
    const version = await contentVersion(db)
    const etag = `W/"c${version}${personal ? '.p' : ''}"`
    const load = async () => {
      const found = await req.payload.find({
        collection: slugs.pages,
        where: {
          and: [slug === '_home' ? { isHomepage: { equals: true } } : { slug: { equals: slug } }, { _status: { equals: 'published' } }],
        },
        limit: 1,
        depth: 1,
        draft: false,
        overrideAccess: false,
        user: req.user,
        req,
      })
      return found.docs[0] ?? null
    }
    const page = personal ? await load() : await memo(`site-page ${slug}`, version, load)
    if (!page) return errorBody(404, 'unknown_page', 'No such published page.')
    const ttl = Math.max(0, Number(page.cacheTtl ?? 0))
    const headers: Record<string, string> = {
      etag,
      vary: 'Accept-Encoding, Authorization, Cookie',
      'cache-control': personal || ttl === 0 ? 'private, no-cache' : `public, max-age=0, s-maxage=${ttl}, stale-while-revalidate=${ttl}`,
    }
    const held = req.headers.get('if-none-match')
    if (held && held.split(',').some((t) => t.trim() === etag)) return new Response(null, { status: 304, headers })
    return new Response(JSON.stringify(page), { status: 200, headers: { 'content-type': 'application/json', ...headers } })
  }),
}
