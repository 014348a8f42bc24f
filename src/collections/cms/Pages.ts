import type { CollectionBeforeChangeHook, CollectionBeforeDeleteHook, CollectionConfig, Where } from 'payload'
import { APIError, ValidationError } from 'payload'

import { permitted, publicOrPermitted } from '../../access/rules'
import { pageBlocks } from '../../blocks'
import { dbFor, sql } from '../../db/sql'
import { slugField } from '../../fields/slug'
import { slugs } from '../../config/slugs'

/**
 * Exactly one homepage: publishing a page as the homepage takes the flag off the previous one
 * in the same transaction (a partial unique index is the last guard); the current homepage
 * cannot simply be unflagged or deleted, another page has to take over first.
 */
const keepOneHomepage: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  if (originalDoc?.isHomepage && data.isHomepage === false && data._status !== 'draft') {
    throw new ValidationError({
      collection: slugs.pages,
      errors: [{ path: 'isHomepage', message: 'This is the homepage. Mark another page as the homepage instead.' }],
    })
  }
  if (data.isHomepage && data._status !== 'draft') {
    const db = await dbFor(req)
    await db.execute(sql`UPDATE pages SET is_homepage = false WHERE is_homepage AND id IS DISTINCT FROM ${originalDoc?.id ?? null}::uuid`)
  }
  if (data._status === 'published' && !originalDoc?.publishedAt && !data.publishedAt) {
    data.publishedAt = new Date().toISOString()
  }
  if (!originalDoc && req.user && !data.author) data.author = req.user.id
  return data
}

const refuseDeletingHomepage: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const page = await req.payload.findByID({ collection: slugs.pages, id, depth: 0, overrideAccess: true, req })
  if (page.isHomepage) throw new APIError('The homepage cannot be deleted; make another page the homepage first.', 409, null, true)
}

/** Published pages for everyone; pages that require sign-in only for signed-in users. */
const publicPages = (req: { user?: unknown }): Where =>
  req.user ? { _status: { equals: 'published' } } : { and: [{ _status: { equals: 'published' } }, { requiresAuth: { not_equals: true } }] }

export const Pages: CollectionConfig<'pages'> = {
  slug: slugs.pages,
  admin: {
    useAsTitle: 'title',
    group: 'Content',
    defaultColumns: ['title', 'slug', '_status', 'isHomepage', 'updatedAt'],
    // The storefront renders the latest draft in draft mode (opened through /preview, editors only);
    // pages autosave, so the preview follows what the editor types.
    livePreview: {
      url: ({ data }) => `/preview?path=${encodeURIComponent(data?.isHomepage ? '/' : `/${data?.slug ?? ''}`)}`,
      breakpoints: [
        { label: 'Mobile', name: 'mobile', width: 375, height: 667 },
        { label: 'Tablet', name: 'tablet', width: 768, height: 1024 },
        { label: 'Desktop', name: 'desktop', width: 1440, height: 900 },
      ],
    },
    preview: (doc) => `/preview?path=${encodeURIComponent(doc?.isHomepage ? '/' : `/${String(doc?.slug ?? '')}`)}`,
  },
  access: {
    read: publicOrPermitted(slugs.pages, publicPages),
    create: permitted(slugs.pages, 'create'),
    update: permitted(slugs.pages, 'update'),
    delete: permitted(slugs.pages, 'delete'),
    readVersions: permitted(slugs.pages, 'read'),
  },
  versions: {
    drafts: { autosave: { interval: 1500 }, schedulePublish: true, validate: false },
    maxPerDoc: 50,
  },
  hooks: { beforeChange: [keepOneHomepage], beforeDelete: [refuseDeletingHomepage] },
  fields: [
    { name: 'title', type: 'text', required: true },
    slugField({ collection: slugs.pages, from: 'title' }),
    { name: 'layout', type: 'blocks', blocks: pageBlocks },
    {
      type: 'collapsible',
      label: 'Publishing',
      admin: { position: 'sidebar' },
      fields: [
        { name: 'isHomepage', type: 'checkbox', defaultValue: false, index: true },
        { name: 'requiresAuth', type: 'checkbox', defaultValue: false, admin: { description: 'Only signed-in visitors may read it.' } },
        { name: 'cacheTtl', type: 'number', defaultValue: 3600, min: 0, admin: { description: 'Seconds a front end may cache it.' } },
        { name: 'publishedAt', type: 'date', index: true, admin: { readOnly: true } },
        { name: 'author', type: 'relationship', relationTo: slugs.users, index: true },
      ],
    },
    { name: 'structuredData', type: 'json', admin: { description: 'JSON-LD for search engines.' } },
  ],
  timestamps: true,
}
