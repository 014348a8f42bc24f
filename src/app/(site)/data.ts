/**
 * How the storefront reads: the Local API and the domain's read models, published content only,
 * each answer kept per content version (src/db/contentCache.ts: one number bumped at commit by
 * any change to published content, from any instance). A publish therefore shows on the next
 * request, and a busy page costs one indexed read of the version, not its queries.
 */
import config from '@payload-config'
import { draftMode, headers } from 'next/headers'
import { getPayload, type Payload, type Where } from 'payload'

import { contentVersion, memo } from '../../db/contentCache'
import { poolOf } from '../../db/pool'
import type { Page } from '../../payload-types'

export const payloadInstance = (): Promise<Payload> => getPayload({ config })

/** The signed-in user of this request (cookie or Authorization), or null. */
export async function viewer(payload: Payload) {
  const { user } = await payload.auth({ headers: await headers() })
  return user
}

/**
 * A page by slug (`_home`: the homepage). Published only, read with the visitor's access
 * (members-only pages need a signed-in visitor); in draft mode (an editor's preview) the latest
 * draft, for signed-in editors only.
 */
export async function loadPage(slug: string): Promise<{ page: Page | null; membersOnly: boolean }> {
  const payload = await payloadInstance()
  const draft = (await draftMode()).isEnabled
  const user = await viewer(payload)
  const where: Where = slug === '_home' ? { isHomepage: { equals: true } } : { slug: { equals: slug } }
  // Always with the visitor's access (anonymous when signed out): the pages rule hides drafts and,
  // from anonymous visitors, members-only pages.
  const find = (drafts: boolean) =>
    payload
      .find({
        collection: 'pages',
        where: drafts ? where : { and: [where, { _status: { equals: 'published' } }] },
        draft: drafts,
        limit: 1,
        depth: 1,
        overrideAccess: false,
        user: user ?? undefined,
      })
      .then((r) => (r.docs[0] as Page | undefined) ?? null)
  if (draft && user) return { page: await find(true), membersOnly: false }
  if (user) return { page: await find(false), membersOnly: false }
  const version = await contentVersion(poolOf(payload))
  const page = await memo(`storefront page ${slug}`, version, () => find(false))
  if (page) return { page, membersOnly: false }
  // Not readable anonymously: say "members only" when a published members-only page is there
  // (only whether it exists is read past access, never its content), "not found" otherwise.
  const membersOnly = await memo(`storefront members-only ${slug}`, version, async () => {
    const { totalDocs } = await payload.count({
      collection: 'pages',
      where: { and: [where, { _status: { equals: 'published' } }, { requiresAuth: { equals: true } }] },
      overrideAccess: true,
    })
    return totalDocs > 0
  })
  return { page: null, membersOnly }
}

export async function withVersion<T>(key: string, compute: (payload: Payload) => Promise<T>): Promise<T> {
  const payload = await payloadInstance()
  return memo(`storefront ${key}`, await contentVersion(poolOf(payload)), () => compute(payload))
}
