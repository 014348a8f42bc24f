import type { CollectionAfterChangeHook } from 'payload'

import { queryFor } from '../../db/sql'
import { closeWaitlistInTx } from '../../domain/ticketing/waitlist'

/** Closing a ticket type's waitlist ends it for everyone still waiting (each is told by e-mail), in the save's transaction. */
export const closeWaitlistOnClose: CollectionAfterChangeHook = async ({ doc, previousDoc, req }) => {
  if (doc.waitlist === 'closed' && previousDoc?.waitlist !== 'closed') await closeWaitlistInTx(await queryFor(req), String(doc.id))
  return doc
}
