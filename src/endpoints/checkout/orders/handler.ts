import type { Endpoint } from 'payload'

import { abandonOrder, attachPaymentIntent, createOrder } from '../../../domain/ticketing/orders'
import { createPaymentIntent } from '../../../domain/ticketing/payments'
import { sendOrderConfirmation } from '../../../domain/ticketing/notify'
import { clientIp, errorBody, handle, json, now, parseJson, poolOf } from '../../http'
import { createOrderSchema } from './schema'

export const createOrderEndpoint: Endpoint = {
  path: '/checkout/orders',
  method: 'post',
  handler: handle(async (req) => {
    const body = await parseJson(req, createOrderSchema)
    const pool = poolOf(req.payload)
    const order = await createOrder(
      pool,
      { ...body, buyerId: req.user ? String(req.user.id) : null, ipAddress: clientIp(req), userAgent: req.headers.get('user-agent') },
      now(),
    )
    if (order.status === 'completed') {
      await sendOrderConfirmation(req.payload, order.id)
      return json({ order, payment: { provider: 'none' } }, 201)
    }
    try {
      const pi = await createPaymentIntent({ id: order.id, total: order.total, currency: order.currency, email: body.billing.email })
      await attachPaymentIntent(pool, order.id, pi.id)
      return json({ order, payment: { provider: 'stripe', clientSecret: pi.clientSecret, paymentIntent: pi.id } }, 201)
    } catch (err) {
      req.payload.logger.error({ err, msg: `payment intent for order ${order.id} failed` })
      await abandonOrder(pool, order.id, now())
      return errorBody(502, 'payment_unavailable', 'The payment provider could not be reached; nothing was charged and the tickets were released.')
    }
  }),
}
