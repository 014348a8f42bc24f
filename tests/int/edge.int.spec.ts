/**
 * The edge: per-client rate limits keyed on the socket (trusted proxies only), the hoarding
 * cap, and the request guard's 400s. Requests go through the app's own route modules with the
 * headers the platform's front sets (tests/helpers/rest.ts); TRUST_PROXY is `loopback`.
 */
import http from 'node:http'

import type { Payload } from 'payload'
import type { Pool } from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startFront } from '../../scripts/front'
import { CLIENT_ADDRESS_HEADER, clientAddress, EDGE_PROOF_HEADER, edgeProof } from '../../src/config/clientAddress'
import { poolOf } from '../../src/db/pool'
import { closePayload, getTestPayload, makeUser, unique, type TestUser } from '../helpers/payload'
import { frontBefore } from '../helpers/front'
import { apiClient, awayFromMinuteEdge, frontHeaders, gatedRoutes, type Api } from '../helpers/rest'
import { makeEvent, makeTicketType } from '../helpers/ticketing'

const RATE = 20
let payload: Payload
let api: Api
let pool: Pool
let organizer: TestUser
let adminToken: string

beforeAll(async () => {
  process.env.CHECKOUT_RATE_PER_MINUTE = String(RATE)
  payload = await getTestPayload()
  api = apiClient(payload.config, await gatedRoutes())
  pool = poolOf(payload)
  organizer = await makeUser(payload, 'organizer')
  const admin = await makeUser(payload, 'admin')
  adminToken = await api.login(admin.email, 'Correct-Horse-9')
})
afterAll(async () => closePayload(payload))

const payloadGraphql = async (query: string | null, headers: Record<string, string>, raw?: string) => {
  const { POST } = await import('../../src/app/(payload)/api/graphql/route')
  const req = new Request('http://localhost:3000/api/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...frontHeaders(), ...headers },
    body: raw ?? JSON.stringify({ query }),
  })
  const res = await POST(req, { params: Promise.resolve({}) })
  const text = await res.text()
  return { status: res.status, body: text ? JSON.parse(text) : null }
}

const hold = (ticketType: string, opts: { peer?: string | null; xff?: string; token?: string; quantity?: number } = {}) =>
  api.call('POST', '/checkout/holds', {
    body: { items: [{ ticketType, quantity: opts.quantity ?? 1 }] },
    peer: opts.peer,
    token: opts.token,
    headers: opts.xff ? { 'x-forwarded-for': opts.xff } : {},
  })

const tally = (rs: Array<{ status: number; body: Record<string, any> }>) => {
  const out: Record<string, number> = {}
  for (const r of rs) {
    const k = r.status === 201 ? '201' : `${r.status} ${r.body?.error}`
    out[k] = (out[k] ?? 0) + 1
  }
  return out
}

