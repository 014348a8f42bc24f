import type { Endpoint } from 'payload'
import type Stripe from 'stripe'

import { applyPaymentEvent, type PaymentEvent } from '../../../domain/ticketing/paymentEvents'
import { verifyWebhook } from '../../../domain/ticketing/payments'
import { sendRefund } from '../../../domain/ticketing/refunds'
import { poolOf } from '../../../db/pool'
import { errorBody, handle, json } from '../../http'

type StripeObject = {
  id?: string
  object?: string
  amount?: number
  amount_refunded?: number
  refunded?: boolean
  status?: string
  reason?: string | null
  metadata?: Record<string, string>
  payment_intent?: string | { id: string } | null
  last_payment_error?: { code?: string; decline_code?: string; message?: string } | null
}

/** What the payment state machine needs of a Stripe event. */
export function toPaymentEvent(event: Stripe.Event): PaymentEvent {
  const obj = event.data.object as StripeObject
  const paymentIntentId =
    obj.object === 'payment_intent' ? obj.id : typeof obj.payment_intent === 'string' ? obj.payment_intent : obj.payment_intent?.id
  const e = obj.last_payment_error
  return {
    id: event.id,
    type: event.type,
    orderId: obj.metadata?.orderId,
    paymentIntentId,
    amount: typeof obj.amount === 'number' ? obj.amount : null,
    amountRefunded: obj.object === 'charge' ? (obj.amount_refunded ?? (obj.refunded ? obj.amount : null) ?? null) : null,
    failure: e ? [e.decline_code ?? e.code, e.message].filter(Boolean).join(': ') : null,
    dispute:
      obj.object === 'dispute' && obj.id
        ? { id: obj.id, status: String(obj.status), reason: obj.reason ?? null, amount: Number(obj.amount ?? 0) }
        : null,
  }
}

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
    const pool = poolOf(req.payload)
    const result = await applyPaymentEvent(pool, toPaymentEvent(event))
    // Committed: the money goes back now (retried by the sendRefunds job if Stripe is away), the e-mail through the queue.
    if (result.refundId) await sendRefund(pool, result.refundId)
    if (result.outcome !== 'duplicate' && result.outcome !== 'ignored') {
      await req.payload.jobs.queue({ task: 'sendNotifications', input: {}, queue: 'transactional' })
    }
    return json({ received: true, outcome: result.outcome })
  }),
}
