import type { Access, CollectionConfig } from 'payload'

/** Append-only: no API may create, change or delete an entry; only the platform writes (and the retention job prunes). */
export function auditCollection(
  slug: string,
  read: Access,
  clientAddress?: (req: { headers: Headers }) => string | null,
  userCollection = 'users',
): CollectionConfig {
  return {
    slug,
    // How the entries' `ip` is found (the app's rule, see AuditLogOptions.clientAddress).
    custom: { clientAddress },
    admin: {
      useAsTitle: 'summary',
      group: 'Security',
      defaultColumns: ['createdAt', 'action', 'collection', 'documentId', 'actor', 'actorApiKey', 'ip'],
      listSearchableFields: ['documentId', 'summary', 'actorEmail'],
    },
    access: { read, create: () => false, update: () => false, delete: () => false },
    defaultSort: '-createdAt',
    fields: [
      {
        name: 'action',
        type: 'select',
        required: true,
        index: true,
        options: ['create', 'update', 'delete', 'login', 'login_failed', 'logout', 'password_reset_requested', 'erasure'],
      },
      { name: 'collection', type: 'text', index: true },
      { name: 'documentId', type: 'text', index: true },
      { name: 'actor', type: 'relationship', relationTo: userCollection as never, index: true },
      { name: 'actorEmail', type: 'text', index: true },
      { name: 'actorApiKey', type: 'text', index: true, admin: { description: 'Prefix of the API key that made the change.' } },
      { name: 'summary', type: 'text' },
      { name: 'changes', type: 'json' },
      { name: 'ip', type: 'text' },
      { name: 'userAgent', type: 'text' },
    ],
    timestamps: true,
  }
}
