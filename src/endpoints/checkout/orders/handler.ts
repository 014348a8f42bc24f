import type { Endpoint } from 'payload'

import { placeOrder } from '../../../domain/ticketing/placeOrder'
import { clientIp, handle, json, now, parseJson } from '../../http'
import { createOrderSchema } from './schema'

/** POST /api/checkout/orders { hold, token, billing, discountCode? }: the order and how to pay it. */
export const createOrderEndpoint: Endpoint = {
  path: '/checkout/orders',
  method: 'post',
  handler: handle(async (req) =>
    json(await placeOrder(req, await parseJson(req, createOrderSchema), { ipAddress: clientIp(req) }, now()), 201),
  ),
}
