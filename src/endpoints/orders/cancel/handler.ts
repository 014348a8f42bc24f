import type { Endpoint } from 'payload'

import { cancelOrder } from '../../../domain/ticketing/cancellation'
import { poolOf } from '../../../db/pool'
import { handle, json, parse, requirePrincipal, uuidParam } from '../../http'

/** POST /api/orders/:id/cancel: a free order cancelled (organizer, admin, or the buyer before the cut-off). */
export const cancelOrderEndpoint: Endpoint = {
  path: '/:id/cancel',
  method: 'post',
  handler: handle(async (req) => {
    const principal = await requirePrincipal(req, 'cancel an order')
    const id = parse(uuidParam('order'), req.routeParams?.id)
    return json(await cancelOrder(poolOf(req.payload), id, principal))
  }),
}
