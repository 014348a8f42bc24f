/** The custom GraphQL operations (availability, search, holds, orders) with the REST rules, and the committed schema. */
import fs from 'node:fs'

import { execFileSync } from 'node:child_process'
import os from 'node:os'
import path from 'node:path'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startFakeStripe, type FakeStripe } from '../../src/dev/fakeStripe'
import { closePayload, getTestPayload, makeUser, unique, type TestUser } from '../helpers/payload'
import { apiClient, gatedRoutes, type Api } from '../helpers/rest'
import { makeEvent, makeTicketType } from '../helpers/ticketing'

let payload: Payload
let api: Api
let stripe: FakeStripe
let organizer: TestUser
let published: string
let draft: string
let ticketType: string

beforeAll(async () => {
  stripe = await startFakeStripe({ webhookSecret: 'whsec_gql' })
  process.env.STRIPE_API_BASE = stripe.url
  payload = await getTestPayload()
  api = apiClient(payload.config, await gatedRoutes())
  organizer = await makeUser(payload, 'organizer')
  published = String((await makeEvent(payload, organizer.id, { title: unique('Gql gala') })).id)
  draft = String((await makeEvent(payload, organizer.id, { status: 'draft' })).id)
  ticketType = String((await makeTicketType(payload, published, { price: 2000, capacity: 5 })).id)
  await makeTicketType(payload, draft)
})
afterAll(async () => {
  await closePayload(payload)
  await stripe.close()
})

const AVAIL = `query($e: String!) { eventAvailability(event: $e) { id name price currency capacity sold held available onSale } }`

describe('GraphQL custom operations', () => {
  it('eventAvailability: public for published events, drafts only for their organizer', async () => {
    const anon = await api.graphql(AVAIL, undefined, { e: published })
    expect(anon.body.errors).toBeUndefined()
    expect(anon.body.data.eventAvailability).toEqual([
      expect.objectContaining({ id: ticketType, price: 2000, capacity: 5, available: 5, onSale: true }),
    ])
    const hidden = await api.graphql(AVAIL, undefined, { e: draft })
    expect(hidden.body.errors?.[0]).toMatchObject({
      message: 'No such event.',
      extensions: expect.objectContaining({ statusCode: 404, data: expect.objectContaining({ code: 'unknown_event' }) }),
    })
    const token = await api.login(organizer.email, 'Correct-Horse-9')
    expect((await api.graphql(AVAIL, token, { e: draft })).body.data.eventAvailability).toHaveLength(1)
    const bad = await api.graphql(AVAIL, undefined, { e: 'nope' })
    expect(bad.body.errors?.[0].message).toContain('event')
  })

  it('holds and orders as mutations, validated like REST', async () => {
    const hold = await api.graphql(
      `mutation($t: String!) { createHold(items: [{ ticketType: $t, quantity: 2 }]) { id token expiresAt items { ticketType quantity } } }`,
      undefined,
      { t: ticketType },
    )
    expect(hold.body.errors).toBeUndefined()
    const h = hold.body.data.createHold
    expect(h.items).toEqual([{ ticketType, quantity: 2 }])
    const avail = await api.graphql(AVAIL, undefined, { e: published })
    expect(avail.body.data.eventAvailability[0]).toMatchObject({ held: 2, available: 3 })

    const ORDER = `mutation($h: String!, $k: String!, $b: CheckoutBillingInput!) { createOrder(hold: $h, token: $k, billing: $b) { order { id status subtotal total currency items { quantity unitPrice } } payment { provider clientSecret paymentIntent } } }`
    const badEmail = await api.graphql(ORDER, undefined, { h: h.id, k: h.token, b: { email: 'not-an-email', name: 'B' } })
    expect(badEmail.body.errors?.[0]).toMatchObject({
      message: expect.stringContaining('billing.email'),
      extensions: expect.objectContaining({ statusCode: 400, data: expect.objectContaining({ code: 'invalid_request' }) }),
    })
    const wrongToken = await api.graphql(ORDER, undefined, { h: h.id, k: 'x'.repeat(40), b: { email: 'b@test.local', name: 'B' } })
    expect(wrongToken.body.errors?.[0].extensions?.statusCode).toBeGreaterThanOrEqual(400)
    expect(wrongToken.body.errors?.[0].extensions?.statusCode).toBeLessThan(500)
    const ok = await api.graphql(ORDER, undefined, { h: h.id, k: h.token, b: { email: 'b@test.local', name: 'Bea' } })
    expect(ok.body.errors).toBeUndefined()
    expect(ok.body.data.createOrder.order).toMatchObject({ status: 'pending', subtotal: 4000, total: 4000, currency: 'EUR' })
    expect(ok.body.data.createOrder.payment).toMatchObject({ provider: 'stripe', clientSecret: expect.stringMatching(/^pi_/) })

    const again = await api.graphql(
      `mutation($t: String!) { createHold(items: [{ ticketType: $t, quantity: 1 }]) { id token } }`,
      undefined,
      { t: ticketType },
    )
    const r = again.body.data.createHold
    expect(
      (
        await api.graphql(`mutation($i: String!, $k: String!) { releaseHold(id: $i, token: $k) }`, undefined, {
          i: r.id,
          k: 'y'.repeat(30),
        })
      ).body.errors,
    ).toBeDefined()
    expect(
      (await api.graphql(`mutation($i: String!, $k: String!) { releaseHold(id: $i, token: $k) }`, undefined, { i: r.id, k: r.token })).body
        .data.releaseHold,
    ).toBe(true)
    const tooMany = await api.graphql(`mutation($t: String!) { createHold(items: [{ ticketType: $t, quantity: 4 }]) { id } }`, undefined, {
      t: ticketType,
    })
    expect(tooMany.body.errors?.[0].extensions).toMatchObject({ statusCode: 409 })
  })

  it('siteSearch honours the same rules and survives hostile input', async () => {
    const q = `query($q: String!, $t: [String!]) { siteSearch(q: $q, types: $t, limit: 10) { type id title excerpt } }`
    const hit = await api.graphql(q, undefined, { q: 'Gql gala', t: ['events'] })
    expect(hit.body.errors).toBeUndefined()
    expect(hit.body.data.siteSearch.map((h: { id: string }) => h.id)).toContain(published)
    expect((await api.graphql(q, undefined, { q: "'); DROP TABLE events; --", t: null })).body.errors).toBeUndefined()
    expect((await api.graphql(q, undefined, { q: 'x', t: ['nope'] })).body.errors?.[0].message).toContain('types')
  })

  it('the committed schema (npm run generate:graphql) matches the config', () => {
    const out = path.join(os.tmpdir(), `schema-${process.pid}.graphql`)
    execFileSync(path.resolve('node_modules/.bin/tsx'), ['scripts/generate-graphql.ts'], {
      env: { ...process.env, GRAPHQL_SCHEMA_OUT: out },
      stdio: 'pipe',
    })
    const committed = fs.readFileSync(payload.config.graphQL.schemaOutputFile, 'utf8')
    expect(committed === fs.readFileSync(out, 'utf8'), 'run npm run generate:graphql and commit src/graphql/schema.graphql').toBe(true)
    expect(committed).toContain('createOrder(')
    expect(committed).toContain('siteSearch(')
  }, 120_000)
})
