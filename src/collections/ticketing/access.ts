import type { FieldAccess } from 'payload'

import { can, getPrincipal } from '../../access/principal'
import { slugs } from '../../config/slugs'

/** A buyer's phone and address: the buyer and `orders:read` holders (admins), not the event's organizer. */
export const billingReadable: FieldAccess = async ({ req, doc }) => {
  const principal = await getPrincipal(req)
  if (!principal) return false
  if (can(principal, slugs.orders, 'read')) return true
  const buyer = (doc as { buyer?: unknown } | undefined)?.buyer
  const buyerId = buyer && typeof buyer === 'object' ? (buyer as { id: string }).id : buyer
  return buyerId != null && String(buyerId) === String(principal.id)
}
