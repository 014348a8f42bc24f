import type { CollectionAfterChangeHook } from 'payload'

import { queryFor } from '../../../db/sql'
import { startEmailVerification } from '../../../domain/auth/emailVerification'

/** A new pending, unverified account (a sign-up) gets its verification e-mail, in the sign-up's transaction. */
export const startVerification: CollectionAfterChangeHook = async ({ doc, operation, req, context }) => {
  if (operation !== 'create' || context.seeding || doc.emailVerified || doc.status !== 'pending') return doc
  await startEmailVerification(await queryFor(req), { id: String(doc.id), email: String(doc.email) })
  // Sent within seconds by the transactional queue (the minute-by-minute run would catch it too).
  await req.payload.jobs.queue({ task: 'sendNotifications', input: {}, queue: 'transactional', req })
  return doc
}
