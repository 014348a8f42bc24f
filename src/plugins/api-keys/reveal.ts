import type { Endpoint } from 'payload'
import { z } from 'zod'

import { takeReveal } from './keys'

const idSchema = z.uuid()

const answer = (status: number, body: unknown) => Response.json(body, { status, headers: { 'cache-control': 'no-store' } })

/** POST /api/api-keys/:id/reveal: the creator sees the full key once, shortly after creating it. */
export const revealEndpoint: Endpoint = {
  path: '/:id/reveal',
  method: 'post',
  handler: async (req) => {
    const id = idSchema.safeParse(req.routeParams?.id)
    if (!id.success) return answer(400, { error: 'invalid_request', message: 'Invalid id: the key id must be a uuid.' })
    if (!req.user) return answer(401, { error: 'unauthorized', message: 'Sign in.' })
    const key = takeReveal(id.data, String(req.user.id))
    if (!key)
      return answer(410, {
        error: 'gone',
        message: 'The key was shown once already (or this is another server); create a new key if it is lost.',
      })
    return answer(200, { key })
  },
}
