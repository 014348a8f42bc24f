import type { Endpoint } from 'payload'

import { handle, json, parseJson } from '../../http'
import { placeOrder } from './place'
import { createOrderSchema } from './schema'

/** POST /api/checkout/orders { hold, token, billing, discountCode? }: the order and how to pay it. */
export const createOrderEndpoint: Endpoint = {
  path: '/checkout/orders',
  method: 'post',
  handler: handle(async (req) => json(await placeOrder(req, await parseJson(req, createOrderSchema)), 201)),
}
