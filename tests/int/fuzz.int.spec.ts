/**
 * A seeded fuzz of every operation in the OpenAPI document (and GraphQL), through the app's own
 * route modules with the edge in front: anonymous, with a key that does not exist, and as an
 * administrator; malformed bodies, wrong types, odd path parameters, hostile query strings.
 * Fails on any 5xx and on a request that does not answer within 15 s. FUZZ_SEED picks the run
 * (printed), FUZZ_ROUNDS how many passes over the document (default: enough for >= 2,000).
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { buildOpenApi } from '../../src/openapi/generate'
import { closePayload, getTestPayload, makeUser } from '../helpers/payload'
import { apiClient, frontHeaders, gatedRoutes, type Api } from '../helpers/rest'

const SEED = Number(process.env.FUZZ_SEED || 20261204)
const MIN_REQUESTS = 2000

let payload: Payload
let api: Api
let adminToken: string
let doc: {
  paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: any }> } }>>
  components: { schemas: Record<string, any> }
}

beforeAll(async () => {
  payload = await getTestPayload()
  api = apiClient(payload.config, await gatedRoutes())
  const admin = await makeUser(payload, 'admin')
  adminToken = await api.login(admin.email, 'Correct-Horse-9')
  doc = buildOpenApi(payload.config) as typeof doc
})
afterAll(async () => closePayload(payload))

/** mulberry32: a small seeded generator, so a failing run can be replayed with FUZZ_SEED. */
function rng(seed: number) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)],
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
  }
}

const ODD_IDS = [
  '00000000-0000-0000-0000-000000000000',
  'abc',
  '-1',
  '0',
  '1e309',
  'null',
  '%00',
  '..%2F..%2Fetc',
  'x'.repeat(600),
  '%F0%9F%92%A5',
  "1'%20OR%20'1'='1",
  '[]',
  '%7B%7D',
  ' ',
  'true',
]
const ODD_QUERIES = [
  'page=-5',
  'page=0',
  'page=1.5',
  'page=99999999999',
  'limit=999999999',
  'limit=-1',
  'limit=abc',
  'limit=0',
  'depth=99',
  'depth=-1',
  'sort=zzz',
  'sort=-',
  'sort=,,',
  'sort[$gt]=1',
  'where=string',
  'where[nope][equals]=1',
  'where[title][like]=%25',
  'where[or][0][x][equals]=1',
  'where[id][in]=a,b',
  'where[createdAt][greater_than]=not-a-date',
  'where[and][0][or][0][and]=1',
  'where[title][near]=1,2',
  'where[id][exists]=maybe',
  'where[id][equals][$ne]=1',
  'locale=xx',
  'locale[]=en',
  'draft=maybe',
  'select[nope]=true',
  'select=1',
  'populate[x]=1',
  'joins=1',
  'joins[x][limit]=-1',
  'q=%00',
  'q=' + 'a'.repeat(2000),
  'q[]=1',
  'types=nope',
  'from=yesterday',
  'to=2030-13-45',
  'event=abc',
  'limit=1&limit=2',
  'trash=maybe',
  'pagination=no',
  'fallback-locale=zz',
  '__proto__[x]=1',
  'constructor[prototype][x]=1',
  'depth=1&where[venue.name][equals]=x',
  'sort=venue.nope',
]

function badValue(schema: any, r: ReturnType<typeof rng>): unknown {
  const type = Array.isArray(schema?.type) ? schema.type[0] : schema?.type
  const pool: unknown[] = [
    null,
    42,
    -1,
    1.5,
    1e308,
    'x',
    '',
    'x'.repeat(5000),
    true,
    [],
    {},
    [1, 'a', null],
    { $gt: '' },
    '2030-13-45T99:99',
    '00000000-0000-0000-0000-000000000000',
  ]
  if (type === 'string') pool.push(123, {}, ['a'], '\u0000', '<script>')
  if (type === 'number' || type === 'integer') pool.push('12', 'NaN', -999999999999, 2 ** 53 + 1)
  if (type === 'array')
    pool.push(
      'a,b',
      { 0: 'a' },
      Array.from({ length: 200 }, () => 'x'),
    )
  if (type === 'object') pool.push('{}', [[]])
  return r.pick(pool)
}

function resolve(schema: any): any {
  if (schema?.$ref) return doc.components.schemas[schema.$ref.split('/').pop()]
  return schema
}