describe('client address and per-client limits', () => {
  it('limits 300 buyers arriving through a trusted proxy hop each on their own: 50 seats, 50 holds, no 429', async () => {
    const event = await makeEvent(payload, organizer.id)
    const tt = await makeTicketType(payload, String(event.id), { capacity: 50 })
    await awayFromMinuteEdge()
    const rs = await Promise.all(
      Array.from({ length: 300 }, (_, i) => hold(String(tt.id), { xff: `198.18.${Math.floor(i / 250)}.${(i % 250) + 1}` })),
    )
    expect(tally(rs)).toEqual({ '201': 50, '409 sold_out': 250 })
    const { rows } = await pool.query(
      `SELECT COALESCE(SUM(quantity), 0)::int AS held FROM holds WHERE ticket_type_id = $1 AND status = 'active'`,
      [tt.id],
    )
    expect(rows[0].held).toBe(50)
  })

  it('counts a client that spoofs X-Forwarded-For from an untrusted peer under its socket address', async () => {
    const tt = await makeTicketType(payload, String((await makeEvent(payload, organizer.id)).id), { capacity: 1000 })
    const peer = `203.0.113.${Math.floor(Math.random() * 200) + 1}`
    await awayFromMinuteEdge()
    const rs = []
    for (let i = 0; i < RATE + 5; i++) rs.push(await hold(String(tt.id), { peer, xff: `10.9.${i}.1` }))
    expect(tally(rs)).toEqual({ '201': RATE, '429 rate_limited': 5 })
    expect(rs[RATE].headers.get('retry-after')).toMatch(/^\d+$/)
    // Another address is not affected.
    expect((await hold(String(tt.id), { peer: '203.0.113.250' })).status).toBe(201)
  })

  it('does not exempt a request that merely carries a cookie or a bad JWT', async () => {
    const tt = await makeTicketType(payload, String((await makeEvent(payload, organizer.id)).id), { capacity: 1000 })
    const peer = '192.0.2.77'
    await awayFromMinuteEdge()
    const rs = []
    for (let i = 0; i < RATE + 3; i++) {
      rs.push(
        await api.call('POST', '/checkout/holds', {
          body: { items: [{ ticketType: tt.id, quantity: 1 }] },
          peer,
          headers: { cookie: 'payload-token=forged' },
        }),
      )
    }
    expect(tally(rs)).toEqual({ '201': RATE, '429 rate_limited': 3 })
  })

  it('counts GraphQL checkout mutations in the same per-address bucket as REST checkout', async () => {
    const tt = await makeTicketType(payload, String((await makeEvent(payload, organizer.id)).id), { capacity: 1000 })
    const xff = '198.51.100.213'
    await awayFromMinuteEdge()
    // Half the limit over REST, the rest and two more over GraphQL: exactly two refusals.
    for (let i = 0; i < RATE / 2; i++) expect((await hold(String(tt.id), { xff })).status).toBe(201)
    const codes: string[] = []
    for (let i = 0; i < RATE / 2 + 2; i++) {
      const res = await payloadGraphql(`mutation { createHold(items: [{ ticketType: "${tt.id}", quantity: 1 }]) { id } }`, {
        'x-forwarded-for': xff,
      })
      codes.push(res.body.errors ? String(res.body.errors[0].extensions?.data?.code ?? res.body.errors[0].message) : 'held')
    }
    expect(codes.filter((c) => c === 'held')).toHaveLength(RATE / 2)
    expect(codes.filter((c) => c === 'rate_limited')).toHaveLength(2)
  })

  // Review finding 4: every per-address limit counts REST and GraphQL in one bucket. The list of
  // limited actions and how each is reached over GraphQL (null: there is no GraphQL form).
  const LIMITED = [
    {
      rule: 'login',
      env: 'LOGIN_RATE_PER_MINUTE',
      rest: ['/users/login', { email: 'nobody@example.com', password: 'wrong-Password-1' }],
      gql: 'loginUser(email: "nobody@example.com", password: "wrong-Password-1") { token }',
    },
    {
      rule: 'forgot-password',
      env: 'FORGOT_PASSWORD_RATE_PER_MINUTE',
      rest: ['/users/forgot-password', { email: 'nobody@example.com' }],
      gql: 'forgotPasswordUser(email: "nobody@example.com")',
    },
    {
      rule: 'signup',
      env: 'SIGNUP_RATE_PER_MINUTE',
      rest: ['/users', { email: 'x', password: 'y', fullName: 'z' }],
      gql: 'createUser(data: { email: "not-an-address", password: "y", fullName: "z", userType: attendee, status: pending }) { id }',
    },
    { rule: 'verification', env: 'VERIFICATION_RATE_PER_MINUTE', rest: ['/account/verify-email', { token: 'z'.repeat(43) }], gql: null },
    {
      rule: 'waitlist',
      env: 'WAITLIST_RATE_PER_MINUTE',
      rest: [
        '/events/00000000-0000-4000-8000-000000000000/waitlist',
        { ticketType: '00000000-0000-4000-8000-000000000000', quantity: 1, email: 'w@example.com', name: 'W' },
      ],
      gql: null,
    },
    { rule: 'guest-data', env: 'GUEST_DATA_RATE_PER_MINUTE', rest: ['/privacy/guest-request', { email: 'g@example.com' }], gql: null },
  ] as const

  for (const l of LIMITED) {
    it(`limits ${l.rule} per address${l.gql ? ', REST and GraphQL in one bucket (aliases each count)' : ''}`, async () => {
      const limit = 6
      process.env[l.env] = String(limit)
      try {
        const xff = `198.51.${Math.floor(Math.random() * 200) + 20}.${Math.floor(Math.random() * 250) + 1}`
        await awayFromMinuteEdge()
        const statuses: number[] = []
        const restCount = l.gql ? limit / 2 : limit + 2
        for (let i = 0; i < restCount; i++)
          statuses.push(
            // A fresh e-mail each time: the waitlist also limits per e-mail, which is not what this counts.
            (
              await api.call('POST', l.rest[0], {
                body: {
                  ...l.rest[1],
                  ...('email' in l.rest[1] && l.rule !== 'login' && l.rule !== 'forgot-password'
                    ? { email: `${unique('lim')}@example.com` }
                    : {}),
                },
                headers: { 'x-forwarded-for': xff },
              })
            ).status,
          )
        expect(statuses.filter((c) => c === 429)).toHaveLength(l.gql ? 0 : 2)
        if (!l.gql) return
        // The rest of the limit through GraphQL, two of it as aliases in one document (each counts), then two more: exactly two refusals.
        const codes: string[] = []
        const gql = async (doc: string) => {
          const res = await payloadGraphql(`mutation { ${doc} }`, { 'x-forwarded-for': xff })
          for (const e of res.body.errors ?? []) codes.push(String(e.extensions?.data?.code ?? 'answered'))
        }
        for (let i = 0; i < limit / 2 - 2; i++) await gql(l.gql)
        await gql(`a: ${l.gql} b: ${l.gql}`)
        await gql(l.gql)
        await gql(l.gql)
        expect(codes.filter((c) => c === 'rate_limited')).toHaveLength(2)
      } finally {
        delete process.env[l.env]
      }
    })
  }

  it('refuses with 503 when the client address cannot be known, instead of sharing one bucket', async () => {
    const tt = await makeTicketType(payload, String((await makeEvent(payload, organizer.id)).id), { capacity: 10 })
    const res = await hold(String(tt.id), { peer: null })
    expect(res.status).toBe(503)
    expect(res.body.error).toBe('client_address_unknown')
    // A forged front header without the proof is the same as none.
    const forged = await api.call('POST', '/checkout/holds', {
      body: { items: [{ ticketType: tt.id, quantity: 1 }] },
      peer: null,
      headers: { 'x-fashionistas-client-address': '198.51.100.1', 'x-fashionistas-edge': 'guess' },
    })
    expect(forged.status).toBe(503)
  })
})

