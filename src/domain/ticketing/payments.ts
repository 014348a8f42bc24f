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

/** One PaymentIntent per order: the order id is its idempotency key and its metadata. */
export async function createPaymentIntent(order: { id: string; total: number; currency: string; email: string }) {
  const pi = await stripeClient().paymentIntents.create(
    {
      amount: order.total,
      currency: order.currency.toLowerCase(),
      metadata: { orderId: order.id },
      receipt_email: order.email,
      automatic_payment_methods: { enabled: true },
    },
    { idempotencyKey: `order-${order.id}` },
  )
  return { id: pi.id, clientSecret: pi.client_secret ?? '' }
}

export async function refundPaymentIntent(paymentIntentId: string, orderId: string) {
  return stripeClient().refunds.create({ payment_intent: paymentIntentId, metadata: { orderId } }, { idempotencyKey: `refund-${orderId}` })
}

/** Verifies a webhook with the SDK's own signature check; throws on a bad or missing signature. */
export function verifyWebhook(rawBody: string, signature: string | null): Stripe.Event {
  if (!signature) throw new Error('Missing Stripe-Signature header.')
  return stripeClient().webhooks.constructEvent(rawBody, signature, webhookSecret())
}