function body(schema: any, r: ReturnType<typeof rng>): { raw?: string; json?: unknown } {
  const s = resolve(schema) ?? {}
  const props: Record<string, any> = s.properties ?? {}
  const names = Object.keys(props)
  switch (r.int(0, 9)) {
    case 0:
      return { raw: r.pick(['"a string"', '[]', '[{}]', 'null', '123', 'true', '{not json', '{"a":', '\u0000', '{"a":1}{"b":2}']) }
    case 1:
      return { json: {} }
    case 2: {
      // Every field with a wrong type.
      const out: Record<string, unknown> = {}
      for (const n of names) out[n] = badValue(props[n], r)
      return { json: out }
    }
    case 3: {
      // One field wrong, unknown fields beside it.
      const out: Record<string, unknown> = { unknownField: 'x', __proto__: { polluted: true } }
      if (names.length) out[r.pick(names)] = badValue(props[r.pick(names)], r)
      return { json: out }
    }
    case 4: {
      let deep: unknown = 'x'
      for (let i = 0; i < 200; i++) deep = { a: deep }
      return { json: names.length ? { [r.pick(names)]: deep } : deep }
    }
    case 5:
      return { raw: JSON.stringify({ [names[0] ?? 'x']: 'y'.repeat(200_000) }) }
    case 6: {
      const out: Record<string, unknown> = {}
      for (const n of names) out[n] = r.pick([null, undefined, '', 0, [], {}])
      return { json: out }
    }
    case 7:
      return {
        json: {
          items: r.pick([
            [],
            [{}],
            'x',
            [{ ticketType: 'x', quantity: -1 }],
            [{ ticketType: '00000000-0000-0000-0000-000000000000', quantity: 1e9 }],
          ]),
          code: r.pick([1, '', null]),
        },
      }
    default: {
      const out: Record<string, unknown> = {}
      for (const n of names) if (r.next() < 0.5) out[n] = badValue(props[n], r)
      return { json: out }
    }
  }
}

// Operations the administrator persona must not run on itself (it would end its own session or erase itself).
const SELF_DESTRUCTIVE = [/\/logout$/, /\/me\/erase$/, /\/erase$/, /\/refresh-token$/]

type Failure = { method: string; url: string; who: string; status: number | string; body: string }

