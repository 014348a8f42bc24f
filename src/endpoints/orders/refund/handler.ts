import type { Endpoint } from 'payload'

import { refundOrder } from '../../../domain/ticketing/refunds'
import { poolOf } from '../../../db/pool'
import { handle, json, parse, readJson, requirePrincipal } from '../../http'
import { orderIdSchema, refundSchema } from './schema'

/**
 * POST /api/orders/:id/refund { tickets? | amount? }: decides and records the refund (tickets
 * voided, capacity back), then sends it to Stripe. 202 with the refund's status.
 */
export const refundEndpoint: Endpoint = {
  path: '/:id/refund',
  method: 'post',
  handler: handle(async (req) => {
    const principal = await requirePrincipal(req, 'refund orders')
    const id = parse(orderIdSchema, req.routeParams?.id)
    const spec = parse(refundSchema, (await readJson(req)) ?? {})
    return json(await refundOrder(poolOf(req.payload), principal, id, spec), 202)
  }),
}
