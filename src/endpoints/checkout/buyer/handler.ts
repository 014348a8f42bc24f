import type { Endpoint } from 'payload'
import { z } from 'zod'

import { poolOf } from '../../../db/pool'
import { demoPay, orderForHolder } from '../../../domain/ticketing/buyerOrder'
import { handle, json, parse, parseJson, uuidParam } from '../../http'

const tokenSchema = z.string().min(20, 'the hold token is required').max(200)
export const demoPaySchema = z.object({ token: tokenSchema }).strict()

/** GET /api/checkout/orders/:id (x-hold-token): the buyer's order, its status and tickets (codes and seats). */
export const buyerOrderEndpoint: Endpoint = {
  path: '/checkout/orders/:id',
  method: 'get',
  handler: handle(async (req) => {
    const id = parse(uuidParam('order'), req.routeParams?.id)
    const token = parse(tokenSchema, req.headers.get('x-hold-token') ?? '')
    return json(await orderForHolder(poolOf(req.payload), id, token), 200, { 'cache-control': 'private, no-store' })
  }),
}

/** POST /api/checkout/orders/:id/demo-pay { token }: local demo mode only; pays with a test card at the Stripe fake. */
export const demoPayEndpoint: Endpoint = {
  path: '/checkout/orders/:id/demo-pay',
  method: 'post',
  handler: handle(async (req) => {
    const id = parse(uuidParam('order'), req.routeParams?.id)
    const { token } = await parseJson(req, demoPaySchema)
    return json(await demoPay(poolOf(req.payload), id, token))
  }),
}