describe('fuzz', () => {
  it(`answers every malformed request under 500, over every OpenAPI operation (seed ${SEED})`, { timeout: 600_000 }, async () => {
    const r = rng(SEED)
    const ops: Array<{ method: string; path: string; schema?: any }> = []
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        if (!['get', 'post', 'patch', 'put', 'delete'].includes(method)) continue
        ops.push({ method: method.toUpperCase(), path, schema: op.requestBody?.content?.['application/json']?.schema })
      }
    }
    expect(ops.length).toBeGreaterThan(100)
    const rounds = Number(process.env.FUZZ_ROUNDS || Math.ceil(MIN_REQUESTS / (ops.length * 3)) + 1)
    const failures: Failure[] = []
    const statuses: Record<string, number> = {}
    let sent = 0
    const personas = [
      { who: 'anonymous', headers: {} as Record<string, string> },
      { who: 'bad key', headers: { authorization: 'Bearer fsh_zzzzzzzz_notarealsecretnotarealsecretnotarealsecret12' } },
      { who: 'admin', headers: { authorization: `JWT ${adminToken}` } },
    ]
    for (let round = 0; round < rounds; round++) {
      for (const op of ops) {
        for (const p of personas) {
          if (p.who === 'admin' && SELF_DESTRUCTIVE.some((re) => re.test(op.path))) continue
          const path = op.path.replace(/^\/api/, '').replace(/\{[^}]+\}/g, () => r.pick(ODD_IDS))
          const query = r.next() < 0.7 ? `?${Array.from({ length: r.int(1, 3) }, () => r.pick(ODD_QUERIES)).join('&')}` : ''
          const b = op.method === 'GET' || op.method === 'DELETE' ? {} : body(op.schema, r)
          const url = `${path}${query}`
          const peer = `198.19.${r.int(0, 255)}.${r.int(1, 254)}`
          sent++
          let outcome: { status: number; body: unknown } | 'timeout'
          try {
            outcome = await Promise.race([
              api.call(op.method, url, {
                headers: p.headers,
                peer,
                ...(b.raw !== undefined ? { rawBody: b.raw } : b.json !== undefined ? { body: b.json } : {}),
              }),
              new Promise<'timeout'>((res) => setTimeout(() => res('timeout'), 15_000).unref()),
            ])
          } catch (err) {
            outcome = { status: 599, body: String(err) }
          }
          const status = outcome === 'timeout' ? 'timeout' : outcome.status
          statuses[String(status)] = (statuses[String(status)] ?? 0) + 1
          if (outcome === 'timeout' || outcome.status >= 500) {
            failures.push({
              method: op.method,
              url: url.slice(0, 300),
              who: p.who,
              status,
              body: outcome === 'timeout' ? '' : JSON.stringify(outcome.body).slice(0, 300),
            })
          }
        }
      }
      // GraphQL: malformed documents, hostile arguments and variables.
      for (const q of [
        '{ Events(limit: -1) { docs { id } } }',
        '{ Events(where: { nope: { equals: 1 } }) { docs { id } } }',
        '{ Event(id: "abc") { id } }',
        '{ Events(sort: "zzz") { docs { id } } }',
        'mutation { createHold(items: []) { id } }',
        'mutation { createHold(items: [{ ticketType: "x", quantity: -5 }]) { id } }',
        '{ __schema { types { name } } }',
        '{ Events { docs { id',
        'query { a: Events { docs { id } } b: Events { docs { id } } c: Events { docs { id } } }',
        '{ Users(depth: 99) { docs { id } } }',
      ]) {
        for (const p of personas) {
          sent++
          const res = await api
            .graphql(q, p.who === 'admin' ? adminToken : undefined)
            .catch((err) => ({ status: 599, body: { errors: [{ message: String(err) }] } }))
          statuses[`graphql ${res.status}`] = (statuses[`graphql ${res.status}`] ?? 0) + 1
          if (res.status >= 500)
            failures.push({
              method: 'POST',
              url: `/graphql ${q}`,
              who: p.who,
              status: res.status,
              body: JSON.stringify(res.body).slice(0, 300),
            })
        }
      }
    }
    console.log(`fuzz seed ${SEED}: ${sent} requests over ${ops.length} operations; statuses ${JSON.stringify(statuses)}`)
    expect(sent).toBeGreaterThanOrEqual(MIN_REQUESTS)
    expect(failures.slice(0, 25), `${failures.length} answers of 5xx or no answer (replay with FUZZ_SEED=${SEED})`).toEqual([])
    // The server still answers normally afterwards.
    const after = await api.call('GET', '/events?limit=1', { headers: frontHeaders() })
    expect(after.status).toBe(200)
  })
  // Review finding 10: bodies whose Content-Type lies or is not JSON, multipart that is not what
  // it says, a Content-Length far from the body, and hostile GraphQL variables, on every write.
  it(
    'answers every write under 500 whatever its content type, multipart shape or length, and GraphQL variables',
    { timeout: 600_000 },
    async () => {
      const writes: Array<{ method: string; path: string }> = []
      for (const [path, item] of Object.entries(doc.paths))
        for (const method of Object.keys(item))
          if (['post', 'patch', 'put'].includes(method)) writes.push({ method: method.toUpperCase(), path })
      expect(writes.length).toBeGreaterThan(60)
      const boundary = '----fuzzboundary7MA4YWxkTrZu0gW'
      const part = (name: string, value: string, file?: string) =>
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"${file ? `; filename="${file}"\r\nContent-Type: image/png` : ''}\r\n\r\n${value}\r\n`
      const shapes: Array<{ name: string; headers: Record<string, string>; raw: string }> = [
        { name: 'form, not a form', headers: { 'content-type': 'application/x-www-form-urlencoded' }, raw: 'not json at all' },
        { name: 'form', headers: { 'content-type': 'application/x-www-form-urlencoded' }, raw: 'title=x&type=party&email=a%40b.c' },
        { name: 'text with JSON', headers: { 'content-type': 'text/plain' }, raw: '{"title":"x"}' },
        { name: 'xml', headers: { 'content-type': 'application/xml' }, raw: '<a>1</a>' },
        { name: 'multipart without boundary', headers: { 'content-type': 'multipart/form-data' }, raw: 'garbage' },
        {
          name: 'multipart, bad _payload',
          headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
          raw: `${part('_payload', 'not json')}--${boundary}--\r\n`,
        },
        {
          name: 'multipart, _payload array',
          headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
          raw: `${part('_payload', '[1,2]')}--${boundary}--\r\n`,
        },
        {
          name: 'multipart, fields only',
          headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
          raw: `${part('title', 'x')}${part('email', 'y')}--${boundary}--\r\n`,
        },
        {
          name: 'multipart, a file',
          headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
          raw: `${part('file', 'not a png', 'x.png')}${part('_payload', '{"alt":"x"}')}--${boundary}--\r\n`,
        },
        {
          name: 'multipart, truncated',
          headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
          raw: `--${boundary}\r\nContent-Disposition: form-data; name="_pay`,
        },
        { name: 'json in utf-16', headers: { 'content-type': 'application/json; charset=utf-16' }, raw: '{"title":"x"}' },
        { name: 'json, no content type', headers: { 'content-type': '' }, raw: '{"title":' },
        {
          name: 'content-length lie',
          headers: { 'content-type': 'application/json', 'content-length': '999999999' },
          raw: '{"title":"x"}',
        },
      ]
      const failures: Failure[] = []
      let sent = 0
      const admin = { authorization: `JWT ${adminToken}` }
      for (const op of writes) {
        if (SELF_DESTRUCTIVE.some((re) => re.test(op.path))) continue
        const path = op.path.replace(/^\/api/, '').replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000')
        for (const shape of shapes) {
          for (const who of ['admin', 'anonymous'] as const) {
            sent++
            const res = await api
              .call(op.method, path, {
                headers: { ...(who === 'admin' ? admin : {}), ...shape.headers },
                rawBody: shape.raw,
                peer: '198.18.200.1',
              })
              .catch((err: Error) => ({ status: 599, body: String(err) }))
            if (res.status >= 500)
              failures.push({
                method: op.method,
                url: `${path} [${shape.name}]`,
                who,
                status: res.status,
                body: JSON.stringify(res.body).slice(0, 200),
              })
          }
        }
      }
      // GraphQL variables that are not what the operation declares.
      const documents = [
        'mutation($d: mutationEventInput!) { createEvent(data: $d) { id } }',
        'mutation($id: String!, $d: mutationUserUpdateInput!) { updateUser(id: $id, data: $d) { id } }',
        'query($w: Event_where, $l: Int, $p: Int, $s: String) { Events(where: $w, limit: $l, page: $p, sort: $s) { docs { id } } }',
        'mutation($i: [CheckoutHoldItemInput!]!) { createHold(items: $i) { id } }',
        'mutation($e: String!, $p: String) { loginUser(email: $e, password: $p) { token } }',
      ]
      const variables: unknown[] = [
        null,
        'string',
        [],
        { d: 'x', w: 'x', i: 'x', e: 1, id: {} },
        {
          d: { title: {}, startDate: 'nope' },
          w: { title: { like: { $gt: 1 } } },
          l: -1,
          p: 0,
          s: { x: 1 },
          i: [{ ticketType: 1, quantity: 'a' }],
        },
        { d: { title: 'x'.repeat(100_000) }, w: { or: Array.from({ length: 500 }, () => ({ id: { equals: 'x' } })) }, l: 1e12 },
        { id: '00000000-0000-4000-8000-000000000000', d: { email: 'x', password: '' }, e: '\u0000', p: '\u0000' },
      ]
      for (const query of documents)
        for (const v of variables)
          for (const token of [adminToken, undefined]) {
            sent++
            const res = await api
              .graphql(query, token, v as Record<string, unknown>)
              .catch((err) => ({ status: 599, body: { errors: [{ message: String(err) }] } }))
            const serverError =
              res.status >= 500 ||
              ((res.body.errors ?? []) as Array<{ extensions?: { statusCode?: unknown } }>).some(
                (e) => Number(e.extensions?.statusCode) >= 500,
              )
            if (serverError)
              failures.push({
                method: 'POST',
                url: `/graphql ${query.slice(0, 60)}`,
                who: token ? 'admin' : 'anonymous',
                status: res.status,
                body: JSON.stringify(res.body).slice(0, 300),
              })
          }
      console.log(`fuzz of content types and variables: ${sent} requests`)
      expect(sent).toBeGreaterThan(1500)
      expect(failures.slice(0, 30), `${failures.length} answers of 5xx`).toEqual([])
    },
  )
  it("lets the admin's list reads by method override through (a form body as the query) and checks that query like a URL's", async () => {
    const read = (raw: string) =>
      api.call('POST', '/events', {
        headers: {
          authorization: `JWT ${adminToken}`,
          'content-type': 'application/x-www-form-urlencoded',
          'x-payload-http-method-override': 'GET',
        },
        rawBody: raw,
      })
    const ok = await read('limit=2&depth=0')
    expect([ok.status, Array.isArray(ok.body.docs), ok.body.limit]).toEqual([200, true, 2])
    const bad = await read('limit=999999')
    expect([bad.status, bad.body.error, bad.body.param]).toEqual([400, 'invalid_query', 'limit'])
  })
})
