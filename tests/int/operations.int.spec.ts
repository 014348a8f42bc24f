// Operating it: every request's id (the front's X-Request-Id, in every error body: the app's
// endpoints and Payload's own answers), and the front's graceful stop on SIGTERM (requests in
// flight finish, new ones are refused with 503 and Retry-After, nothing hangs).
import http from 'node:http'
import type { AddressInfo } from 'node:net'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { frontBefore } from '../helpers/front'
import { closePayload, getTestPayload, makeUser } from '../helpers/payload'
import { apiClient, gatedRoutes, type Api } from '../helpers/rest'
import { makeEvent, makeTicketType } from '../helpers/ticketing'

let payload: Payload
let api: Api

beforeAll(async () => {
  payload = await getTestPayload()
  api = apiClient(payload.config)
})
afterAll(async () => closePayload(payload))

describe('request ids', () => {
  it('carries the request’s id in the error answers of the app’s endpoints and of Payload’s own routes', async () => {
    const id = 'support-trace-0001'
    const ours = await api.call('POST', '/checkout/holds', { body: { items: 'nope' }, headers: { 'x-request-id': id } })
    expect(ours.status).toBe(400)
    expect(ours.body.requestId).toBe(id)
    const payloads = await api.call('GET', '/events/00000000-0000-4000-8000-000000000000', { headers: { 'x-request-id': id } })
    expect(payloads.status).toBe(404)
    expect(payloads.body.requestId).toBe(id)
    // A malformed incoming id is replaced by a fresh one, never echoed.
    const bad = await api.call('POST', '/checkout/holds', { body: { items: 'nope' }, headers: { 'x-request-id': 'x y<script>' } })
    expect(bad.body.requestId).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('is set by the front on the way in and on every answer, keeping a well-formed incoming one', async () => {
    const seen: string[] = []
    const { front, close } = await frontBefore((req, res) => {
      seen.push(String(req.headers['x-request-id']))
      res.writeHead(200, { 'x-request-id': 'forged-by-upstream' }).end('ok')
    })
    try {
      const fresh = await fetch(`http://127.0.0.1:${front.port}/a`)
      expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
      expect(seen[0]).toBe(fresh.headers.get('x-request-id'))
      const kept = await fetch(`http://127.0.0.1:${front.port}/b`, { headers: { 'x-request-id': 'lb-1234567890' } })
      expect([kept.headers.get('x-request-id'), seen[1]]).toEqual(['lb-1234567890', 'lb-1234567890'])
    } finally {
      await close()
    }
  })
})

describe('graceful stop (SIGTERM)', () => {
  it('lets requests in flight finish (answered with Connection: close), then refuses new connections rather than hanging', async () => {
    const { front, close } = await frontBefore((req, res) => {
      setTimeout(() => res.writeHead(200, { 'content-type': 'text/plain' }).end(`done ${req.url}`), 800)
    })
    const base = `http://127.0.0.1:${front.port}`
    try {
      // Three slow requests in flight on keep-alive connections, then the stop begins.
      const agent = new http.Agent({ keepAlive: true, maxSockets: 3 })
      const get = (path: string) =>
        new Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
          http
            .get(`${base}${path}`, { agent }, (res) => {
              let body = ''
              res.on('data', (d) => (body += d))
              res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }))
            })
            .on('error', reject)
        })
      const inFlight = [get('/1'), get('/2'), get('/3')]
      await expect.poll(() => front.inFlight()).toBe(3)
      const drained = front.drain(10_000)
      const answers = await Promise.all(inFlight)
      expect(answers.map((a) => [a.status, a.body])).toEqual([
        [200, 'done /1'],
        [200, 'done /2'],
        [200, 'done /3'],
      ])
      expect(answers.map((a) => a.headers.connection)).toEqual(['close', 'close', 'close'])
      expect(await drained).toBe(0)
      // New connections are refused once it has stopped listening: no hang.
      await expect(fetch(`${base}/late`, { signal: AbortSignal.timeout(5000) })).rejects.toThrow()
      agent.destroy()
    } finally {
      await close()
    }
  })

  it('cuts off a request that outlives the grace period, and says how many it cut', async () => {
    const { front, close } = await frontBefore((_req, res) => {
      setTimeout(() => res.writeHead(200).end('slow'), 3000)
    })
    try {
      const slow = fetch(`http://127.0.0.1:${front.port}/slow`).then(
        (r) => r.status,
        () => 'cut',
      )
      await expect.poll(() => front.inFlight()).toBe(1)
      expect(await front.drain(300)).toBe(1)
      expect(await slow).toBe('cut')
    } finally {
      await close()
    }
  })
})

describe('metrics (GET /api/metrics)', () => {
  it('are off without METRICS_TOKEN, refuse a wrong token, and count requests, holds and the queues exactly', async () => {
    const gated = apiClient(payload.config, await gatedRoutes())
    delete process.env.METRICS_TOKEN
    expect((await gated.call('GET', '/metrics')).status).toBe(404)
    process.env.METRICS_TOKEN = 'metrics-token-for-tests-0123456789'
    try {
      expect((await gated.call('GET', '/metrics', { headers: { authorization: 'Bearer wrong' } })).status).toBe(401)
      expect((await gated.call('GET', '/metrics')).status).toBe(401)
      const read = async () => {
        const res = await gated.call('GET', '/metrics', { headers: { authorization: `Bearer ${process.env.METRICS_TOKEN}` } })
        expect(res.status).toBe(200)
        return String(res.body)
      }
      const value = (text: string, series: string) => {
        const line = text.split('\n').find((l) => l.startsWith(`${series} `))
        return line ? Number(line.split(' ').pop()) : 0
      }
      const event = await makeEvent(payload, (await makeUser(payload, 'organizer')).id)
      const tt = await makeTicketType(payload, String(event.id), { capacity: 2 })
      const before = await read()
      const statuses: number[] = []
      for (let i = 0; i < 3; i++)
        statuses.push((await gated.call('POST', '/checkout/holds', { body: { items: [{ ticketType: tt.id, quantity: 1 }] } })).status)
      expect(statuses).toEqual([201, 201, 409])
      await payload.jobs.queue({ task: 'offerWaitlist', input: {}, queue: 'metrics-test' })
      const after = await read()
      const granted = 'fsh_holds_total{outcome="granted",status="201"}'
      const refused = 'fsh_holds_total{outcome="refused",status="409"}'
      expect(value(after, granted) - value(before, granted)).toBe(2)
      expect(value(after, refused) - value(before, refused)).toBe(1)
      const route = 'fsh_http_requests_total{route="/api/checkout/holds",method="POST",status="201"}'
      expect(value(after, route) - value(before, route)).toBe(2)
      expect(value(after, 'fsh_jobs_queued{queue="metrics-test"}')).toBe(1)
      expect(after).toMatch(/^fsh_orders\{status="completed"\} \d+$/m)
      expect(after).toMatch(/^fsh_orders\{status="refunded_unfulfilled"\} \d+$/m)
      expect(after).toMatch(/^fsh_webhook_backlog \d+$/m)
      expect(after).toMatch(/^fsh_db_pool_connections \d+$/m)
      expect(after).toMatch(
        /^fsh_http_request_duration_seconds_bucket\{le="0.1",route="\/api\/checkout\/holds",method="POST",status="201"\} \d+$/m,
      )
    } finally {
      delete process.env.METRICS_TOKEN
    }
  })
})
