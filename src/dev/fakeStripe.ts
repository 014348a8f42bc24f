/**
 * A small local stand-in for the few Stripe API routes the platform calls (payment intents
 * create/retrieve/confirm, refunds create), for tests and the local demo mode: Stripe's
 * servers cannot be reached here. The real SDK talks to it over HTTP. When `webhookUrl` is
 * set, confirming a payment or refunding it sends the matching webhook, signed with the SDK's
 * own test-header helper and the configured secret.
 */
import crypto from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'

import Stripe from 'stripe'

type Intent = { id: string; object: 'payment_intent'; amount: number; currency: string; status: string; client_secret: string; metadata: Record<string, string>; created: number; latest_charge: string | null }

export type FakeStripe = {
  url: string
  intents: Map<string, Intent>
  requests: Array<{ method: string; path: string; idempotencyKey?: string }>
  /** A signed webhook delivery for `type` about `object`: the body and its Stripe-Signature header. */
  signedEvent: (type: string, object: Record<string, unknown>, id?: string) => { body: string; signature: string; id: string }
  confirm: (intentId: string) => Promise<void>
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

export async function startFakeStripe(opts: { port?: number; webhookUrl?: string; webhookSecret?: string } = {}): Promise<FakeStripe> {
  const intents = new Map<string, Intent>()
  const idem = new Map<string, string>()
  const requests: FakeStripe['requests'] = []
  const secret = opts.webhookSecret ?? 'whsec_test'

  const signedEvent: FakeStripe['signedEvent'] = (type, object, id = `evt_${crypto.randomBytes(12).toString('hex')}`) => {
    const body = JSON.stringify({ id, object: 'event', type, api_version: '2025-01-01', created: Math.floor(Date.now() / 1000), data: { object }, livemode: false })
    return { body, id, signature: sdk.webhooks.generateTestHeaderString({ payload: body, secret }) }
  }
  const deliver = async (type: string, object: Record<string, unknown>) => {
    if (!opts.webhookUrl) return
    const ev = signedEvent(type, object)
    await fetch(opts.webhookUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': ev.signature }, body: ev.body })
  }
  const confirm = async (intentId: string) => {
    const pi = intents.get(intentId)
    if (!pi) throw new Error(`no intent ${intentId}`)
    pi.status = 'succeeded'
    pi.latest_charge = `ch_${crypto.randomBytes(8).toString('hex')}`
    await deliver('payment_intent.succeeded', pi)
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
    if (!String(req.headers.authorization ?? '').startsWith('Bearer sk_')) return send(401, { error: { type: 'invalid_request_error', message: 'No API key.' } })
    if (key && idem.has(`${path}:${key}`)) {
      const existing = idem.get(`${path}:${key}`)!
      return send(200, existing.startsWith('pi_') ? intents.get(existing) : JSON.parse(existing))
    }
    let m: RegExpExecArray | null
    if (req.method === 'POST' && path === '/v1/payment_intents') {
      const amount = Number(body.amount)
      if (!Number.isInteger(amount) || amount < 1) return send(400, { error: { type: 'invalid_request_error', param: 'amount', message: 'Invalid amount.' } })
      const id = `pi_${crypto.randomBytes(12).toString('hex')}`
      const pi: Intent = { id, object: 'payment_intent', amount, currency: String(body.currency), status: 'requires_payment_method', client_secret: `${id}_secret_${crypto.randomBytes(8).toString('hex')}`, metadata: (body.metadata as Record<string, string>) ?? {}, created: Math.floor(Date.now() / 1000), latest_charge: null }
      intents.set(id, pi)
      if (key) idem.set(`${path}:${key}`, id)
      return send(200, pi)
    }
    if (req.method === 'GET' && (m = /^\/v1\/payment_intents\/(pi_\w+)$/.exec(path))) {
      const pi = intents.get(m[1])
      return pi ? send(200, pi) : send(404, { error: { type: 'invalid_request_error', message: 'No such payment_intent.' } })
    }
    if (req.method === 'POST' && (m = /^\/v1\/payment_intents\/(pi_\w+)\/confirm$/.exec(path))) {
      if (!intents.has(m[1])) return send(404, { error: { type: 'invalid_request_error', message: 'No such payment_intent.' } })
      await confirm(m[1])
      return send(200, intents.get(m[1]))
    }
    if (req.method === 'POST' && path === '/v1/refunds') {
      const pi = intents.get(String(body.payment_intent))
      if (!pi) return send(404, { error: { type: 'invalid_request_error', param: 'payment_intent', message: 'No such payment_intent.' } })
      if (pi.status !== 'succeeded') return send(400, { error: { type: 'invalid_request_error', message: 'This PaymentIntent has not succeeded.' } })
      const refund = { id: `re_${crypto.randomBytes(10).toString('hex')}`, object: 'refund', amount: pi.amount, currency: pi.currency, payment_intent: pi.id, status: 'succeeded', metadata: body.metadata ?? {} }
      if (key) idem.set(`${path}:${key}`, JSON.stringify(refund))
      send(200, refund)
      await deliver('charge.refunded', { id: pi.latest_charge, object: 'charge', amount: pi.amount, amount_refunded: pi.amount, refunded: true, payment_intent: pi.id, metadata: pi.metadata })
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
    close: () => new Promise((r) => server.close(() => r())),
  }
}
