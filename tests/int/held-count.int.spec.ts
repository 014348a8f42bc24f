/**
 * The maintained held count (`ticket_types.held`, kept by triggers on holds): checkout decides
 * on one row's arithmetic, so the count must equal a recount of the active holds after any
 * interleaving of holds, releases, orders, completions, failures and expiry sweeps; an expired
 * hold must not keep a buyer out; and the expiry job must notice and mend a count set wrong.
 */
import type { Payload } from 'payload'
import type pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { poolOf } from '../../src/db/pool'
import { availableOf, createHold, eventAvailability, releaseHold } from '../../src/domain/ticketing/holds'
import { abandonOrder, createOrder } from '../../src/domain/ticketing/orders'
import { expireCheckouts } from '../../src/domain/ticketing/paymentEvents'
import { closePayload, getTestPayload, makeUser } from '../helpers/payload'
import { makeEvent, makeTicketType } from '../helpers/ticketing'

let payload: Payload
let db: pg.Pool

beforeAll(async () => {
  payload = await getTestPayload()
  db = poolOf(payload)
})
afterAll(async () => closePayload(payload))

/** Every ticket type of the event whose maintained count differs from a recount, with both figures. */
async function drift(eventId: string) {
  const { rows } = await db.query(
    `SELECT tt.id, tt.held::int AS held, COALESCE((SELECT SUM(quantity) FROM holds h WHERE h.ticket_type_id = tt.id AND h.status = 'active'), 0)::int AS recount
       FROM ticket_types tt WHERE tt.event_id = $1`,
    [eventId],
  )
  return rows.filter((r) => r.held !== r.recount)
}

async function setup(capacities: number[], price = 0) {
  const organizer = await makeUser(payload, 'organizer')
  const event = await makeEvent(payload, organizer.id)
  const types: string[] = []
  for (const capacity of capacities) types.push(String((await makeTicketType(payload, String(event.id), { capacity, price })).id))
  return { eventId: String(event.id), types }
}

const billing = { email: 'held@example.com', name: 'Held Count' }
const pick = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)]

