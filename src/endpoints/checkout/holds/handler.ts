import type { Endpoint } from 'payload'

import { createHold, releaseHold } from '../../../domain/ticketing/holds'
import { poolOf } from '../../../db/pool'
import { handle, holderOf, json, now, parse, parseJson } from '../../http'
import { createHoldSchema, holdIdSchema, holdTokenSchema } from './schema'

export const createHoldEndpoint: Endpoint = {
  path: '/checkout/holds',
  method: 'post',
  handler: handle(async (req) => {
    const body = await parseJson(req, createHoldSchema)
    const hold = await createHold(
      poolOf(req.payload),
      { items: body.items, buyerSession: body.sessionId ?? (req.user ? `user:${req.user.id}` : null), holder: holderOf(req) },
      now(),
    )
    return json(hold, 201)
  }),
}

export const releaseHoldEndpoint: Endpoint = {
  path: '/checkout/holds/:id',
  method: 'delete',
  handler: handle(async (req) => {
    const id = parse(holdIdSchema, req.routeParams?.id)
    const token = parse(holdTokenSchema, req.headers.get('x-hold-token') ?? '')
    await releaseHold(poolOf(req.payload), id, token, now())
    return new Response(null, { status: 204 })
  }),
}
