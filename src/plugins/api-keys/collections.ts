import type { Access, CollectionBeforeChangeHook, CollectionConfig, FieldHook } from 'payload'
import { ValidationError } from 'payload'

import { generateKey } from './keys'
import { revealEndpoint, seal, startRevealWindow } from './reveal'
import type { ApiKeysOptions, PermissionSet } from './types'

const CONTEXT_KEY = 'apiKeyPlaintext'

/**
 * On create: the key is generated here; only its prefix and a hash of its secret are stored. The
 * full key rides on `req.context` to the create response (REST, GraphQL) and is kept sealed on the
 * row for the admin UI's one-time reveal (reveal.ts). The owner is the creator unless an admin names another,
 * and a key's scopes never exceed what its owner may do.
 */
type Resolved = Required<Pick<ApiKeysOptions, 'resolvePermissions' | 'isManager'>>

const issueKey =
  (slug: string, scopes: Set<string>, opts: Resolved): CollectionBeforeChangeHook =>
  async ({ data, req, operation, originalDoc }) => {
    const manager = await opts.isManager(req)
    const permissions: PermissionSet | null = req.user
      ? await opts.resolvePermissions({ payload: req.payload, user: req.user as never })
      : null
    if (operation === 'create') {
      if (req.user && (!data.owner || !manager)) data.owner = req.user.id
      const { key, prefix, secretHash } = generateKey()
      Object.assign(data, { prefix, secretHash })
      if (req.user) Object.assign(data, { revealSecret: seal(req.payload.secret, key), revealTo: String(req.user.id) })
      req.context[CONTEXT_KEY] = { prefix, key }
    }
    const raw: unknown = data.scopes ?? originalDoc?.scopes ?? []
    if (!Array.isArray(raw) || !raw.every((s) => typeof s === 'string'))
      throw new ValidationError({ collection: slug, errors: [{ path: 'scopes', message: 'Scopes must be a list of scope names.' }] })
    const wanted: string[] = raw
    const unknown = wanted.filter((s) => !scopes.has(s))
    if (unknown.length)
      throw new ValidationError({ collection: slug, errors: [{ path: 'scopes', message: `Unknown scope(s): ${unknown.join(', ')}.` }] })
    const ownerId = String(data.owner ?? originalDoc?.owner?.id ?? originalDoc?.owner ?? '')
    if (data.scopes && !manager && req.user && permissions && !permissions.all && ownerId === String(req.user.id)) {
      const beyond = wanted.filter((s) => !permissions.has(s))
      if (beyond.length)
        throw new ValidationError({
          collection: slug,
          errors: [{ path: 'scopes', message: `A key cannot do more than its owner: ${beyond.join(', ')}.` }],
        })
    }
    return data
  }

/** The full key, in the response of the request that created it, and nowhere else. */
const showOnce: FieldHook = ({ siblingData, req }) => {
  const fresh = req.context?.[CONTEXT_KEY] as { prefix: string; key: string } | undefined
  return fresh && fresh.prefix === siblingData?.prefix ? fresh.key : undefined
}

/** Signed-in users see and change their own keys; nobody else (overrideAccess aside). */
const ownKeys: Access = ({ req }) => (req.user ? { owner: { equals: req.user.id } } : false)

export function apiKeysCollection(
  slug: string,
  ownerCollection: string,
  scopes: string[],
  defaultRateLimit: number,
  options: ApiKeysOptions,
): CollectionConfig {
  const scopeSet = new Set(scopes)
  const access = options.access ?? {}
  const resolved: Resolved = {
    resolvePermissions: options.resolvePermissions ?? (async () => ({ all: true, has: () => true })),
    isManager: options.isManager ?? (async () => false),
  }
  return {
    slug,
    custom: { apiKeys: true },
    admin: { useAsTitle: 'name', group: 'Security', defaultColumns: ['name', 'prefix', 'owner', 'active', 'expiresAt', 'lastUsedAt'] },
    access: {
      read: access.read ?? ownKeys,
      create: access.create ?? (({ req }) => Boolean(req.user)),
      update: access.update ?? ownKeys,
      delete: access.delete ?? ownKeys,
    },
    hooks: {
      beforeOperation: [
        async ({ args, operation, req }) => {
          if (operation === 'create') await options.guardCreate?.(req)
          return args
        },
      ],
      beforeChange: [issueKey(slug, scopeSet, resolved)],
      afterChange: [
        async ({ doc, req, operation }) => {
          if (operation === 'create' && req.user) await startRevealWindow(req, String(doc.id))
          return doc
        },
      ],
    },
    endpoints: [revealEndpoint],
    fields: [
      { name: 'name', type: 'text', required: true },
      { name: 'key', type: 'text', virtual: true, admin: { hidden: true }, hooks: { afterRead: [showOnce] }, custom: { redact: true } },
      { name: 'revealKey', type: 'ui', admin: { components: { Field: '/src/plugins/api-keys/components/RevealKey#RevealKey' } } },
      {
        name: 'prefix',
        type: 'text',
        unique: true,
        index: true,
        admin: { readOnly: true, description: 'Identifies the key in logs; the secret is never stored.' },
        access: { create: () => false, update: () => false },
      },
      { name: 'secretHash', type: 'text', hidden: true, custom: { redact: true } },
      // The one-time reveal (reveal.ts): the sealed key, who may read it, and until when.
      // Set by the hooks only: a client can neither read nor write them.
      { name: 'revealSecret', type: 'text', hidden: true, custom: { redact: true }, access: { create: () => false, update: () => false } },
      { name: 'revealTo', type: 'text', hidden: true, access: { create: () => false, update: () => false } },
      { name: 'revealUntil', type: 'date', hidden: true, access: { create: () => false, update: () => false } },
      {
        name: 'owner',
        type: 'relationship',
        relationTo: ownerCollection as never,
        index: true,
        access: { update: access.updateOwner ?? (() => false) },
      },
      {
        name: 'scopes',
        type: 'text',
        hasMany: true,
        admin: {
          description: `resource:action, e.g. events:read, orders:read, tickets:check-in. Known: ${scopes.slice(0, 12).join(', ')}…`,
        },
      },
      {
        type: 'row',
        fields: [
          {
            name: 'rateLimit',
            type: 'number',
            defaultValue: defaultRateLimit,
            min: 1,
            max: 100_000,
            admin: { description: 'Requests per minute.' },
          },
          { name: 'active', type: 'checkbox', defaultValue: true, index: true },
          { name: 'expiresAt', type: 'date', index: true },
          { name: 'lastUsedAt', type: 'date', admin: { readOnly: true }, access: { create: () => false, update: () => false } },
        ],
      },
    ],
    timestamps: true,
  }
}

export function usageLogsCollection(slug: string, readUsage: Access = () => false): CollectionConfig {
  return {
    slug,
    custom: { apiKeyUsage: true },
    admin: { group: 'Security', defaultColumns: ['createdAt', 'keyPrefix', 'method', 'path', 'status', 'durationMs'] },
    access: { read: readUsage, create: () => false, update: () => false, delete: () => false },
    defaultSort: '-createdAt',
    fields: [
      { name: 'keyPrefix', type: 'text', index: true },
      { name: 'method', type: 'text' },
      { name: 'path', type: 'text', index: true },
      { name: 'status', type: 'number', index: true },
      { name: 'durationMs', type: 'number' },
      { name: 'requestBytes', type: 'number' },
      { name: 'responseBytes', type: 'number' },
      { name: 'ip', type: 'text' },
      { name: 'userAgent', type: 'text' },
    ],
    timestamps: true,
  }
}
