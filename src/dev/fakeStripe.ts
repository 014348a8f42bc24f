/**
 * A small local stand-in for the few Stripe API routes the platform calls (payment intents
 * create/retrieve/confirm/cancel, refunds create), for tests and the local demo mode: Stripe's
 * servers cannot be reached here. The real SDK talks to it over HTTP. When `webhookUrl` is
 * set, each state change sends the matching webhook, signed with the SDK's own test-header
 * helper and the configured secret.
 *
 * It follows Stripe's PaymentIntent lifecycle for the cases the platform handles: confirming
 * with `payment_method: pm_card_chargeDeclined` (or `pm_card_chargeDeclinedInsufficientFunds`)
 * answers 402 `card_declined`, leaves the intent in `requires_payment_method` and sends
 * `payment_intent.payment_failed` (the buyer may try again on the same intent); `pm_processing`
 * leaves it `processing` (a slow method; `settle()` finishes it); anything else succeeds.
 * Cancelling a succeeded or processing intent is refused (`payment_intent_unexpected_state`).
 * Refunds may be partial (`amount`), never above what is left, and `charge.refunded` carries the
 * cumulative `amount_refunded`.
 */
import crypto from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'

import Stripe from 'stripe'

type Intent = {
  id: string
  object: 'payment_intent'
  amount: number
  currency: string
  status: string
  client_secret: string
  metadata: Record<string, string>
  created: number
  latest_charge: string | null
  amount_refunded: number
  payment_method_types: string[]
  last_payment_error: { code: string; decline_code?: string; message: string } | null
}

export type FakeStripe = {
  url: string
  intents: Map<string, Intent>
  requests: Array<{ method: string; path: string; idempotencyKey?: string }>
  /** A signed webhook delivery for `type` about `object`: the body and its Stripe-Signature header. */
  signedEvent: (type: string, object: Record<string, unknown>, id?: string) => { body: string; signature: string; id: string }
  /** Confirms as a buyer's browser would, with a test payment method. */
  confirm: (intentId: string, paymentMethod?: string) => Promise<void>
  /** A `processing` intent settles (`succeeded`) or fails. */
  settle: (intentId: string, outcome: 'succeeded' | 'failed') => Promise<void>
  /** A refund made in Stripe's dashboard, outside the platform. */
  dashboardRefund: (intentId: string, amount: number) => Promise<void>
  /** Refunds on these intents are refused outright (a card error, as for a closed card). */
  refuseRefunds: Set<string>
  /** The refunds created, by id. */
  refunds: Map<string, { id: string; amount: number; payment_intent: string; metadata: Record<string, string> }>
  close: () => Promise<void>
}

const sdk = new Stripe('sk_test_fake_signer')

function parseForm(body: string): Record<string, unknown> {
  const out: Record<string, any> = {}
  for (const [k, v] of new URLSearchParams(body)) {
    const m = /^(\w+)\[(\w+)\](?:\[(\w+)\])?$/.exec(k)
    if (m) {
      out[m[1]] ??= {}
      if (m[3]) {
        out[m[1]][m[2]] ??= {}
        out[m[1]][m[2]][m[3]] = v
      } else out[m[1]][m[2]] = v
    } else out[k] = v
  }
  return out
}

export type FakeStripeOptions = {
  port?: number
  /** Where signed webhooks are POSTed (the demo mode's app). */
  webhookUrl?: string
  webhookSecret?: string
  /** Or a function that receives each signed webhook (tests hand it to the app's route handler). */
  onEvent?: (body: string, signature: string) => Promise<unknown>
}

