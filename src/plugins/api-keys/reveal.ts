import type { Endpoint } from 'payload'

import { takeReveal } from './keys'

/** POST /api/api-keys/:id/reveal: the creator sees the full key once, shortly after creating it. */
export const revealEndpoint: Endpoint = {
  path: '/:id/reveal',
  method: 'post',
  handler: async (req) => {
    if (!req.user) return Response.json({ error: 'unauthorized', message: 'Sign in.' }, { status: 401 })
    const key = takeReveal(String(req.routeParams?.id), String(req.user.id))
    if (!key) return Response.json({ error: 'gone', message: 'The key was shown once already (or this is another server); create a new key if it is lost.' }, { status: 410 })
    return Response.json({ key }, { headers: { 'cache-control': 'no-store' } })
  },
}
