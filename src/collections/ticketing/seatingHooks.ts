import type { CollectionAfterChangeHook, CollectionBeforeChangeHook } from 'payload'
import { ValidationError } from 'payload'

import { queryFor } from '../../db/sql'
import { seatTicketType, snapshotSeats } from '../../domain/ticketing/seating'
import { slugs } from '../../config/slugs'

/** Turning reserved seating on copies the venue's seats into the event (in the save's transaction); also when the venue changes. */
export const snapshotSeatsOnSeating: CollectionAfterChangeHook = async ({ doc, previousDoc, req }) => {
  const venue = (v: unknown) => (v && typeof v === 'object' ? (v as { id: unknown }).id : v)
  if (!doc.seating) return doc
  if (previousDoc?.seating && venue(previousDoc.venue) === venue(doc.venue)) return doc
  await snapshotSeats(await queryFor(req), String(doc.id))
  return doc
}

/** Seating cannot be turned off, nor the venue changed, while seats of the event are held or sold. */
export const keepSoldSeats: CollectionBeforeChangeHook = async ({ data, originalDoc, req, operation }) => {
  if (operation !== 'update' || !originalDoc?.seating) return data
  const venue = (v: unknown) => (v && typeof v === 'object' ? (v as { id: unknown }).id : v)
  const off = data.seating === false
  const moved = data.venue !== undefined && venue(data.venue) !== venue(originalDoc.venue)
  if (!off && !moved) return data
  const q = await queryFor(req)
  const [{ n }] = await q<{ n: number }>(
    `SELECT count(*)::int AS n FROM event_seats WHERE event_id = $1::uuid AND status IN ('held', 'sold')`,
    [String(originalDoc.id)],
  )
  if (n > 0)
    throw new ValidationError({
      collection: slugs.events,
      errors: [
        {
          path: off ? 'seating' : 'venue',
          message: `${n} seats of this event are held or sold: refund or cancel them before ${off ? 'turning seating off' : 'moving the event'}.`,
        },
      ],
    })
  if (moved) await q(`DELETE FROM event_seats WHERE event_id = $1::uuid`, [String(originalDoc.id)])
  return data
}

/** A ticket type's seats, seat price and capacity follow its section (src/domain/ticketing/seating.ts). */
export const seatTicketTypeOnSave: CollectionAfterChangeHook = async ({ doc, req }) => {
  await seatTicketType(await queryFor(req), String(doc.id))
  return doc
}
