import { ValidationError, type Access, type CollectionBeforeChangeHook, type CollectionBeforeDeleteHook, type CollectionConfig, type FieldHook, type Where } from 'payload'

import { can, getPrincipal } from '../../access/principal'
import { queryFor } from '../../db/sql'
import { replayEndpoint, testEndpoint } from './endpoints'
import { checkTarget, UnsafeTarget } from './ssrf'
import { newSecret } from './signature'

export const RESOURCE = 'webhooks'
const CONTEXT_KEY = 'webhookSecretPlaintext'

/** Admins see every hook; holders of webhooks:manage (users, or API keys with that scope) their own. */
export const ownHooks =
  (ownerPath: string): Access =>
  async ({ req }) => {
    const principal = await getPrincipal(req)
    if (!principal) return false
    if (principal.superuser) return true
    if (!can(principal, RESOURCE, 'manage')) return false
    const own: Where = { [ownerPath]: { equals: principal.id } }
    return own
  }

const superuserOnly: Access = async ({ req }) => Boolean((await getPrincipal(req))?.superuser)

/** Owner and secret on create, the target checked against SSRF on every URL change, re-enabling clears the failure count. */
const prepare: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req }) => {
  const principal = await getPrincipal(req)
  if (operation === 'create') {
    if (req.user && (!data.owner || !principal?.superuser)) data.owner = req.user.id
    const secret = newSecret()
    data.signingSecret = secret
    req.context[CONTEXT_KEY] = secret
  } else if (data.owner && !principal?.superuser && String(data.owner) !== String(originalDoc?.owner?.id ?? originalDoc?.owner)) {
    throw new ValidationError({ collection: 'webhooks', errors: [{ path: 'owner', message: 'Only administrators move a webhook to another owner.' }] })
  }
  if (typeof data.url === 'string' && data.url !== originalDoc?.url) {
    try {
      await checkTarget(data.url)
    } catch (err) {
      if (!(err instanceof UnsafeTarget)) throw err
      throw new ValidationError({ collection: 'webhooks', errors: [{ path: 'url', message: `This URL cannot receive webhooks: ${err.message}.` }] })
    }
  }
  if (data.active === true && originalDoc && originalDoc.active === false) {
    data.consecutiveFailures = 0
    data.disabledReason = null
  }
  return data
}

/** A hook's deliveries and their attempts go with it (same transaction); the outbox events stay. */
const deleteDeliveries: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const run = await queryFor(req)
  await run(`DELETE FROM webhook_attempts WHERE webhook_id = $1::uuid`, [String(id)])
  await run(`DELETE FROM webhook_deliveries WHERE webhook_id = $1::uuid`, [String(id)])
}

const showOnce: FieldHook = ({ req }) => (req.context?.[CONTEXT_KEY] as string | undefined) ?? undefined

