/** GET /api/openapi.json is a valid OpenAPI 3.1 document covering every collection and every custom endpoint; /api/docs renders it. */
import { Validator } from '@seriousme/openapi-schema-validator'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ENDPOINT_DOCS } from '../../src/openapi/endpoints'
import { customEndpoints, schemaName } from '../../src/openapi/generate'
import { closePayload, getTestPayload } from '../helpers/payload'
import { apiClient, type Api } from '../helpers/rest'

let payload: Payload
let api: Api
let doc: Record<string, any>

beforeAll(async () => {
  payload = await getTestPayload()
  api = apiClient(payload.config)
  const res = await api.get('/openapi.json')
  expect(res.status).toBe(200)
  doc = res.body
})
afterAll(async () => closePayload(payload))

describe('OpenAPI', () => {
  it('validates against the OpenAPI 3.1 schema', async () => {
    const result = await new Validator().validate(structuredClone(doc))
    expect(result.errors ?? [], JSON.stringify(result.errors)?.slice(0, 2000)).toEqual([])
    expect(result.valid).toBe(true)
    expect(doc.openapi).toBe('3.1.0')
  })

  it('has every custom endpoint, each with a summary, and nothing documented that does not exist', () => {
    const live = customEndpoints(payload.config)
    expect(live.length).toBeGreaterThan(25)
    for (const [method, path] of live) {
      expect(doc.paths[path]?.[method.toLowerCase()], `${method} ${path}`).toBeDefined()
      expect(ENDPOINT_DOCS[`${method} ${path}`]?.summary, `${method} ${path} needs an entry in src/openapi/endpoints.ts`).toBeTruthy()
    }
    const liveKeys = new Set(live.map(([m, p]) => `${m} ${p}`))
    expect(Object.keys(ENDPOINT_DOCS).filter((k) => !liveKeys.has(k))).toEqual([])
  })

  it('describes request bodies from the endpoints’ zod schemas', () => {
    const holds = doc.paths['/api/checkout/holds'].post.requestBody.content['application/json'].schema
    expect(holds.properties.items.type).toBe('array')
    // A line names its ticket type and either a quantity or seats (the refinement is enforced by the handler).
    expect(holds.properties.items.items.required).toEqual(['ticketType'])
    expect(Object.keys(holds.properties.items.items.properties).sort()).toEqual(['quantity', 'seats', 'ticketType', 'together'])
    const track = doc.paths['/api/track'].post.requestBody.content['application/json'].schema
    expect(track.properties.events.maxItems).toBe(100)
    const search = doc.paths['/api/search'].get.parameters.map((p: { name: string }) => p.name)
    expect(search).toEqual(expect.arrayContaining(['q', 'types', 'limit']))
  })

  it('has every collection’s REST operations with field schemas, and the API-key scheme', () => {
    for (const c of payload.config.collections.filter((c) => !c.slug.startsWith('payload-'))) {
      expect(Object.keys(doc.paths[`/api/${c.slug}`] ?? {}).sort(), c.slug).toEqual(['get', 'post'])
      expect(Object.keys(doc.paths[`/api/${c.slug}/{id}`] ?? {}).sort(), c.slug).toEqual(['delete', 'get', 'patch'])
      expect(doc.components.schemas[schemaName(c.slug)], c.slug).toBeDefined()
    }
    const event = doc.components.schemas.Events.properties
    expect(event.status.enum).toEqual(expect.arrayContaining(['draft', 'published']))
    expect(event.startDate).toMatchObject({ type: 'string', format: 'date-time' })
    expect(doc.components.schemas.WebhooksInput.properties.secret).toBeUndefined()
    expect(doc.components.schemas.Users.properties.password).toBeUndefined()
    expect(doc.components.securitySchemes.apiKey).toMatchObject({ type: 'http', scheme: 'bearer' })
    expect(doc.paths['/api/users/login'].post).toBeDefined()
  })

  it('serves readable docs that load the document, with no CDN', async () => {
    const page = await api.get('/docs')
    expect(page.status).toBe(200)
    expect(String(page.body)).toContain('/api/openapi.json')
    expect(String(page.body)).not.toMatch(/https?:\/\/(cdn|unpkg|jsdelivr)/)
    const js = await api.call('GET', '/docs/assets/swagger-ui-bundle.js')
    expect(js.status).toBe(200)
    expect(js.headers.get('content-type')).toContain('javascript')
    expect((await api.call('GET', '/docs/assets/..%2F..%2Fpackage.json')).status).toBe(404)
  })
})
