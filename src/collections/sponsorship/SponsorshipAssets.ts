import path from 'node:path'

import { Forbidden, ValidationError, type Access, type CollectionBeforeChangeHook, type CollectionConfig, type Where } from 'payload'

import { can, getPrincipal } from '../../access/principal'
import { dbFor, rowsOf, sql } from '../../db/sql'
import { idOf } from '../../fields/idOf'
import { slugs } from '../../config/slugs'
import { mayReview } from './access'

export const ASSET_TYPES = ['logo', 'banner', 'video', 'document', 'social', 'print', 'other'] as const
export const ASSET_STATUSES = ['pending', 'approved', 'rejected'] as const

/** Who is behind a sponsorship: its sponsor's owner and its event's organizer. */
async function partiesOf(req: Parameters<CollectionBeforeChangeHook>[0]['req'], sponsorship: unknown) {
  const id = idOf(sponsorship)
  if (!id) return null
  const [row] = rowsOf<{ owner: string | null; organizer: string | null }>(
    await (
      await dbFor(req)
    ).execute(sql`SELECT s.owner_id AS owner, e.organizer_id AS organizer
                                          FROM sponsorships sp JOIN sponsors s ON s.id = sp.sponsor_id JOIN events e ON e.id = sp.event_id
                                         WHERE sp.id = ${id}::uuid`),
  )
  return row ?? null
}

/**
 * A sponsor user uploads for their own sponsorships; every upload starts pending. Only the
 * event's organizer (or a holder of `sponsorship-assets:review`) moves it to approved or
 * rejected, which stamps the reviewer; a rejection needs a reason.
 */
const workflow: CollectionBeforeChangeHook = async ({ data, originalDoc, req, operation }) => {
  if (!req.user) return data
  const principal = await getPrincipal(req)
  const parties = await partiesOf(req, data.sponsorship ?? originalDoc?.sponsorship)
  if (!parties)
    throw new ValidationError({ collection: slugs.sponsorshipAssets, errors: [{ path: 'sponsorship', message: 'No such sponsorship.' }] })
  const reviewer = await mayReview(req, parties.organizer)
  const linked = String(parties.owner) === String(req.user.id) || String(parties.organizer) === String(req.user.id)
  if (!can(principal, slugs.sponsorshipAssets, 'update') && !linked) throw new Forbidden(req.t)
  if (operation === 'create') {
    data.uploadedBy = req.user.id
    // What a sponsor uploads waits for review, whatever the upload said.
    if (!reviewer) data.status = 'pending'
  }
  const next = data.status ?? originalDoc?.status ?? 'pending'
  const before = operation === 'create' ? 'pending' : originalDoc?.status
  if (next !== before) {
    if (!reviewer)
      throw new ValidationError({
        collection: slugs.sponsorshipAssets,
        errors: [{ path: 'status', message: 'Only the event’s organizer or a reviewer approves or rejects assets.' }],
      })
    if (next === 'rejected' && !String(data.rejectionReason ?? originalDoc?.rejectionReason ?? '').trim()) {
      throw new ValidationError({
        collection: slugs.sponsorshipAssets,
        errors: [{ path: 'rejectionReason', message: 'Say why the asset is rejected.' }],
      })
    }
    data.reviewedBy = next === 'pending' ? null : req.user.id
    data.reviewedAt = next === 'pending' ? null : new Date().toISOString()
  } else if (operation === 'update' && !reviewer && (data.filename || data.url)) {
    // A sponsor replacing the file of a reviewed asset sends it back for review.
    data.status = 'pending'
  }
  return data
}

/** Approved assets are public (they appear on the event's pages); the rest only to the parties. */
const readAssets: Access = async ({ req }) => {
  const principal = await getPrincipal(req)
  if (can(principal, slugs.sponsorshipAssets, 'read')) return true
  const approved: Where = { status: { equals: 'approved' } }
  if (!principal) return approved
  const or: Where[] = [
    approved,
    { uploadedBy: { equals: principal.id } },
    { 'sponsorship.sponsor.owner': { equals: principal.id } },
    { 'sponsorship.event.organizer': { equals: principal.id } },
  ]
  return { or }
}

const updateAssets: Access = async ({ req }) => {
  const principal = await getPrincipal(req)
  if (!principal) return false
  if (can(principal, slugs.sponsorshipAssets, 'update') || can(principal, slugs.sponsorshipAssets, 'review')) return true
  const or: Where[] = [
    { 'sponsorship.sponsor.owner': { equals: principal.id } },
    { 'sponsorship.event.organizer': { equals: principal.id } },
  ]
  return { or }
}

/** Files a sponsor provides for a sponsorship (logos, banners, videos), with an approval workflow. */
export const SponsorshipAssets: CollectionConfig<'sponsorship-assets'> = {
  slug: slugs.sponsorshipAssets,
  admin: {
    useAsTitle: 'name',
    group: 'Sponsorship',
    defaultColumns: ['name', 'sponsorship', 'assetType', 'status', 'filesize', 'reviewedBy'],
  },
  access: {
    read: readAssets,
    create: async ({ req }) => {
      const principal = await getPrincipal(req)
      return can(principal, slugs.sponsorshipAssets, 'create') || can(principal, slugs.sponsorships, 'create')
    },
    update: updateAssets,
    delete: updateAssets,
  },
  upload: {
    staticDir: path.resolve(process.env.MEDIA_DIR ?? path.resolve(process.cwd(), '.data/media'), 'sponsorship-assets'),
    mimeTypes: ['image/*', 'video/*', 'application/pdf'],
    imageSizes: [
      { name: 'thumbnail', width: 320, height: 320, fit: 'inside', formatOptions: { format: 'webp', options: { quality: 80 } } },
    ],
    adminThumbnail: 'thumbnail',
  },
  hooks: { beforeChange: [workflow] },
  fields: [
    { name: 'name', type: 'text', required: true },
    {
      type: 'row',
      fields: [
        { name: 'sponsorship', type: 'relationship', relationTo: slugs.sponsorships, required: true, index: true },
        { name: 'assetType', type: 'select', required: true, defaultValue: 'logo', options: [...ASSET_TYPES] },
      ],
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'pending',
      index: true,
      options: [...ASSET_STATUSES],
      admin: { position: 'sidebar' },
    },
    { name: 'rejectionReason', type: 'textarea', admin: { position: 'sidebar', condition: (_, s) => s?.status === 'rejected' } },
    {
      name: 'reviewedBy',
      type: 'relationship',
      relationTo: slugs.users,
      admin: { readOnly: true, position: 'sidebar' },
      access: { create: () => false, update: () => false },
    },
    {
      name: 'reviewedAt',
      type: 'date',
      admin: { readOnly: true, position: 'sidebar' },
      access: { create: () => false, update: () => false },
    },
    {
      name: 'uploadedBy',
      type: 'relationship',
      relationTo: slugs.users,
      index: true,
      admin: { readOnly: true, position: 'sidebar' },
      access: { update: () => false },
    },
    { name: 'notes', type: 'textarea' },
  ],
  timestamps: true,
}
