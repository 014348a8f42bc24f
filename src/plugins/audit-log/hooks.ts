import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionAfterErrorHook,
  CollectionAfterForgotPasswordHook,
  CollectionAfterLoginHook,
  CollectionAfterLogoutHook,
  Payload,
  PayloadRequest,
} from 'payload'

import { IGNORED_FIELDS } from './defaults'
import { diffDocs } from './diff'
import { SKIP_AUDIT } from './types'

type Entry = {
  action: string
  collection?: string
  documentId?: string
  summary?: string
  changes?: unknown
}

type AddressOf = (req: { headers: Headers }) => string | null
const ipOf = (payload: Payload, slug: string, req: Partial<PayloadRequest>) => {
  const collection = (payload.collections as Record<string, { config: { custom?: Record<string, unknown> } } | undefined>)[slug]
  const addressOf = collection?.config.custom?.clientAddress as AddressOf | undefined
  return addressOf && req.headers ? addressOf({ headers: req.headers }) : null
}

function actorOf(req: Partial<PayloadRequest>) {
  const user = req.user as (Record<string, unknown> & { id?: string | number; email?: string; apiKeyPrefix?: string }) | null | undefined
  return { actor: user?.id ?? null, actorEmail: user?.email ?? null, actorApiKey: user?.apiKeyPrefix ?? null }
}

/**
 * Writes one entry. With `req` it joins the request's transaction, so an entry exists exactly
 * when the change it describes committed.
 */
export async function writeEntry(slug: string, payload: Payload, req: Partial<PayloadRequest> | undefined, entry: Entry, join = true) {
  await payload.create({
    collection: slug as never,
    data: {
      ...entry,
      ...actorOf(req ?? {}),
      ip: req ? ipOf(payload, slug, req) : null,
      userAgent: req?.headers?.get?.('user-agent') ?? null,
    } as never,
    overrideAccess: true,
    depth: 0,
    ...(join && req ? { req: req as PayloadRequest } : {}),
    context: { [SKIP_AUDIT]: true },
  })
}

/** The context flag (seeding, migrations) is the only way to skip an entry. */
const skip = (req: PayloadRequest) => Boolean(req.context?.[SKIP_AUDIT])

export const auditChange =
  (slug: string, redact: Set<string>): CollectionAfterChangeHook =>
  async ({ doc, previousDoc, operation, req, collection }) => {
    if (skip(req)) return doc
    const changes = diffDocs(operation === 'create' ? undefined : previousDoc, doc, redact, IGNORED_FIELDS)
    if (operation === 'update' && changes.length === 0) return doc
    await writeEntry(slug, req.payload, req, {
      action: operation,
      collection: collection.slug,
      documentId: String(doc.id),
      summary: `${operation} ${collection.slug} ${doc.id}: ${changes.map((c) => c.field).join(', ')}`.slice(0, 500),
      changes,
    })
    return doc
  }

export const auditDelete =
  (slug: string, redact: Set<string>): CollectionAfterDeleteHook =>
  async ({ doc, req, collection, id }) => {
    if (skip(req)) return doc
    await writeEntry(slug, req.payload, req, {
      action: 'delete',
      collection: collection.slug,
      documentId: String(id),
      summary: `delete ${collection.slug} ${id}`,
      changes: diffDocs(doc, undefined, redact, IGNORED_FIELDS),
    })
    return doc
  }

export const auditLogin =
  (slug: string): CollectionAfterLoginHook =>
  async ({ req, user, collection }) => {
    await writeEntry(slug, req.payload, { ...req, user: { ...user, collection: collection.slug } } as PayloadRequest, {
      action: 'login',
      collection: collection.slug,
      documentId: String(user.id),
      summary: `login ${user.email ?? user.id}`,
    })
    return user
  }

export const auditLogout =
  (slug: string): CollectionAfterLogoutHook =>
  async ({ req, collection }) => {
    await writeEntry(
      slug,
      req.payload,
      req,
      { action: 'logout', collection: collection.slug, documentId: req.user ? String(req.user.id) : undefined, summary: 'logout' },
      false,
    )
  }

export const auditForgotPassword =
  (slug: string): CollectionAfterForgotPasswordHook =>
  async ({ args, collection }) => {
    const req = args.req
    const email = (args.data as { email?: string })?.email
    await writeEntry(
      slug,
      req.payload,
      req,
      { action: 'password_reset_requested', collection: collection.slug, summary: `password reset requested for ${email ?? 'unknown'}` },
      false,
    )
  }

/** Failed logins surface as errors of the login route: recorded outside the (rolled back) operation. */
export const auditFailedLogin =
  (slug: string): CollectionAfterErrorHook =>
  async ({ error, req, collection }) => {
    const name = (error as { name?: string })?.name
    if (!req?.url?.includes('/login') || !['AuthenticationError', 'LockedAuth'].includes(name ?? '')) return
    const email = (req.data as { email?: string } | undefined)?.email
    await writeEntry(
      slug,
      req.payload,
      { headers: req.headers } as PayloadRequest,
      {
        action: 'login_failed',
        collection: collection.slug,
        summary: `failed login for ${email ?? 'unknown'}${name === 'LockedAuth' ? ' (locked)' : ''}`,
        changes: { email: email ?? null, reason: name },
      },
      false,
    )
  }