describe('the front (scripts/front.ts)', () => {
  it('sets the client address from the socket, drops a forged copy, and passes X-Forwarded-For on', async () => {
    const seen: http.IncomingHttpHeaders[] = []
    const { front, close } = await frontBefore((req, res) => {
      seen.push(req.headers)
      res.writeHead(200, { 'content-type': 'application/json', 'set-cookie': ['a=1', 'b=2'] })
      res.end(JSON.stringify({ ok: true }))
    })
    try {
      const res = await fetch(`http://127.0.0.1:${front.port}/api/x?y=1`, {
        headers: { [CLIENT_ADDRESS_HEADER]: '6.6.6.6', [EDGE_PROOF_HEADER]: 'forged', 'x-forwarded-for': '198.51.100.4' },
      })
      expect(res.status).toBe(200)
      expect(res.headers.getSetCookie()).toEqual(['a=1', 'b=2'])
      expect(seen[0][CLIENT_ADDRESS_HEADER]).toBe('127.0.0.1')
      expect(seen[0][EDGE_PROOF_HEADER]).toBe(edgeProof())
      expect(seen[0]['x-forwarded-for']).toBe('198.51.100.4')
      // What the app then believes: the trusted loopback hop's X-Forwarded-For entry; untrusted, the socket.
      const headers = new Headers(seen[0] as Record<string, string>)
      expect(clientAddress(headers)).toBe('198.51.100.4')
      const before = process.env.TRUST_PROXY
      process.env.TRUST_PROXY = ''
      try {
        expect(clientAddress(headers)).toBe('127.0.0.1')
      } finally {
        process.env.TRUST_PROXY = before
      }
    } finally {
      await close()
    }
  })

  it('answers 503 with Retry-After while Next.js is not listening', async () => {
    const front = await startFront({ port: 0, host: '127.0.0.1', target: { host: '127.0.0.1', port: 1 } })
    try {
      const res = await fetch(`http://127.0.0.1:${front.port}/api/events`)
      expect(res.status).toBe(503)
      expect(res.headers.get('retry-after')).toBe('2')
    } finally {
      await front.close()
    }
  })
})

