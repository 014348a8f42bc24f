/** Who may act on an order: one rule for refunds and cancellations, used by REST and GraphQL alike. */
import type { PayloadRequest } from 'payload'

import { can, type Principal } from '../../access/principal'
import { poolOf } from '../../db/pool'
import type { Db } from '../../db/transaction'
import { organizesEvent, staffsEvent } from './organizer'

export type OrderRole = 'manager' | 'buyer' | false

/**
 * `orders:<action>` on every order (admins); `orders:<action>-own` on the orders of events one
 * organizes; and, for `cancel`, the buyer of the order (the cut-off is checked by the operation).
 */
export async function roleOnOrder(
  db: Db,
  principal: Principal | null,
  order: { eventId: string; buyerId: string | null },
  action: 'refund' | 'cancel',
): Promise<OrderRole> {
  if (!principal) return false
  if (can(principal, 'orders', action)) return 'manager'
  if (can(principal, 'orders', `${action}-own`) && (await organizesEvent(db, order.eventId, principal.id))) return 'manager'
  if (action === 'cancel' && order.buyerId && order.buyerId === String(principal.id)) return 'buyer'
  return false
}

/** Check-in: `tickets:check-in-any` everywhere; `check-in-own` at the events one organizes; `check-in` at the events one staffs. */
export async function mayCheckInAt(db: Db, principal: Principal | null, eventId: string): Promise<boolean> {
  if (!principal) return false
  if (can(principal, 'tickets', 'check-in-any')) return true
  if (can(principal, 'tickets', 'check-in-own') && (await organizesEvent(db, eventId, principal.id))) return true
  return can(principal, 'tickets', 'check-in') && staffsEvent(db, eventId, principal.id)
}

/** Whether the caller may read the event (drafts stay private): the same rule as the REST read. */
export async function canReadEvent(req: PayloadRequest, id: string) {
  // Published events are public under that rule: one indexed read, not a Payload query.
  const {
    rows: [e],
  } = await poolOf(req.payload).query<{ status: string }>(`SELECT status FROM events WHERE id = $1`, [id])
  if (!e) return false
  if (e.status === 'published') return true
  const visible = await req.payload.find({
    collection: 'events',
    where: { id: { equals: id } },
    limit: 1,
    depth: 0,
    pagination: false,
    overrideAccess: false,
    user: req.user,
    req,
  })
  return visible.docs.length > 0
}
