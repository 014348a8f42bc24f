import type { Access, CollectionBeforeChangeHook, CollectionConfig, PayloadRequest, Where } from 'payload'

export const DSR_TYPES = ['access', 'delete', 'rectify', 'restrict', 'portability'] as const

const DUE_DAYS = 30

/** Users file requests for themselves; the 30-day due date and the handler are set by the platform. */
type IsManager = (req: PayloadRequest) => Promise<boolean>
type Handles = (req: PayloadRequest, action: 'read' | 'update' | 'delete') => Promise<boolean>

const stamp =
  (isManager: IsManager): CollectionBeforeChangeHook =>
  async ({ data, req, operation, originalDoc }) => {
    const manager = await isManager(req)
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

export function dsrCollection(slug: string, userSlug: string, handles: Handles): CollectionConfig {
  const isManager: IsManager = (req) => handles(req, 'update')
  const ownOrAll: Access = async ({ req }) => {
    if (!req.user) return false
    if (await handles(req, 'read')) return true
    const own: Where = { user: { equals: req.user.id } }
    return own
  }
  return {
    slug,
    labels: { singular: 'Data subject request', plural: 'Data subject requests' },
    admin: { useAsTitle: 'type', group: 'Security', defaultColumns: ['type', 'user', 'status', 'submittedAt', 'dueAt', 'handledBy'] },
    access: {
      read: ownOrAll,
      create: ({ req }) => Boolean(req.user),
      update: async ({ req }) => handles(req, 'update'),
      delete: async ({ req }) => handles(req, 'delete'),
    },
    hooks: { beforeChange: [stamp(isManager)] },
    fields: [
      { name: 'user', type: 'relationship', relationTo: userSlug as never, required: true, index: true },
      { name: 'type', type: 'select', required: true, options: DSR_TYPES.map((t) => ({ label: t, value: t })) },
      {
        name: 'status',
        type: 'select',
        required: true,
        defaultValue: 'pending',
        index: true,
        options: ['pending', 'processing', 'completed', 'rejected'],
      },
      { name: 'details', type: 'textarea' },
      { name: 'submittedAt', type: 'date', admin: { readOnly: true } },
      { name: 'dueAt', type: 'date', index: true, admin: { readOnly: true, description: 'Answer within 30 days of submission.' } },
      { name: 'completedAt', type: 'date', admin: { readOnly: true } },
      { name: 'handledBy', type: 'relationship', relationTo: userSlug as never, admin: { readOnly: true } },
    ],
    timestamps: true,
  }
}
