import type { Access, CollectionBeforeChangeHook, CollectionConfig, Where } from 'payload'

import { can, getPrincipal } from '../../access/principal'

export const DSR_TYPES = ['access', 'delete', 'rectify', 'restrict', 'portability'] as const

const DUE_DAYS = 30

/** Users file requests for themselves; the 30-day due date and the handler are set by the platform. */
const stamp =
  (slug: string): CollectionBeforeChangeHook =>
  async ({ data, req, operation, originalDoc }) => {
    const manager = can(await getPrincipal(req), slug, 'update')
    if (operation === 'create') {
      if (req.user && (!manager || !data.user)) data.user = req.user.id
      const submitted = new Date(data.submittedAt ?? Date.now())
      data.submittedAt = submitted.toISOString()
      data.dueAt = new Date(submitted.getTime() + DUE_DAYS * 86_400_000).toISOString()
      if (!manager) data.status = 'pending'
    }
    if (operation === 'update' && data.status && data.status !== originalDoc?.status) {
      if (req.user) data.handledBy = req.user.id
      if (['completed', 'rejected'].includes(data.status)) data.completedAt = new Date().toISOString()
    }
    return data
  }

export function dsrCollection(slug: string, userSlug: string): CollectionConfig {
  const ownOrAll: Access = async ({ req }) => {
    const principal = await getPrincipal(req)
    if (!principal) return false
    if (can(principal, slug, 'read')) return true
    const own: Where = { user: { equals: principal.id } }
    return own
  }
  return {
    slug,
    labels: { singular: 'Data subject request', plural: 'Data subject requests' },
    admin: { useAsTitle: 'type', group: 'Security', defaultColumns: ['type', 'user', 'status', 'submittedAt', 'dueAt', 'handledBy'] },
    access: {
      read: ownOrAll,
      create: ({ req }) => Boolean(req.user),
      update: async ({ req }) => can(await getPrincipal(req), slug, 'update'),
      delete: async ({ req }) => can(await getPrincipal(req), slug, 'delete'),
    },
    hooks: { beforeChange: [stamp(slug)] },
    fields: [
      { name: 'user', type: 'relationship', relationTo: userSlug as never, required: true, index: true },
      { name: 'type', type: 'select', required: true, options: DSR_TYPES.map((t) => ({ label: t, value: t })) },
      { name: 'status', type: 'select', required: true, defaultValue: 'pending', index: true, options: ['pending', 'processing', 'completed', 'rejected'] },
      { name: 'details', type: 'textarea' },
      { name: 'submittedAt', type: 'date', admin: { readOnly: true } },
      { name: 'dueAt', type: 'date', index: true, admin: { readOnly: true, description: 'Answer within 30 days of submission.' } },
      { name: 'completedAt', type: 'date', admin: { readOnly: true } },
      { name: 'handledBy', type: 'relationship', relationTo: userSlug as never, admin: { readOnly: true } },
    ],
    timestamps: true,
  }
}
