import type { CollectionBeforeChangeHook, CollectionConfig, FieldHook } from 'payload'
import { ValidationError } from 'payload'

import { can, getPrincipal } from '../../access/principal'
import { anyOrOwn, fieldPermitted, permitted } from '../../access/rules'
import { generateKey, stashForReveal } from './keys'
import { revealEndpoint } from './reveal'

const CONTEXT_KEY = 'apiKeyPlaintext'

/**
 * On create: the key is generated here; only its prefix and a hash of its secret are stored. The
 * full key rides on `req.context` to the create response (REST, GraphQL) and is stashed in memory
 * for the admin UI's one-time reveal. The owner is the creator unless an admin names another,
 * and a key's scopes never exceed what its owner may do.
 */
const issueKey =
  (slug: string, scopes: Set<string>): CollectionBeforeChangeHook =>
  async ({ data, req, operation, originalDoc }) => {
    const principal = await getPrincipal(req)
    const manager = can(principal, slug, 'update')
    if (operation === 'create') {
      if (req.user && (!data.owner || !manager)) data.owner = req.user.id
      const { key, prefix, secretHash } = generateKey()
      Object.assign(data, { prefix, secretHash })
      req.context[CONTEXT_KEY] = { prefix, key }
    }
    const raw: unknown = data.scopes ?? originalDoc?.scopes ?? []
    if (!Array.isArray(raw) || !raw.every((s) => typeof s === 'string')) throw new ValidationError({ collection: slug, errors: [{ path: 'scopes', message: 'Scopes must be a list of scope names.' }] })
    const wanted: string[] = raw
    const unknown = wanted.filter((s) => !scopes.has(s))
    if (unknown.length) throw new ValidationError({ collection: slug, errors: [{ path: 'scopes', message: `Unknown scope(s): ${unknown.join(', ')}.` }] })
    const ownerId = String(data.owner ?? originalDoc?.owner?.id ?? originalDoc?.owner ?? '')
    if (data.scopes && !manager && principal && ownerId === String(principal.id)) {
      const beyond = wanted.filter((s) => {
        const [resource, action] = s.split(':')
        return !can(principal, resource, action)
      })
      if (beyond.length) throw new ValidationError({ collection: slug, errors: [{ path: 'scopes', message: `A key cannot do more than its owner: ${beyond.join(', ')}.` }] })
    }
    return data
  }

/** The full key, in the response of the request that created it, and nowhere else. */
const showOnce: FieldHook = ({ siblingData, req }) => {
  const fresh = req.context?.[CONTEXT_KEY] as { prefix: string; key: string } | undefined
  return fresh && fresh.prefix === siblingData?.prefix ? fresh.key : undefined
}

export function apiKeysCollection(slug: string, ownerCollection: string, scopes: string[], defaultRateLimit: number): CollectionConfig {
  const scopeSet = new Set(scopes)
  return {
    slug,
    admin: { useAsTitle: 'name', group: 'Security', defaultColumns: ['name', 'prefix', 'owner', 'active', 'expiresAt', 'lastUsedAt'] },
    access: {
      read: anyOrOwn(slug, 'read', 'owner'),
      create: permitted(slug, 'create'),
      update: anyOrOwn(slug, 'update', 'owner'),
      delete: anyOrOwn(slug, 'delete', 'owner'),
    },
    hooks: {
      beforeChange: [issueKey(slug, scopeSet)],
      afterChange: [
        ({ doc, req, operation }) => {
          const fresh = req.context?.[CONTEXT_KEY] as { prefix: string; key: string } | undefined
          if (operation === 'create' && fresh && req.user) stashForReveal(String(doc.id), fresh.key, String(req.user.id))
          return doc
        },
      ],
    },
    endpoints: [revealEndpoint],
    fields: [
      { name: 'name', type: 'text', required: true },
      { name: 'key', type: 'text', virtual: true, admin: { hidden: true }, hooks: { afterRead: [showOnce] }, custom: { redact: true } },
      { name: 'revealKey', type: 'ui', admin: { components: { Field: '/src/plugins/api-keys/components/RevealKey#RevealKey' } } },
      { name: 'prefix', type: 'text', unique: true, index: true, admin: { readOnly: true, description: 'Identifies the key in logs; the secret is never stored.' }, access: { create: () => false, update: () => false } },
      { name: 'secretHash', type: 'text', hidden: true, custom: { redact: true } },
      { name: 'owner', type: 'relationship', relationTo: ownerCollection as never, index: true, access: { update: fieldPermitted(slug, 'update') } },
      {
        name: 'scopes',
        type: 'text',
        hasMany: true,
        admin: { description: `resource:action, e.g. events:read, orders:read, tickets:check-in. Known: ${scopes.slice(0, 12).join(', ')}…` },
      },
      { type: 'row', fields: [
        { name: 'rateLimit', type: 'number', defaultValue: defaultRateLimit, min: 1, max: 100_000, admin: { description: 'Requests per minute.' } },
        { name: 'active', type: 'checkbox', defaultValue: true, index: true },
        { name: 'expiresAt', type: 'date', index: true },
        { name: 'lastUsedAt', type: 'date', admin: { readOnly: true }, access: { create: () => false, update: () => false } },
      ] },
    ],
    timestamps: true,
  }
}

export function usageLogsCollection(slug: string, keysSlug: string): CollectionConfig {
  return {
    slug,
    admin: { group: 'Security', defaultColumns: ['createdAt', 'keyPrefix', 'method', 'path', 'status', 'durationMs'] },
    access: { read: permitted(keysSlug, 'read'), create: () => false, update: () => false, delete: () => false },
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
