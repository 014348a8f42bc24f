// Which payment step the storefront shows: the demo step only with no key or the demo key; the
// Payment Element only with a publishable key of the same kind (test or live) as the secret key.
import { describe, expect, it } from 'vitest'

import { paymentMode } from '../../src/domain/ticketing/buyerOrder'
import { DEMO_STRIPE_KEY } from '../../src/domain/ticketing/payments'

describe('paymentMode', () => {
  it('is demo without a key or with the demo key, whatever publishable key is set', () => {
    expect(paymentMode({})).toEqual({ mode: 'demo' })
    expect(paymentMode({ STRIPE_SECRET_KEY: DEMO_STRIPE_KEY, STRIPE_PUBLISHABLE_KEY: 'pk_test_abc' })).toEqual({ mode: 'demo' })
  })

  it('is the Payment Element with a matching publishable key', () => {
    expect(paymentMode({ STRIPE_SECRET_KEY: 'sk_test_123', STRIPE_PUBLISHABLE_KEY: 'pk_test_abc' })).toEqual({
      mode: 'stripe',
      publishableKey: 'pk_test_abc',
    })
    expect(paymentMode({ STRIPE_SECRET_KEY: 'sk_live_123', STRIPE_PUBLISHABLE_KEY: 'pk_live_abc' })).toMatchObject({ mode: 'stripe' })
  })

  it('refuses to offer payment with no publishable key, a malformed one, or test and live mixed', () => {
    expect(paymentMode({ STRIPE_SECRET_KEY: 'sk_test_123' })).toMatchObject({ mode: 'unconfigured', reason: /STRIPE_PUBLISHABLE_KEY/ })
    expect(paymentMode({ STRIPE_SECRET_KEY: 'sk_test_123', STRIPE_PUBLISHABLE_KEY: 'sk_test_oops' })).toMatchObject({
      mode: 'unconfigured',
    })
    expect(paymentMode({ STRIPE_SECRET_KEY: 'sk_live_123', STRIPE_PUBLISHABLE_KEY: 'pk_test_abc' })).toMatchObject({
      mode: 'unconfigured',
      reason: /both test or both live/,
    })
  })
})
