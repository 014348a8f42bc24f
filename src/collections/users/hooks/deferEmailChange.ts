import type { CollectionAfterChangeHook, CollectionBeforeChangeHook } from 'payload'

import { can, getPrincipal } from '../../../access/principal'
import { slugs } from '../../../config/slugs'
import { queryFor } from '../../../db/sql'
import { startEmailChange } from '../../../domain/auth/emailChange'

const CONTEXT_KEY = 'emailChangeRequested'
const same = (a: unknown, b: unknown) =>
  String(a ?? '')
    .trim()
    .toLowerCase() ===
  String(b ?? '')
    .trim()
    .toLowerCase()

/**
 * A person changing their own e-mail address keeps the old one until the new one is confirmed
 * (review finding 2): the change is held back here and started after the write (the link to the
 * new address, a notice to the old). An administrator (`users:manage`) sets an address directly,
 * and it counts as unverified unless they say otherwise in the same change.
 */
export const deferEmailChange: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req, context }) => {
  if (operation !== 'update' || !originalDoc || context.seeding) return data
  if (data.email === undefined || same(data.email, originalDoc.email)) return data
  if (can(await getPrincipal(req), slugs.users, 'manage')) {
    // `data` is the merged document: only what the request itself sent says "verified".
    if ((req.data as { emailVerified?: unknown } | undefined)?.emailVerified !== true) data.emailVerified = false
    return data
  }
  req.context[CONTEXT_KEY] = { id: String(originalDoc.id), email: String(originalDoc.email), newEmail: String(data.email) }
  data.email = originalDoc.email
  return data
}

/** Starts the held-back change in the write's transaction; the answer shows the pending address. */
export const startDeferredEmailChange: CollectionAfterChangeHook = async ({ doc, req }) => {
  const change = req.context[CONTEXT_KEY] as { id: string; email: string; newEmail: string } | undefined
  if (!change || change.id !== String(doc.id)) return doc
  delete req.context[CONTEXT_KEY]
  await startEmailChange(await queryFor(req), change)
  await req.payload.jobs.queue({ task: 'sendNotifications', input: {}, queue: 'transactional', req })
  return { ...doc, pendingEmail: change.newEmail.trim().toLowerCase() }
}