describe('the hoarding cap', () => {
  it('lets one address hold at most the event’s holdLimit, decided under a race', async () => {
    const event = await makeEvent(payload, organizer.id)
    await pool.query(`UPDATE events SET hold_limit = 5 WHERE id = $1`, [event.id])
    const types = await Promise.all(Array.from({ length: 3 }, () => makeTicketType(payload, String(event.id), { capacity: 100 })))
    const peer = '198.51.100.61'
    await awayFromMinuteEdge()
    // 15 requests of one ticket each, spread over three ticket types (three different row locks), at once.
    const rs = await Promise.all(Array.from({ length: 15 }, (_, i) => hold(String(types[i % 3].id), { peer })))
    expect(tally(rs)).toEqual({ '201': 5, '429 hold_limit': 10 })
    const refused = rs.find((r) => r.status === 429)!
    expect(refused.body).toMatchObject({ error: 'hold_limit', limit: 5, held: 5, requested: 1 })
    expect(refused.body.message).toMatch(/At most 5 tickets of this event/)
    // Another buyer is not affected; a released hold frees the cap.
    expect((await hold(String(types[0].id), { peer: '198.51.100.62', quantity: 5 })).status).toBe(201)
    const mine = rs.find((r) => r.status === 201)!
    const del = await api.call('DELETE', `/checkout/holds/${mine.body.id}`, { peer, headers: { 'x-hold-token': mine.body.token } })
    expect(del.status).toBe(204)
    expect((await hold(String(types[1].id), { peer })).status).toBe(201)
  })

  it('counts a signed-in buyer across addresses, and applies the platform default when the event sets none', async () => {
    const event = await makeEvent(payload, organizer.id)
    const tt = await makeTicketType(payload, String(event.id), { capacity: 100, maxPerOrder: 20 })
    const buyer = await makeUser(payload, 'attendee')
    const token = await api.login(buyer.email, 'Correct-Horse-9')
    const before = process.env.HOLD_LIMIT_PER_EVENT
    process.env.HOLD_LIMIT_PER_EVENT = '4'
    try {
      expect((await hold(String(tt.id), { peer: '198.51.100.71', token, quantity: 3 })).status).toBe(201)
      const other = await hold(String(tt.id), { peer: '198.51.100.72', token, quantity: 2 })
      expect(other.status).toBe(429)
      expect(other.body).toMatchObject({ error: 'hold_limit', limit: 4, held: 3, requested: 2 })
      expect((await hold(String(tt.id), { peer: '198.51.100.72', token, quantity: 1 })).status).toBe(201)
    } finally {
      process.env.HOLD_LIMIT_PER_EVENT = before
    }
  })

  it('lets the organizer set the cap on the event, within 1..1000', async () => {
    const orgToken = await api.login(organizer.email, 'Correct-Horse-9')
    const event = await makeEvent(payload, organizer.id)
    const ok = await api.patch(`/events/${event.id}`, { holdLimit: 8 }, orgToken)
    expect(ok.status).toBe(200)
    expect(ok.body.doc.holdLimit).toBe(8)
    const bad = await api.patch(`/events/${event.id}`, { holdLimit: 0 }, orgToken)
    expect(bad.status).toBe(400)
    expect(JSON.stringify(bad.body)).toContain('holdLimit')
    const other = await makeUser(payload, 'organizer')
    const otherToken = await api.login(other.email, 'Correct-Horse-9')
    expect((await api.patch(`/events/${event.id}`, { holdLimit: 1000 }, otherToken)).status).toBe(403)
  })
})

