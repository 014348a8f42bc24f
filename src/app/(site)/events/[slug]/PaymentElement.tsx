'use client'
/**
 * Production payment: Stripe's Payment Element on the order's PaymentIntent (its client secret
 * comes with the order). Stripe.js loads from js.stripe.com, as Stripe requires. Confirming
 * stays on the page when the method allows (`redirect: 'if_required'`); methods that need a
 * redirect (bank pages, 3-D Secure by redirect) come back to /checkout with the order, which
 * waits for the payment's webhook like this page does. A decline is shown with Stripe's own
 * message and the order stays payable while its hold lives.
 */
import { loadStripe, type Stripe, type StripeElements } from '@stripe/stripe-js'
import React, { useEffect, useRef, useState } from 'react'

export function PaymentElement(props: { publishableKey: string; clientSecret: string; returnUrl: string; onPaid: () => Promise<void> }) {
  const { publishableKey, clientSecret, returnUrl, onPaid } = props
  const mount = useRef<HTMLDivElement>(null)
  const [stripe, setStripe] = useState<{ stripe: Stripe; elements: StripeElements } | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    let stop = false
    loadStripe(publishableKey)
      .then((s) => {
        if (stop || !s || !mount.current) return
        const elements = s.elements({ clientSecret })
        elements.create('payment', { layout: 'tabs' }).mount(mount.current)
        setStripe({ stripe: s, elements })
      })
      .catch((e: Error) => !stop && setError(`The payment form could not load: ${e.message}`))
    return () => {
      stop = true
    }
  }, [publishableKey, clientSecret])

  const pay = async () => {
    if (!stripe) return
    setBusy(true)
    setError(null)
    try {
      const { error: failed } = await stripe.stripe.confirmPayment({
        elements: stripe.elements,
        confirmParams: { return_url: returnUrl },
        redirect: 'if_required',
      })
      if (failed) setError(failed.message ?? 'The payment did not go through.')
      else await onPaid()
    } catch (e) {
      setError((e as Error).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div ref={mount} data-testid="payment-element" style={{ margin: '12px 0' }} />
      <button className="button" type="button" disabled={busy || !stripe} onClick={() => void pay()}>
        Pay
      </button>
    </div>
  )
}
