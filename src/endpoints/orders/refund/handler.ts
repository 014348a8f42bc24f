import type { Endpoint } from 'payload'

import { roleOnOrder } from '../../../domain/ticketing/authorize'
import { requestRefund, sendRefund } from '../../../domain/ticketing/refunds'
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
    const pool = poolOf(req.payload)
    const done = await requestRefund(pool, {
      orderId: id,
      spec,
      actor: String(principal.id),
      allowed: async (o) => (await roleOnOrder(pool, principal, o, 'refund')) === 'manager',
    })
    done.refund.status = await sendRefund(pool, done.refund.id).then((s) => (s === 'skipped' ? done.refund.status : s))
    return json(done, 202)
  }),
}