describe('the request guard', () => {
  it.each([
    ['/venue-seats?page=-5', 'page'],
    ['/events?page=0', 'page'],
    ['/events?page=abc', 'page'],
    ['/events?limit=999999999', 'limit'],
    ['/events?limit=-1', 'limit'],
    ['/events?limit=0', 'limit'],
    ['/events?limit=101', 'limit'],
    ['/events?depth=50', 'depth'],
    ['/events?sort=notAField', 'sort'],
    ['/events?sort=-title,nope', 'sort'],
    ['/events?pagination=false', 'pagination'],
    ['/events?page[a]=1', 'page'],
    ['/events?limit=1&limit=2', 'limit'],
    ['/events?draft=maybe', 'draft'],
  ])('GET %s is a 400 naming %s', async (path, param) => {
    const res = await api.get(path)
    expect(res.status).toBe(400)
    expect(res.body).toMatchObject({ error: 'invalid_query', param })
    expect(res.body.message).toContain(param)
  })

  it('lets ordinary reads through: bounds, sort by real and nested fields, versions', async () => {
    for (const path of [
      '/events?limit=100&page=2&depth=2',
      '/events?sort=-startDate,title',
      '/events?sort=venue.name',
      '/pages/versions?sort=-updatedAt&limit=5',
    ]) {
      const res = await api.call('GET', path, { token: adminToken })
      expect([path, res.status]).toEqual([path, 200])
    }
  })

  it.each([
    ['"a string"', 'must be a JSON object'],
    ['[1, 2]', 'must be a JSON object'],
    ['null', 'must be a JSON object'],
    ['42', 'must be a JSON object'],
    ['{not json', 'not valid JSON'],
  ])('POST with body %s is a 400', async (rawBody, message) => {
    const res = await api.call('POST', '/events', { rawBody, token: adminToken })
    expect(res.status).toBe(400)
    expect(res.body).toMatchObject({ error: 'invalid_body', param: 'body' })
    expect(res.body.message).toContain(message)
  })

  it('bounds GraphQL limit and page, literal or variable, as validation errors', async () => {
    // GraphQL over HTTP: a validation error is a 200 with `errors` for application/json clients, a 400 for application/graphql-response+json.
    const big = await api.graphql(`{ Events(limit: 100000) { docs { id } } }`)
    expect(big.status).toBe(200)
    expect(big.body.data).toBeUndefined()
    expect(big.body.errors?.[0].message).toBe('Invalid limit: must be a whole number from 1 to 100')
    const viaVar = await api.graphql(`query($l: Int) { Events(limit: $l) { docs { id } } }`, undefined, { l: 5000 })
    expect(viaVar.body.errors?.[0].message).toMatch(/^Invalid limit/)
    const page = await api.graphql(`{ Events(page: -1) { docs { id } } }`)
    expect(page.body.errors?.[0].message).toMatch(/^Invalid page/)
    const strict = await payloadGraphql(`{ Events(limit: 100000) { docs { id } } }`, { accept: 'application/graphql-response+json' })
    expect(strict.status).toBe(400)
    const fine = await api.graphql(`{ Events(limit: 10, page: 1) { docs { id } } }`)
    expect(fine.status).toBe(200)
    expect(fine.body.errors).toBeUndefined()
  })

  it.each(['"query"', '[{"query":"{ __typename }"}]', 'nope', ''])('POST /api/graphql with body %s is a 400', async (raw) => {
    const res = await payloadGraphql(null, {}, raw)
    expect(res.status).toBe(400)
    expect(res.body.error).toBe('invalid_body')
  })

  it('allows the admin UI’s bulk delete with limit=0 (access-checked), and nothing else unbounded', async () => {
    const title = unique('Bulk')
    await makeEvent(payload, organizer.id, { title, status: 'draft' })
    const res = await api.call('DELETE', `/events?limit=0&where[title][equals]=${encodeURIComponent(title)}`, { token: adminToken })
    expect(res.status).toBe(200)
    expect(res.body.docs).toHaveLength(1)
  })
})
