import type { Endpoint } from 'payload'
import { z } from 'zod'

import { can, getPrincipal } from '../../../access/principal'
import { getOrder } from '../../../domain/ticketing/orders'
import { refundPaymentIntent } from '../../../domain/ticketing/payments'
import { organizesEvent } from '../../../domain/ticketing/organizer'
import { errorBody, handle, json, parse, poolOf } from '../../http'

const idSchema = z.uuid({ message: 'the order id must be a uuid' })

/** POST /api/orders/:id/refund: refunds through Stripe; the charge.refunded webhook finishes it. */
export const refundEndpoint: Endpoint = {
  path: '/:id/refund',
  method: 'post',
  handler: handle(async (req) => {
    const principal = await getPrincipal(req)
    if (!principal) return errorBody(401, 'unauthorized', 'Sign in to refund orders.')
    const id = parse(idSchema, req.routeParams?.id)
    const pool = poolOf(req.payload)
    const order = await getOrder(pool, id)
    let allowed = can(principal, 'orders', 'refund')
    if (!allowed && order && can(principal, 'orders', 'refund-own')) {
      allowed = await organizesEvent(pool, order.eventId, principal.id)
    }
    if (!order || !allowed) return errorBody(404, 'unknown_order', 'No such order.')
    if (order.status !== 'completed') return errorBody(409, 'not_refundable', `Only completed orders can be refunded; this one is ${order.status}.`)
    if (!order.paymentIntentId) return errorBody(409, 'not_refundable', 'This order was free: there is no payment to refund.')
    const refund = await refundPaymentIntent(order.paymentIntentId, order.id)
    return json({ refund: { id: refund.id, status: refund.status, amount: refund.amount }, order: { id: order.id, status: order.status } }, 202)
  }),
}