export async function startFakeStripe(opts: FakeStripeOptions = {}): Promise<FakeStripe> {
  const intents = new Map<string, Intent>()
  const idem = new Map<string, string>()
  const requests: FakeStripe['requests'] = []
  const secret = opts.webhookSecret ?? 'whsec_test'

  const signedEvent: FakeStripe['signedEvent'] = (type, object, id = `evt_${crypto.randomBytes(12).toString('hex')}`) => {
    const body = JSON.stringify({
      id,
      object: 'event',
      type,
      api_version: '2025-01-01',
      created: Math.floor(Date.now() / 1000),
      data: { object },
      livemode: false,
    })
    return { body, id, signature: sdk.webhooks.generateTestHeaderString({ payload: body, secret }) }
  }
  const deliver = async (type: string, object: Record<string, unknown>) => {
    const ev = signedEvent(type, { ...object })
    if (opts.onEvent) await opts.onEvent(ev.body, ev.signature)
    if (!opts.webhookUrl) return
    await fetch(opts.webhookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'stripe-signature': ev.signature },
      body: ev.body,
    })
  }
  const refunds: FakeStripe['refunds'] = new Map()
  const refuseRefunds = new Set<string>()
  const DECLINES: Record<string, { decline_code: string; message: string }> = {
    pm_card_chargeDeclined: { decline_code: 'generic_decline', message: 'Your card was declined.' },
    pm_card_chargeDeclinedInsufficientFunds: { decline_code: 'insufficient_funds', message: 'Your card has insufficient funds.' },
  }
  const succeed = async (pi: Intent) => {
    pi.status = 'succeeded'
    pi.last_payment_error = null
    pi.latest_charge = `ch_${crypto.randomBytes(8).toString('hex')}`
    await deliver('payment_intent.succeeded', pi)
  }
  /** Returns the decline when the method is a declining test card. */
  const confirmWith = async (pi: Intent, paymentMethod?: string) => {
    if (['succeeded', 'canceled', 'processing'].includes(pi.status)) return { error: `This PaymentIntent's status is ${pi.status}.` }
    const decline = paymentMethod ? DECLINES[paymentMethod] : undefined
    if (decline) {
      pi.status = 'requires_payment_method'
      pi.last_payment_error = { code: 'card_declined', ...decline }
      await deliver('payment_intent.payment_failed', pi)
      return { decline }
    }
    if (paymentMethod === 'pm_processing') {
      pi.status = 'processing'
      await deliver('payment_intent.processing', pi)
      return {}
    }
    await succeed(pi)
    return {}
  }
  const confirm = async (intentId: string, paymentMethod?: string) => {
    const pi = intents.get(intentId)
    if (!pi) throw new Error(`no intent ${intentId}`)
    await confirmWith(pi, paymentMethod)
  }
  const settle = async (intentId: string, outcome: 'succeeded' | 'failed') => {
    const pi = intents.get(intentId)!
    if (outcome === 'succeeded') return succeed(pi)
    pi.status = 'requires_payment_method'
    pi.last_payment_error = { code: 'payment_method_provider_decline', message: 'The bank declined the debit.' }
    await deliver('payment_intent.payment_failed', pi)
  }
  const refund = (pi: Intent, amount: number, metadata: Record<string, string>) => {
    const r = {
      id: `re_${crypto.randomBytes(10).toString('hex')}`,
      object: 'refund',
      amount,
      currency: pi.currency,
      payment_intent: pi.id,
      status: 'succeeded',
      metadata,
    }
    pi.amount_refunded += amount
    refunds.set(r.id, r)
    return r
  }
  const chargeRefunded = (pi: Intent) =>
    deliver('charge.refunded', {
      id: pi.latest_charge,
      object: 'charge',
      amount: pi.amount,
      amount_refunded: pi.amount_refunded,
      refunded: pi.amount_refunded >= pi.amount,
      payment_intent: pi.id,
      metadata: pi.metadata,
    })
  const dashboardRefund = async (intentId: string, amount: number) => {
    const pi = intents.get(intentId)!
    refund(pi, amount, {})
    await chargeRefunded(pi)
  }

  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    const body = parseForm(Buffer.concat(chunks).toString())
    const path = (req.url ?? '').split('?')[0]
    const key = req.headers['idempotency-key'] as string | undefined
    requests.push({ method: req.method ?? '', path, idempotencyKey: key })
    const send = (status: number, json: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json', 'request-id': `req_${crypto.randomBytes(6).toString('hex')}` })
      res.end(JSON.stringify(json))
    }
    if (!String(req.headers.authorization ?? '').startsWith('Bearer sk_'))
      return send(401, { error: { type: 'invalid_request_error', message: 'No API key.' } })
    if (key && idem.has(`${path}:${key}`)) {
      const existing = idem.get(`${path}:${key}`)!
      return send(200, existing.startsWith('pi_') ? intents.get(existing) : JSON.parse(existing))
    }
    let m: RegExpExecArray | null
    if (req.method === 'POST' && path === '/v1/payment_intents') {
      const amount = Number(body.amount)
      if (!Number.isInteger(amount) || amount < 1)
        return send(400, { error: { type: 'invalid_request_error', param: 'amount', message: 'Invalid amount.' } })
      const id = `pi_${crypto.randomBytes(12).toString('hex')}`
      const types = body.payment_method_types
      const pi: Intent = {
        id,
        object: 'payment_intent',
        amount,
        currency: String(body.currency),
        status: 'requires_payment_method',
        client_secret: `${id}_secret_${crypto.randomBytes(8).toString('hex')}`,
        metadata: (body.metadata as Record<string, string>) ?? {},
        created: Math.floor(Date.now() / 1000),
        latest_charge: null,
        amount_refunded: 0,
        payment_method_types: types && typeof types === 'object' ? Object.values(types as Record<string, string>) : ['card'],
        last_payment_error: null,
      }
      intents.set(id, pi)
      if (key) idem.set(`${path}:${key}`, id)
      return send(200, pi)
    }
    if (req.method === 'GET' && (m = /^\/v1\/payment_intents\/(pi_\w+)$/.exec(path))) {
      const pi = intents.get(m[1])
      return pi ? send(200, pi) : send(404, { error: { type: 'invalid_request_error', message: 'No such payment_intent.' } })
    }
    if (req.method === 'POST' && (m = /^\/v1\/payment_intents\/(pi_\w+)\/confirm$/.exec(path))) {
      const pi = intents.get(m[1])
      if (!pi) return send(404, { error: { type: 'invalid_request_error', message: 'No such payment_intent.' } })
      const r = await confirmWith(pi, body.payment_method ? String(body.payment_method) : undefined)
      if (r.error) return send(400, { error: { type: 'invalid_request_error', code: 'payment_intent_unexpected_state', message: r.error } })
      if (r.decline) return send(402, { error: { type: 'card_error', code: 'card_declined', ...r.decline, payment_intent: pi } })
      return send(200, pi)
    }
    if (req.method === 'POST' && (m = /^\/v1\/payment_intents\/(pi_\w+)\/cancel$/.exec(path))) {
      const pi = intents.get(m[1])
      if (!pi) return send(404, { error: { type: 'invalid_request_error', message: 'No such payment_intent.' } })
      if (['succeeded', 'processing'].includes(pi.status)) {
        return send(400, {
          error: {
            type: 'invalid_request_error',
            code: 'payment_intent_unexpected_state',
            message: `You cannot cancel this PaymentIntent because it has a status of ${pi.status}.`,
          },
        })
      }
      if (pi.status !== 'canceled') {
        pi.status = 'canceled'
        if (key) idem.set(`${path}:${key}`, pi.id)
        await deliver('payment_intent.canceled', pi)
      }
      return send(200, pi)
    }
    if (req.method === 'POST' && path === '/v1/refunds') {
      const pi = intents.get(String(body.payment_intent))
      if (!pi) return send(404, { error: { type: 'invalid_request_error', param: 'payment_intent', message: 'No such payment_intent.' } })
      if (pi.status !== 'succeeded')
        return send(400, { error: { type: 'invalid_request_error', message: 'This PaymentIntent has not succeeded.' } })
      if (refuseRefunds.has(pi.id))
        return send(402, {
          error: { type: 'card_error', code: 'expired_card', message: 'The card this payment was made with is closed: refund refused.' },
        })
      const left = pi.amount - pi.amount_refunded
      const amount = body.amount == null ? left : Number(body.amount)
      if (left <= 0)
        return send(400, {
          error: { type: 'invalid_request_error', code: 'charge_already_refunded', message: 'Charge has already been refunded.' },
        })
      if (!Number.isInteger(amount) || amount < 1 || amount > left) {
        return send(400, {
          error: {
            type: 'invalid_request_error',
            param: 'amount',
            message: `Refund amount (${amount}) is greater than unrefunded amount on charge (${left}).`,
          },
        })
      }
      const r = refund(pi, amount, (body.metadata as Record<string, string>) ?? {})
      if (key) idem.set(`${path}:${key}`, JSON.stringify(r))
      send(200, r)
      await chargeRefunded(pi)
      return
    }
    send(404, { error: { type: 'invalid_request_error', message: `Unrecognized request URL (${req.method}: ${path}).` } })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    intents,
    requests,
    signedEvent,
    confirm,
    settle,
    dashboardRefund,
    refunds,
    refuseRefunds,
    close: () => new Promise((r) => server.close(() => r())),
  }
}
