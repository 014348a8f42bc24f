import type { Endpoint } from 'payload'

import { applyPaymentEvent } from '../../../domain/ticketing/orders'
import { verifyWebhook } from '../../../domain/ticketing/payments'
import { sendOrderConfirmation } from '../../../domain/ticketing/notify'
import { errorBody, handle, json, now, poolOf } from '../../http'

type StripeObject = { id?: string; object?: string; metadata?: Record<string, string>; payment_intent?: string | { id: string } }

/** Stripe webhooks, verified with the SDK's signature check and applied exactly once. */
export const stripeWebhookEndpoint: Endpoint = {
  path: '/stripe/webhook',
  method: 'post',
  handler: handle(async (req) => {
    const raw = req.text ? await req.text() : ''
    let event
    try {
      event = verifyWebhook(raw, req.headers.get('stripe-signature'))
    } catch (err) {
      return errorBody(400, 'invalid_signature', `Webhook signature verification failed: ${(err as Error).message}`)
    }
    const obj = event.data.object as StripeObject
    const paymentIntentId =
      obj.object === 'payment_intent' ? obj.id : typeof obj.payment_intent === 'string' ? obj.payment_intent : obj.payment_intent?.id
    const result = await applyPaymentEvent(poolOf(req.payload), { id: event.id, type: event.type, orderId: obj.metadata?.orderId, paymentIntentId }, now())
    if (result.outcome === 'completed' && result.orderId) await sendOrderConfirmation(req.payload, result.orderId)
    return json({ received: true, outcome: result.outcome })
  }),
}
