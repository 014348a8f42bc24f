import type { Payload, PayloadRequest } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { poolOf } from '../../src/db/pool'
import { apiClient, type Api } from '../helpers/rest'
import { as, closePayload, getTestPayload, makeUser, unique, type TestUser } from '../helpers/payload'
import { makeEvent, makeTicketType } from '../helpers/ticketing'

let payload: Payload
let api: Api
let organizer: TestUser
let admin: TestUser
let auditor: TestUser
const entriesFor = async (documentId: string) =>
  (
    await payload.find({
      collection: 'audit-logs',
      where: { documentId: { equals: documentId } },
      sort: 'createdAt',
      pagination: false,
      overrideAccess: true,
      depth: 0,
    })
  ).docs

beforeAll(async () => {
  payload = await getTestPayload()
  api = apiClient(payload.config)
  organizer = await makeUser(payload, 'organizer')
  admin = await makeUser(payload, 'admin')
  auditor = await makeUser(payload, 'auditor')
})
afterAll(async () => closePayload(payload))

describe('audit log', () => {
  it('records create, update (changed fields, old and new) and delete, with the actor', async () => {
    const ev = await makeEvent(payload, organizer.id, { status: 'draft' })
    await payload.update({ collection: 'events', id: ev.id, data: { shortDescription: 'Now with a description' }, ...as(organizer) })
    await payload.delete({ collection: 'events', id: ev.id, ...as(organizer) })
    const entries = await entriesFor(String(ev.id))
    expect(entries.map((e) => e.action)).toEqual(['create', 'update', 'delete'])
    expect(entries[1].changes).toEqual([{ field: 'shortDescription', from: null, to: 'Now with a description' }])
    expect(entries[1].actor).toBe(organizer.id)
    expect(entries[1].collection).toBe('events')
  })

  it('writes the entry in the same transaction: a change rolled back leaves no entry', async () => {
    const req = { payload, context: {} } as unknown as PayloadRequest
    const tid = await payload.db.beginTransaction()
    req.transactionID = tid!
    const title = unique('Rolled back')
    const ev = await payload.create({
      collection: 'events',
      data: {
        title,
        type: 'party',
        startDate: '2030-01-01T10:00:00Z',
        endDate: '2030-01-01T12:00:00Z',
        timeZone: 'UTC',
        organizer: organizer.id,
      } as never,
      overrideAccess: true,
      req,
    })
    expect(
      (await payload.find({ collection: 'audit-logs', where: { documentId: { equals: String(ev.id) } }, req, overrideAccess: true })).docs,
    ).toHaveLength(1)
    await payload.db.rollbackTransaction(tid!)
    expect(await entriesFor(String(ev.id))).toHaveLength(0)
    expect((await payload.find({ collection: 'events', where: { title: { equals: title } }, overrideAccess: true })).docs).toHaveLength(0)
  })

  it('never writes a password, hash, salt or token, only that it changed', async () => {
    const secret = `Sup3r-${unique('secret')}`
    const user = await makeUser(payload, 'attendee')
    await payload.update({ collection: 'users', id: user.id, data: { password: secret }, overrideAccess: true })
    const { rows } = await poolOf(payload).query(`SELECT changes::text AS c, summary FROM audit_logs WHERE document_id = $1`, [user.id])
    expect(rows.length).toBeGreaterThan(0)
    for (const r of rows) {
      expect(r.c ?? '').not.toContain(secret)
      expect(r.c ?? '').not.toMatch(/"(hash|salt)":\s*"[0-9a-f]{20,}/)
    }
  })

  it('skips entries only when the context flag says so (seeding, migrations)', async () => {
    const ev = await payload.create({
      collection: 'events',
      data: {
        title: unique('Seeded'),
        type: 'party',
        startDate: '2030-01-01T10:00:00Z',
        endDate: '2030-01-01T12:00:00Z',
        timeZone: 'UTC',
      } as never,
      overrideAccess: true,
      context: { skipAudit: true },
    })
    expect(await entriesFor(String(ev.id))).toHaveLength(0)
  })

  it('records logins and failed logins', async () => {
    const user = await makeUser(payload, 'attendee')
    await api.login(user.email, 'Correct-Horse-9')
    await api.post('/users/login', { email: user.email, password: 'wrong-password' })
    const { docs } = await payload.find({
      collection: 'audit-logs',
      where: { or: [{ documentId: { equals: user.id } }, { summary: { contains: user.email } }] },
      overrideAccess: true,
      pagination: false,
    })
    expect(docs.map((d) => d.action).sort()).toEqual(expect.arrayContaining(['login', 'login_failed']))
  })

  it('records checkout and check-in done in SQL, in their transactions', async () => {
    const ev = await makeEvent(payload, organizer.id)
    const tt = await makeTicketType(payload, String(ev.id), { price: 0 })
    const hold = (await api.post('/checkout/holds', { items: [{ ticketType: tt.id, quantity: 1 }] })).body
    const order = (
      await api.post('/checkout/orders', { hold: hold.id, token: hold.token, billing: { email: 'audit@example.com', name: 'A' } })
    ).body.order
    // Both entries come from one transaction, so they share a timestamp: compare without order.
    const summaries = (await entriesFor(order.id)).map((e) => e.summary)
    expect(summaries).toHaveLength(2)
    expect(summaries).toEqual(expect.arrayContaining([expect.stringMatching(/created/), expect.stringMatching(/completed, 1 ticket/)]))
  })

  it('lets admins and auditors read entries, nobody change them over REST or GraphQL', async () => {
    const [entry] = (await payload.find({ collection: 'audit-logs', limit: 1, overrideAccess: true })).docs
    const auditorToken = await api.login(auditor.email, 'Correct-Horse-9')
    expect((await api.get(`/audit-logs/${entry.id}`, auditorToken)).status).toBe(200)
    expect((await api.get(`/audit-logs/${entry.id}`, await api.login(organizer.email, 'Correct-Horse-9'))).status).toBe(403)
    const adminToken = await api.login(admin.email, 'Correct-Horse-9')
    expect((await api.patch(`/audit-logs/${entry.id}`, { summary: 'tampered' }, adminToken)).status).toBe(403)
    expect((await api.delete(`/audit-logs/${entry.id}`, adminToken)).status).toBe(403)
    expect((await api.post('/audit-logs', { action: 'create', summary: 'forged' }, adminToken)).status).toBe(403)
    const gql = await api.graphql(`mutation { updateAuditLog(id: "${entry.id}", data: { summary: "tampered" }) { id } }`, adminToken)
    expect(gql.body.errors?.length).toBeGreaterThan(0)
    const del = await api.graphql(`mutation { deleteAuditLog(id: "${entry.id}") { id } }`, adminToken)
    expect(del.body.errors?.length).toBeGreaterThan(0)
    expect((await payload.findByID({ collection: 'audit-logs', id: entry.id, overrideAccess: true })).summary).toBe(entry.summary)
  })
})
