// Read replicas (DATABASE_REPLICA_URLS → db-postgres readReplicas) against a real streaming
// replica on loopback. With the replica's replay paused (a replica lagging as far as you like):
// Payload's own reads outside a transaction go to the replica and do not see a new event yet,
// while what a buyer must see right after their own write comes from the primary: the event's
// availability, a hold on it, the availability after the hold. Resumed, the replica catches up.
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { closePayload, getTestPayload, makeUser } from '../helpers/payload'
import { startReplicated, type Replicated } from '../helpers/replica'
import { apiClient, gatedRoutes, type Api } from '../helpers/rest'
import { makeEvent, makeTicketType } from '../helpers/ticketing'

let db: Replicated
let payload: Payload
let api: Api

beforeAll(async () => {
  db = await startReplicated()
  process.env.DATABASE_REPLICA_URLS = db.replicaUrl
  payload = await getTestPayload(db.primaryUrl)
  api = apiClient(payload.config, await gatedRoutes())
  await db.caughtUp()
}, 240_000)

afterAll(async () => {
  delete process.env.DATABASE_REPLICA_URLS
  try {
    await closePayload(payload)
  } finally {
    await db?.stop()
  }
})

describe('read replicas', () => {
  it('serve Payload’s reads (stale while the replica lags) while the buyer’s own reads stay on the primary', async () => {
    const organizer = await makeUser(payload, 'organizer')
    await db.caughtUp()
    await db.pause()
    try {
      const event = await makeEvent(payload, organizer.id, { status: 'published' })
      const tt = await makeTicketType(payload, String(event.id), { capacity: 3 })
      // Past Payload's read-after-write window (2 s), its reads go to the replica, which has not replayed the new event.
      await new Promise((r) => setTimeout(r, 2500))
      const onReplica = await api.get(`/events?where[id][equals]=${event.id}&depth=0`)
      expect(onReplica.status).toBe(200)
      expect(onReplica.body.docs).toEqual([])
      expect((await db.replica.query('SELECT count(*)::int AS n FROM events WHERE id = $1', [event.id])).rows[0].n).toBe(0)

      // What the buyer needs is read on the primary: availability, the hold, availability after it.
      const before = await api.get(`/events/${event.id}/availability`)
      expect(before.status).toBe(200)
      expect(before.body.ticketTypes.map((t: { id: string; available: number }) => [t.id, t.available])).toEqual([[tt.id, 3]])
      const hold = await api.call('POST', '/checkout/holds', { body: { items: [{ ticketType: tt.id, quantity: 2 }] } })
      expect(hold.status).toBe(201)
      const after = await api.get(`/events/${event.id}/availability`)
      expect(after.body.ticketTypes[0].available).toBe(1)
    } finally {
      await db.resume()
    }
    await db.caughtUp()
    await new Promise((r) => setTimeout(r, 2500))
    const events = await api.get(`/events?where[organizer][equals]=${organizer.id}&depth=0`)
    expect(events.body.docs).toHaveLength(1)
  })
})
