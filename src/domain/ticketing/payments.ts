import Stripe from 'stripe'

/**
 * The real Stripe SDK. Production sets STRIPE_SECRET_KEY (and STRIPE_WEBHOOK_SECRET) only.
 * STRIPE_API_BASE points the SDK at another host (the local fake in tests and demo mode).
 */
export const DEMO_STRIPE_KEY = 'sk_test_fashionistas_local_demo'
export const DEMO_WEBHOOK_SECRET = 'whsec_fashionistas_local_demo'

let cached: { key: string; base: string | undefined; client: Stripe } | undefined

export function stripeClient(): Stripe {
  const key = process.env.STRIPE_SECRET_KEY || DEMO_STRIPE_KEY
  const base = process.env.STRIPE_API_BASE || undefined
  if (cached && cached.key === key && cached.base === base) return cached.client
  const config: Stripe.StripeConfig = { maxNetworkRetries: 1, timeout: 10_000, telemetry: false }
  if (base) {
    const u = new URL(base)
    config.host = u.hostname
    config.port = Number(u.port || (u.protocol === 'https:' ? 443 : 80))
    config.protocol = u.protocol === 'http:' ? 'http' : 'https'
  }
  cached = { key, base, client: new Stripe(key, config) }
  return cached.client
}

export function webhookSecret(): string {
  const secret = process.env.STRIPE_WEBHOOK_SECRET
  if (secret) return secret
  if (process.env.STRIPE_SECRET_KEY) throw new Error('STRIPE_WEBHOOK_SECRET must be set when STRIPE_SECRET_KEY is.')
  return DEMO_WEBHOOK_SECRET
}

/**
 * The payment methods a PaymentIntent may use. By default `card` only: cards settle at once,
 * so a hold never has to outlive its payment window. Set STRIPE_PAYMENT_METHOD_TYPES (comma
 * separated, e.g. `card,sepa_debit`) to allow methods that settle later: their orders go to
 * `processing` and keep their seats for CHECKOUT_PROCESSING_HOURS; `automatic` lets Stripe
 * choose from the dashboard's settings.
 */
export const paymentMethodTypes = (): string[] | 'automatic' => {
  const raw = (process.env.STRIPE_PAYMENT_METHOD_TYPES || 'card').trim()
  return raw === 'automatic'
    ? 'automatic'
    : raw
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
}

/** One PaymentIntent per order: the order id is its idempotency key and its metadata. */
export async function createPaymentIntent(order: { id: string; total: number; currency: string; email: string }) {
  const methods = paymentMethodTypes()
  const pi = await stripeClient().paymentIntents.create(
    {
      amount: order.total,
      currency: order.currency.toLowerCase(),
      metadata: { orderId: order.id },
      receipt_email: order.email,
      ...(methods === 'automatic' ? { automatic_payment_methods: { enabled: true } } : { payment_method_types: methods }),
    },
    { idempotencyKey: `order-${order.id}` },
  )
  return { id: pi.id, clientSecret: pi.client_secret ?? '' }
}

/**
 * Cancels a PaymentIntent so it can no longer be paid (its order lapsed). Returns false when
 * Stripe says it is past cancelling (it succeeded or is processing): the payment's own
 * webhook then settles the order, as a late payment.
 */
export async function cancelPaymentIntent(paymentIntentId: string, orderId: string): Promise<boolean> {
  try {
    await stripeClient().paymentIntents.cancel(
      paymentIntentId,
      { cancellation_reason: 'abandoned' },
      { idempotencyKey: `cancel-${orderId}` },
    )
    return true
  } catch (err) {
    if (err instanceof Stripe.errors.StripeInvalidRequestError) return false
    throw err
  }
}

/** One Stripe refund per platform refund row: the row id is the idempotency key, so a retry never refunds twice. */
export async function createRefund(args: { paymentIntentId: string; amount: number; orderId: string; refundId: string }) {
  return stripeClient().refunds.create(
    { payment_intent: args.paymentIntentId, amount: args.amount, metadata: { orderId: args.orderId, refundId: args.refundId } },
    { idempotencyKey: `refund-${args.refundId}` },
  )
}

/** A refusal Stripe will repeat however often it is asked (invalid request), as opposed to an outage. */
export const isPermanentStripeError = (err: unknown) =>
  err instanceof Stripe.errors.StripeInvalidRequestError || err instanceof Stripe.errors.StripeCardError

/** Verifies a webhook with the SDK's own signature check; throws on a bad or missing signature. */
export function verifyWebhook(rawBody: string, signature: string | null): Stripe.Event {
  if (!signature) throw new Error('Missing Stripe-Signature header.')
  return stripeClient().webhooks.constructEvent(rawBody, signature, webhookSecret())
}
