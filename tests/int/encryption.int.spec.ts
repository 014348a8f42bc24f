import crypto from 'node:crypto'

import type { Payload } from 'payload'
import type { Pool } from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { poolOf } from '../../src/db/pool'
import { decryptValue, encryptValue } from '../../src/plugins/field-encryption'
import { apiClient, type Api } from '../helpers/rest'
import { closePayload, getTestPayload, makeUser, unique, type TestUser } from '../helpers/payload'
import { makeEvent, makeTicketType } from '../helpers/ticketing'

// Key 1 is the one every test database is written with (see tests/helpers/payload.ts); key 2 is new.
const K1 = Buffer.alloc(32, 7).toString('base64')
const K2 = crypto.randomBytes(32).toString('base64')
let payload: Payload
let api: Api
let pool: Pool
let organizer: TestUser
let buyer: TestUser

beforeAll(async () => {
  process.env.FIELD_ENCRYPTION_KEYS = `1:${K1}`
  delete process.env.FIELD_ENCRYPTION_ACTIVE_VERSION
  payload = await getTestPayload()
  api = apiClient(payload.config)
  pool = poolOf(payload)
  organizer = await makeUser(payload, 'organizer')
  buyer = await makeUser(payload, 'attendee', { phone: '+33 6 12 34 56 78' })
})
afterAll(async () => closePayload(payload))

async function paidOrder(phone: string, street: string) {
  const tt = await makeTicketType(payload, String((await makeEvent(payload, organizer.id)).id), { price: 0 })
  const token = await api.login(buyer.email, 'Correct-Horse-9')
  const hold = (await api.post('/checkout/holds', { items: [{ ticketType: tt.id, quantity: 1 }] }, token)).body
  const res = await api.post(
    '/checkout/orders',
    {
      hold: hold.id,
      token: hold.token,
      billing: { email: buyer.email, name: 'B', phone, address: { line1: street, city: 'Paris', country: 'FR' } },
    },
    token,
  )
  return res.body.order.id as string
}

describe('field encryption', () => {
  it('keeps the phone and billing details out of the tables in plaintext, and decrypts them for the owner', async () => {
    const street = unique('12 Rue Secrète')
    const orderId = await paidOrder('+33 7 99 88 77 66', street)
    const raw = await pool.query(`SELECT row_to_json(o)::text AS j FROM orders o WHERE id = $1`, [orderId])
    expect(raw.rows[0].j).not.toContain(street)
    expect(raw.rows[0].j).not.toContain('99 88 77')
    expect(raw.rows[0].j).toMatch(/enc:v1:/)
    const user = await pool.query(`SELECT phone FROM users WHERE id = $1`, [buyer.id])
    expect(user.rows[0].phone).toMatch(/^enc:v1:/)
    const token = await api.login(buyer.email, 'Correct-Horse-9')
    const mine = await api.get(`/orders/${orderId}?depth=0`, token)
    expect(mine.body.billingPhone).toBe('+33 7 99 88 77 66')
    expect(mine.body.billingAddress).toMatchObject({ line1: street })
    expect((await api.get('/users/me', token)).body.user.phone).toBe('+33 6 12 34 56 78')
    // The event's organizer reads the order, but not the buyer's phone or address.
    const org = await api.get(`/orders/${orderId}?depth=0`, await api.login(organizer.email, 'Correct-Horse-9'))
    expect(org.status).toBe(200)
    expect(org.body.billingPhone).toBeUndefined()
    expect(org.body.billingAddress).toBeUndefined()
  })

  it('rotates every value to the new active key; old-key values still read during the run; running twice is harmless', async () => {
    const orderId = await paidOrder('+33 1 00 00 00 01', 'Old-key street')
    process.env.FIELD_ENCRYPTION_KEYS = `1:${K1},2:${K2}`
    // A value under key 1 reads while key 2 is active.
    const {
      rows: [before],
    } = await pool.query(`SELECT billing_phone FROM orders WHERE id = $1`, [orderId])
    expect(before.billing_phone).toMatch(/^enc:v1:/)
    expect(decryptValue(before.billing_phone)).toBe('+33 1 00 00 00 01')
    expect(encryptValue('fresh')).toMatch(/^enc:v2:/)
    await payload.jobs.queue({ task: 'rotateFieldEncryption', input: {} })
    await payload.jobs.run({ limit: 5 })
    const leftovers = await pool.query(
      `SELECT count(*)::int AS n FROM orders WHERE billing_phone LIKE 'enc:v1:%' OR (billing_address #>> '{}') LIKE 'enc:v1:%'`,
    )
    expect(leftovers.rows[0].n).toBe(0)
    expect((await pool.query(`SELECT count(*)::int AS n FROM users WHERE phone LIKE 'enc:v1:%'`)).rows[0].n).toBe(0)
    const {
      rows: [after],
    } = await pool.query(`SELECT billing_phone, billing_address FROM orders WHERE id = $1`, [orderId])
    expect(decryptValue(after.billing_phone)).toBe('+33 1 00 00 00 01')
    expect(decryptValue(after.billing_address)).toMatchObject({ line1: 'Old-key street' })
    await payload.jobs.queue({ task: 'rotateFieldEncryption', input: {} })
    await payload.jobs.run({ limit: 5 })
    const {
      rows: [again],
    } = await pool.query(`SELECT billing_phone FROM orders WHERE id = $1`, [orderId])
    expect(again.billing_phone).toBe(after.billing_phone)
    const reg = await payload.find({ collection: 'encryption-keys', where: { version: { equals: 2 } }, overrideAccess: true })
    expect(reg.docs[0]?.rotatedAt ?? null).not.toBeNull()
  })
})
