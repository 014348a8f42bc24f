import type { CollectionAfterChangeHook } from 'payload'

import { queryFor } from '../../db/sql'
import { queueEventChangeNotices } from '../../domain/ticketing/notices'

const idOf = (v: unknown) => (v && typeof v === 'object' ? (v as { id: unknown }).id : v)
const same = (a: unknown, b: unknown) => (a ? new Date(String(a)).getTime() : null) === (b ? new Date(String(b)).getTime() : null)

/** Ticket holders are told when a published event moves (date or venue) or is postponed, in the change's transaction. */
export const tellHoldersOfChanges: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req, context }) => {
  if (operation !== 'update' || !previousDoc || context.seeding) return doc
  const postponed = doc.status === 'postponed' && previousDoc.status !== 'postponed'
  const moved =
    doc.status === 'published' &&
    (!same(doc.startDate, previousDoc.startDate) || !same(doc.endDate, previousDoc.endDate) || idOf(doc.venue) !== idOf(previousDoc.venue))
  if (postponed || moved) await queueEventChangeNotices(await queryFor(req), String(doc.id), postponed ? 'postponed' : 'moved')
  return doc
}