describe('the maintained held count', () => {
  it('equals a recount of the active holds after 300 interleaved holds, releases, orders, failures and sweeps', async () => {
    const free = await setup([40, 25, 60], 0)
    const paid = await setup([30, 30], 2500)
    const outcomes: Record<string, number> = {}
    const count = (k: string) => (outcomes[k] = (outcomes[k] ?? 0) + 1)
    const step = async (i: number) => {
      const fx = i % 2 ? free : paid
      const items = [{ ticketType: pick(fx.types), quantity: 1 + (i % 3) }]
      if (i % 5 === 0) items.push({ ticketType: pick(fx.types), quantity: 1 })
      // Holds that are released, swept or just kept last 50 ms half the time, so expiries interleave with everything else.
      const minutes = [0, 4, 5].includes(i % 6) && i % 12 < 6 ? 50 / 60000 : 15
      let hold
      try {
        hold = await createHold(db, { items }, new Date(), minutes)
        count('held')
      } catch (err) {
        count((err as { code?: string }).code ?? 'error')
        return
      }
      switch (i % 6) {
        case 0:
        case 1:
          await releaseHold(db, hold.id, hold.token).then(
            () => count('released'),
            () => count('release refused'),
          )
          break
        case 2:
        case 3: {
          // Free: completed at once; paid: a pending order, failed half the time.
          const order = await createOrder(db, { hold: hold.id, token: hold.token, billing }, new Date()).catch(() => null)
          if (!order) count('order refused')
          else if (order.status === 'completed') count('completed')
          else if (i % 4 === 2) await abandonOrder(db, order.id).then(() => count('failed'))
          else count('pending')
          break
        }
        case 4:
          await expireCheckouts(db).then(() => count('swept'))
          break
        default:
          count('kept')
      }
    }
    for (let wave = 0; wave < 4; wave++) {
      await Promise.all(Array.from({ length: 75 }, (_, k) => step(wave * 75 + k)))
      expect(await drift(free.eventId)).toEqual([])
      expect(await drift(paid.eventId)).toEqual([])
    }
    // Unpaid orders run out of time too: their holds leave the count when the job fails them.
    await db.query(`UPDATE orders SET expires_at = now() - interval '1 second' WHERE event_id = $1 AND status = 'pending'`, [paid.eventId])
    const swept = await expireCheckouts(db)
    expect(swept.heldCorrected).toBe(0)
    expect(await drift(free.eventId)).toEqual([])
    expect(await drift(paid.eventId)).toEqual([])
    // Everything that happened: the mix really interleaved (each kind of step ran).
    for (const kind of ['held', 'sold_out', 'released', 'completed', 'failed', 'pending', 'swept'])
      expect(outcomes[kind] ?? 0, `${kind} in ${JSON.stringify(outcomes)}`).toBeGreaterThan(0)
    // Never more sold and held than there is.
    for (const fx of [free, paid]) {
      const { rows } = await db.query(
        `SELECT tt.capacity::int AS capacity, tt.sold::int AS sold, tt.held::int AS held FROM ticket_types tt WHERE tt.event_id = $1`,
        [fx.eventId],
      )
      for (const r of rows) expect(r.sold + r.held).toBeLessThanOrEqual(r.capacity)
    }
  })

  it('sells exactly the capacity when 60 buyers race for 20 tickets, and the count ends at the sold-out line', async () => {
    const fx = await setup([20])
    const results = await Promise.allSettled(
      Array.from({ length: 60 }, () => createHold(db, { items: [{ ticketType: fx.types[0], quantity: 1 }] }, new Date())),
    )
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(20)
    expect(results.filter((r) => r.status === 'rejected' && (r.reason as { code?: string }).code === 'sold_out')).toHaveLength(40)
    const {
      rows: [tt],
    } = await db.query(`SELECT held::int AS held FROM ticket_types WHERE id = $1`, [fx.types[0]])
    expect(tt.held).toBe(20)
    expect(await availableOf(db, fx.types[0])).toBe(0)
  })

  it('lets a buyer in as soon as a hold expires, before any job runs, and sweeps the expired hold out of the count', async () => {
    const fx = await setup([5])
    await createHold(db, { items: [{ ticketType: fx.types[0], quantity: 5 }] }, new Date(), 100 / 60000)
    await expect(createHold(db, { items: [{ ticketType: fx.types[0], quantity: 1 }] }, new Date())).rejects.toMatchObject({
      code: 'sold_out',
    })
    await db.query(`SELECT pg_sleep(0.15)`)
    // Expired but not swept: the count still says 5, the live figure says 0 held.
    const [before] = await eventAvailability(db, fx.eventId, new Date())
    expect(before).toMatchObject({ held: 0, available: 5 })
    await createHold(db, { items: [{ ticketType: fx.types[0], quantity: 5 }] }, new Date())
    const { rows } = await db.query(
      `SELECT status, count(*)::int AS n FROM holds WHERE ticket_type_id = $1 GROUP BY status ORDER BY status`,
      [fx.types[0]],
    )
    expect(rows).toEqual([
      { status: 'active', n: 1 },
      { status: 'released', n: 1 },
    ])
    expect(await drift(fx.eventId)).toEqual([])
    const [after] = await eventAvailability(db, fx.eventId, new Date())
    expect(after).toMatchObject({ held: 5, available: 0 })
  })

  it('keeps an expired hold of an unpaid order out of the sweep, and still lets others buy past it', async () => {
    const fx = await setup([4], 2500)
    const hold = await createHold(db, { items: [{ ticketType: fx.types[0], quantity: 4 }] }, new Date())
    const order = await createOrder(db, { hold: hold.id, token: hold.token, billing }, new Date())
    // The payment window (and so the hold) ran out; the job has not failed the order yet.
    await db.query(`UPDATE holds SET expires_at = now() - interval '1 second' WHERE order_id = $1`, [order.id])
    await createHold(db, { items: [{ ticketType: fx.types[0], quantity: 4 }] }, new Date())
    const { rows } = await db.query(
      `SELECT status, order_id IS NOT NULL AS ordered FROM holds WHERE ticket_type_id = $1 ORDER BY ordered`,
      [fx.types[0]],
    )
    expect(rows).toEqual([
      { status: 'active', ordered: false },
      { status: 'active', ordered: true },
    ])
    expect(await drift(fx.eventId)).toEqual([])
  })

  it('is mended by the expiry job when something set it wrong, and the job says so', async () => {
    const fx = await setup([10, 10])
    await createHold(db, { items: [{ ticketType: fx.types[0], quantity: 3 }] }, new Date())
    await db.query(`UPDATE ticket_types SET held = held + 7 WHERE id = $1`, [fx.types[0]])
    await db.query(`UPDATE ticket_types SET held = 2 WHERE id = $1`, [fx.types[1]])
    expect(await drift(fx.eventId)).toHaveLength(2)
    const swept = await expireCheckouts(db)
    expect(swept.heldCorrected).toBe(2)
    expect(await drift(fx.eventId)).toEqual([])
    // The scheduled job (through Payload's queue) does the same.
    await db.query(`UPDATE ticket_types SET held = held + 4 WHERE id = $1`, [fx.types[1]])
    expect(await drift(fx.eventId)).toHaveLength(1)
    const job = await payload.jobs.queue({ task: 'expireCheckouts', input: {} })
    await payload.jobs.runByID({ id: job.id })
    expect(await drift(fx.eventId)).toEqual([])
    await expect(db.query(`UPDATE ticket_types SET held = -1 WHERE id = $1`, [fx.types[0]])).rejects.toThrow(
      /ticket_types_held_nonnegative/,
    )
  })
})
