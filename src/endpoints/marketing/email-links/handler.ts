import type { Endpoint } from 'payload'
import { z } from 'zod'

import { poolOf } from '../../../db/pool'
import { recordClick, recordOpen, unsubscribe } from '../../../domain/marketing/tracking'
import { errorBody, handle, now, parse } from '../../http'

const token = z.string().regex(/^[0-9a-f]{64}$/, 'is not a tracking token')
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64')

/** GET /api/m/o/:token: the open pixel (always the same GIF; counts a recipient's first open). */
export const openPixelEndpoint: Endpoint = {
  path: '/m/o/:token',
  method: 'get',
  handler: async (req) => {
    const t = token.safeParse(req.routeParams?.token)
    if (t.success)
      await recordOpen(poolOf(req.payload), t.data, now()).catch((err) => req.payload.logger.warn({ err, msg: 'open tracking failed' }))
    return new Response(PIXEL, {
      status: 200,
      headers: { 'content-type': 'image/gif', 'cache-control': 'no-store, private', 'content-length': String(PIXEL.length) },
    })
  },
}

/** GET /api/m/c/:token?l=N: redirects to link N of the email (only links in the email), counting the first click. */
export const clickEndpoint: Endpoint = {
  path: '/m/c/:token',
  method: 'get',
  handler: handle(async (req) => {
    const t = parse(token, req.routeParams?.token)
    const l = parse(z.coerce.number().int().min(0).max(1000), req.searchParams.get('l'))
    const url = await recordClick(poolOf(req.payload), t, l, now())
    if (!url) return errorBody(404, 'unknown_link', 'This link is not part of any email we sent.')
    return new Response(null, { status: 302, headers: { location: url, 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' } })
  }),
}

const page = (title: string, body: string, status = 200) =>
  new Response(
    `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${title}</title></head><body style="font-family:system-ui;max-width:32rem;margin:4rem auto;padding:0 1rem"><h1>${title}</h1>${body}</body></html>`,
    {
      status,
      headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
    },
  )

/** GET /api/m/u/:token: asks to confirm (link scanners must not unsubscribe anyone). */
export const unsubscribePageEndpoint: Endpoint = {
  path: '/m/u/:token',
  method: 'get',
  handler: async (req) => {
    const t = token.safeParse(req.routeParams?.token)
    if (!t.success) return page('Link not recognised', '<p>This unsubscribe link is not valid.</p>', 404)
    return page(
      'Unsubscribe',
      `<p>Stop receiving news and offers from Fashionistas?</p><form method="post"><button type="submit">Unsubscribe</button></form>`,
    )
  },
}

/** POST /api/m/u/:token: unsubscribes (the page's button, and RFC 8058 one-click from mail clients). */
export const unsubscribeEndpoint: Endpoint = {
  path: '/m/u/:token',
  method: 'post',
  handler: async (req) => {
    const t = token.safeParse(req.routeParams?.token)
    if (!t.success) return page('Link not recognised', '<p>This unsubscribe link is not valid.</p>', 404)
    const result = await unsubscribe(poolOf(req.payload), t.data, now())
    if (result === 'unknown') return page('Link not recognised', '<p>This unsubscribe link is not valid.</p>', 404)
    return page(
      'You are unsubscribed',
      '<p>You will receive no more marketing email from us. Account and ticket email still reach you.</p>',
    )
  },
}
