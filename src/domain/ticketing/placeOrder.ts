import type { PayloadRequest } from 'payload'

import { poolOf } from '../../db/pool'
import { UnavailableError } from './errors'
import { abandonOrder, attachPaymentIntent, createOrder, type CreateOrderInput } from './orders'
import { createPaymentIntent } from './payments'

export type PlaceOrderInput = Omit<CreateOrderInput, 'buyerId' | 'ipAddress' | 'userAgent'>

/**
 * Checkout's second step, shared by REST (POST /api/checkout/orders) and GraphQL (createOrder):
 * the order priced on the server from the hold, then a Stripe PaymentIntent (or nothing to pay).
 */
export async function placeOrder(req: PayloadRequest, body: PlaceOrderInput, client: { ipAddress: string | null }, now: Date) {
  const pool = poolOf(req.payload)
  const order = await createOrder(
    pool,
    { ...body, buyerId: req.user ? String(req.user.id) : null, ipAddress: client.ipAddress, userAgent: req.headers.get('user-agent') },
    now,
  )
  if (order.status === 'completed') {
    await req.payload.jobs.queue({ task: 'sendNotifications', input: {}, queue: 'transactional' })
    return { order, payment: { provider: 'none' as const, clientSecret: null, paymentIntent: null } }
  }
  try {
    const pi = await createPaymentIntent({ id: order.id, total: order.total, currency: order.currency, email: body.billing.email })
    await attachPaymentIntent(pool, order.id, pi.id)
    return { order, payment: { provider: 'stripe' as const, clientSecret: pi.clientSecret, paymentIntent: pi.id } }
  } catch (err) {
    req.payload.logger.error({ err, msg: `payment intent for order ${order.id} failed` })
    const { holdExpiresAt } = await abandonOrder(pool, order.id)
    throw new UnavailableError(
      'payment_unavailable',
      holdExpiresAt
        ? `The payment service cannot be reached right now; nothing was charged. Your tickets stay held until ${holdExpiresAt}: place the order again in a minute.`
        : 'The payment service cannot be reached right now; nothing was charged.',
      30,
      { holdExpiresAt },
    )
  }
}
