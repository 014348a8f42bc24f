import { startFakeStripe, type FakeStripe } from '../../src/dev/fakeStripe'
import type { Api } from './rest'

/**
 * The local Stripe fake for a test file, wired to the app: the real SDK talks to it
 * (STRIPE_API_BASE), and every webhook it signs is handed to the app's own route handler
 * through `api()` (read when the event fires, so the client can be made after this starts).
 */
export async function startStripeFor(api: () => Api, webhookSecret: string): Promise<FakeStripe> {
  const stripe = await startFakeStripe({
    webhookSecret,
    onEvent: async (body, signature) => {
      const res = await api().raw('POST', '/stripe/webhook', body, { 'stripe-signature': signature })
      if (res.status !== 200) throw new Error(`webhook answered ${res.status}`)
    },
  })
  process.env.STRIPE_API_BASE = stripe.url
  process.env.STRIPE_WEBHOOK_SECRET = webhookSecret
  return stripe
}
