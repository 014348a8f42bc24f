import type { FieldHook } from 'payload'

import { eventSponsors } from '../../domain/sponsorship/queries'
import { poolOf } from '../../db/pool'
import { idOf } from '../../fields/idOf'

/**
 * Resolves a sponsor list block to the event's sponsors when a page is read: approved
 * sponsorships of active sponsors, grouped by tier (tier order), featured first. One SQL statement.
 */
export const resolveSponsors: FieldHook = async ({ siblingData, req }) => {
  const event = idOf(siblingData?.event)
  if (!event) return []
  return eventSponsors(poolOf(req.payload), event, { limit: Number(siblingData?.limit ?? 12), publicOnly: true })
}