export function webhookCollections(eventTypes: string[]): CollectionConfig[] {
  const readOnly = { create: () => false, update: () => false }
  const webhooks: CollectionConfig = {
    slug: 'webhooks',
    admin: { useAsTitle: 'name', group: 'Integration', defaultColumns: ['name', 'url', 'active', 'owner', 'consecutiveFailures', 'lastSuccessAt'] },
    access: { read: ownHooks('owner'), create: async ({ req }) => can(await getPrincipal(req), RESOURCE, 'manage'), update: ownHooks('owner'), delete: ownHooks('owner') },
    hooks: { beforeChange: [prepare], beforeDelete: [deleteDeliveries] },
    endpoints: [testEndpoint],
    fields: [
      { name: 'name', type: 'text', required: true },
      { name: 'url', type: 'text', required: true, admin: { description: 'https:// endpoint that receives POSTed JSON. Private and loopback addresses are refused.' } },
      { name: 'eventTypes', type: 'select', hasMany: true, required: true, options: eventTypes, admin: { description: 'The event types this hook receives.' } },
      { name: 'secret', type: 'text', virtual: true, admin: { hidden: true }, hooks: { afterRead: [showOnce] }, custom: { redact: true } },
      { name: 'signingSecret', type: 'text', hidden: true, custom: { redact: true } },
      { name: 'owner', type: 'relationship', relationTo: 'users', index: true, admin: { position: 'sidebar' } },
      { name: 'active', type: 'checkbox', defaultValue: true, index: true, admin: { position: 'sidebar' } },
      { name: 'disabledReason', type: 'text', admin: { readOnly: true, position: 'sidebar' }, access: readOnly },
      { name: 'headers', type: 'array', admin: { description: 'Extra headers sent with every delivery (e.g. an authorization token of the receiver).' }, fields: [{ type: 'row', fields: [{ name: 'name', type: 'text', required: true, validate: (v: unknown) => (typeof v === 'string' && /^[A-Za-z0-9-]{1,64}$/.test(v) && !/^(host|content-length|content-type)$/i.test(v) ? true : 'A header name: letters, digits and dashes (not Host, Content-Length or Content-Type).') }, { name: 'value', type: 'text', required: true, custom: { redact: true } }] }] },
      { type: 'row', fields: [
        { name: 'consecutiveFailures', type: 'number', defaultValue: 0, admin: { readOnly: true }, access: readOnly },
        { name: 'lastSuccessAt', type: 'date', admin: { readOnly: true }, access: readOnly },
        { name: 'lastFailureAt', type: 'date', admin: { readOnly: true }, access: readOnly },
      ] },
    ],
    timestamps: true,
  }
  const events: CollectionConfig = {
    slug: 'webhook-events',
    admin: { group: 'Integration', useAsTitle: 'type', defaultColumns: ['type', 'createdAt', 'audiencePublic'] },
    access: { read: superuserOnly, create: () => false, update: () => false, delete: () => false },
    fields: [
      { name: 'type', type: 'text', required: true, index: true },
      { name: 'data', type: 'json' },
      { name: 'audiencePublic', type: 'checkbox', defaultValue: false },
      { name: 'audienceOrganizer', type: 'relationship', relationTo: 'users' },
    ],
    timestamps: true,
  }
  const deliveries: CollectionConfig = {
    slug: 'webhook-deliveries',
    admin: { group: 'Integration', defaultColumns: ['webhook', 'event', 'status', 'attempts', 'lastStatusCode', 'nextAttemptAt', 'deliveredAt'], components: { edit: { beforeDocumentControls: ['/src/plugins/webhooks/components/Replay#Replay'] } } },
    access: { read: ownHooks('webhook.owner'), create: () => false, update: () => false, delete: () => false },
    endpoints: [replayEndpoint],
    fields: [
      { type: 'row', fields: [{ name: 'webhook', type: 'relationship', relationTo: 'webhooks', required: true, index: true }, { name: 'event', type: 'relationship', relationTo: 'webhook-events', required: true, index: true }] },
      { name: 'status', type: 'select', required: true, defaultValue: 'pending', index: true, options: ['pending', 'delivering', 'retrying', 'succeeded', 'dead'] },
      { type: 'row', fields: [{ name: 'attempts', type: 'number', defaultValue: 0 }, { name: 'nextAttemptAt', type: 'date', index: true }, { name: 'deliveredAt', type: 'date' }] },
      { type: 'row', fields: [{ name: 'lastStatusCode', type: 'number' }, { name: 'lastError', type: 'text' }] },
      { name: 'replayOf', type: 'relationship', relationTo: 'webhook-deliveries' },
    ],
    timestamps: true,
  }
  const attempts: CollectionConfig = {
    slug: 'webhook-attempts',
    admin: { group: 'Integration', defaultColumns: ['delivery', 'attempt', 'statusCode', 'durationMs', 'error', 'nextAttemptAt', 'createdAt'] },
    defaultSort: '-createdAt',
    access: { read: ownHooks('webhook.owner'), create: () => false, update: () => false, delete: () => false },
    fields: [
      { type: 'row', fields: [{ name: 'delivery', type: 'relationship', relationTo: 'webhook-deliveries', required: true, index: true }, { name: 'webhook', type: 'relationship', relationTo: 'webhooks', required: true, index: true }, { name: 'event', type: 'relationship', relationTo: 'webhook-events', required: true }] },
      { type: 'row', fields: [{ name: 'attempt', type: 'number', required: true }, { name: 'statusCode', type: 'number' }, { name: 'durationMs', type: 'number' }, { name: 'nextAttemptAt', type: 'date' }] },
      { name: 'responseExcerpt', type: 'textarea' },
      { name: 'error', type: 'text' },
    ],
    timestamps: true,
  }
  return [webhooks, events, deliveries, attempts]
}
