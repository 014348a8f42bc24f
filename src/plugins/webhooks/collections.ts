import {
  ValidationError,
  type Access,
  type PayloadRequest,
  type CollectionBeforeChangeHook,
  type CollectionBeforeDeleteHook,
  type CollectionConfig,
  type FieldHook,
  type Where,
} from 'payload'

import { replayEndpoint, testEndpoint } from './endpoints'
import type { WebhooksOptions } from './index'
import { queryFor } from './sql'
import { checkTarget, UnsafeTarget } from './ssrf'
import { newSecret } from './signature'

const CONTEXT_KEY = 'webhookSecretPlaintext'

export type Roles = { isAdministrator: (req: PayloadRequest) => Promise<boolean>; canManage: (req: PayloadRequest) => Promise<boolean> }

export function rolesOf(options: Pick<WebhooksOptions, 'isAdministrator' | 'canManage'>): Roles {
  return {
    isAdministrator: options.isAdministrator ?? (async () => false),
    canManage: options.canManage ?? (async (req) => Boolean(req.user)),
  }
}

/** Administrators see every hook; those who may manage webhooks (users, or API keys with that right) their own. */
export const ownHooks =
  (ownerPath: string, roles: Roles): Access =>
  async ({ req }) => {
    if (!req.user) return false
    if (await roles.isAdministrator(req)) return true
    if (!(await roles.canManage(req))) return false
    const own: Where = { [ownerPath]: { equals: req.user.id } }
    return own
  }

/** Owner and secret on create, the target checked against SSRF on every URL change, re-enabling clears the failure count. */
const prepare =
  (roles: Roles): CollectionBeforeChangeHook =>
  async ({ data, originalDoc, operation, req }) => {
    const admin = await roles.isAdministrator(req)
    if (operation === 'create') {
      if (req.user && (!data.owner || !admin)) data.owner = req.user.id
      const secret = newSecret()
      data.signingSecret = secret
      req.context[CONTEXT_KEY] = secret
    } else if (data.owner && !admin && String(data.owner) !== String(originalDoc?.owner?.id ?? originalDoc?.owner)) {
      throw new ValidationError({
        collection: 'webhooks',
        errors: [{ path: 'owner', message: 'Only administrators move a webhook to another owner.' }],
      })
    }
    if (typeof data.url === 'string' && data.url !== originalDoc?.url) {
      try {
        await checkTarget(data.url)
      } catch (err) {
        if (!(err instanceof UnsafeTarget)) throw err
        throw new ValidationError({
          collection: 'webhooks',
          errors: [{ path: 'url', message: `This URL cannot receive webhooks: ${err.message}.` }],
        })
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

export function webhookCollections(eventTypes: string[], options: WebhooksOptions): CollectionConfig[] {
  const roles = rolesOf(options)
  const ownerCollection = options.ownerCollection ?? 'users'
  const administratorsOnly: Access = async ({ req }) => roles.isAdministrator(req)
  const readOnly = { create: () => false, update: () => false }
  const webhooks: CollectionConfig = {
    slug: 'webhooks',
    admin: {
      useAsTitle: 'name',
      group: 'Integration',
      defaultColumns: ['name', 'url', 'active', 'owner', 'consecutiveFailures', 'lastSuccessAt'],
    },
    access: {
      read: ownHooks('owner', roles),
      create: async ({ req }) => Boolean(req.user) && roles.canManage(req),
      update: ownHooks('owner', roles),
      delete: ownHooks('owner', roles),
    },
    hooks: { beforeChange: [prepare(roles)], beforeDelete: [deleteDeliveries] },
    endpoints: [testEndpoint(roles)],
    fields: [
      { name: 'name', type: 'text', required: true },
      {
        name: 'url',
        type: 'text',
        required: true,
        admin: { description: 'https:// endpoint that receives POSTed JSON. Private and loopback addresses are refused.' },
      },
      {
        name: 'eventTypes',
        type: 'select',
        hasMany: true,
        required: true,
        options: eventTypes,
        admin: { description: 'The event types this hook receives.' },
      },
      { name: 'secret', type: 'text', virtual: true, admin: { hidden: true }, hooks: { afterRead: [showOnce] }, custom: { redact: true } },
      { name: 'signingSecret', type: 'text', hidden: true, custom: { redact: true } },
      { name: 'owner', type: 'relationship', relationTo: ownerCollection as never, index: true, admin: { position: 'sidebar' } },
      { name: 'active', type: 'checkbox', defaultValue: true, index: true, admin: { position: 'sidebar' } },
      { name: 'disabledReason', type: 'text', admin: { readOnly: true, position: 'sidebar' }, access: readOnly },
      {
        name: 'headers',
        type: 'array',
        admin: { description: 'Extra headers sent with every delivery (e.g. an authorization token of the receiver).' },
        fields: [
          {
            type: 'row',
            fields: [
              {
                name: 'name',
                type: 'text',
                required: true,
                validate: (v: unknown) =>
                  typeof v === 'string' && /^[A-Za-z0-9-]{1,64}$/.test(v) && !/^(host|content-length|content-type)$/i.test(v)
                    ? true
                    : 'A header name: letters, digits and dashes (not Host, Content-Length or Content-Type).',
              },
              { name: 'value', type: 'text', required: true, custom: { redact: true } },
            ],
          },
        ],
      },
      {
        type: 'row',
        fields: [
          { name: 'consecutiveFailures', type: 'number', defaultValue: 0, admin: { readOnly: true }, access: readOnly },
          { name: 'lastSuccessAt', type: 'date', admin: { readOnly: true }, access: readOnly },
          { name: 'lastFailureAt', type: 'date', admin: { readOnly: true }, access: readOnly },
        ],
      },
    ],
    timestamps: true,
  }
  const events: CollectionConfig = {
    slug: 'webhook-events',
    admin: { group: 'Integration', useAsTitle: 'type', defaultColumns: ['type', 'createdAt', 'audiencePublic'] },
    access: { read: administratorsOnly, create: () => false, update: () => false, delete: () => false },
    fields: [
      { name: 'type', type: 'text', required: true, index: true },
      { name: 'data', type: 'json' },
      { name: 'audiencePublic', type: 'checkbox', defaultValue: false },
      { name: 'audienceOrganizer', type: 'relationship', relationTo: ownerCollection as never },
    ],
    timestamps: true,
  }
  const deliveries: CollectionConfig = {
    slug: 'webhook-deliveries',
    admin: {
      group: 'Integration',
      defaultColumns: ['webhook', 'event', 'status', 'attempts', 'lastStatusCode', 'nextAttemptAt', 'deliveredAt'],
      components: { edit: { beforeDocumentControls: ['/src/plugins/webhooks/components/Replay#Replay'] } },
    },
    access: { read: ownHooks('webhook.owner', roles), create: () => false, update: () => false, delete: () => false },
    endpoints: [replayEndpoint(roles)],
    fields: [
      {
        type: 'row',
        fields: [
          { name: 'webhook', type: 'relationship', relationTo: 'webhooks', required: true, index: true },
          { name: 'event', type: 'relationship', relationTo: 'webhook-events', required: true, index: true },
        ],
      },
      {
        name: 'status',
        type: 'select',
        required: true,
        defaultValue: 'pending',
        index: true,
        options: ['pending', 'delivering', 'retrying', 'succeeded', 'dead'],
      },
      {
        type: 'row',
        fields: [
          { name: 'attempts', type: 'number', defaultValue: 0 },
          { name: 'nextAttemptAt', type: 'date', index: true },
          { name: 'deliveredAt', type: 'date' },
        ],
      },
      {
        type: 'row',
        fields: [
          { name: 'lastStatusCode', type: 'number' },
          { name: 'lastError', type: 'text' },
        ],
      },
      { name: 'replayOf', type: 'relationship', relationTo: 'webhook-deliveries' },
    ],
    timestamps: true,
  }
  const attempts: CollectionConfig = {
    slug: 'webhook-attempts',
    admin: {
      group: 'Integration',
      defaultColumns: ['delivery', 'attempt', 'statusCode', 'durationMs', 'error', 'nextAttemptAt', 'createdAt'],
    },
    defaultSort: '-createdAt',
    access: { read: ownHooks('webhook.owner', roles), create: () => false, update: () => false, delete: () => false },
    fields: [
      {
        type: 'row',
        fields: [
          { name: 'delivery', type: 'relationship', relationTo: 'webhook-deliveries', required: true, index: true },
          { name: 'webhook', type: 'relationship', relationTo: 'webhooks', required: true, index: true },
          { name: 'event', type: 'relationship', relationTo: 'webhook-events', required: true },
        ],
      },
      {
        type: 'row',
        fields: [
          { name: 'attempt', type: 'number', required: true },
          { name: 'statusCode', type: 'number' },
          { name: 'durationMs', type: 'number' },
          { name: 'nextAttemptAt', type: 'date' },
        ],
      },
      { name: 'responseExcerpt', type: 'textarea' },
      { name: 'error', type: 'text' },
    ],
    timestamps: true,
  }
  return [webhooks, events, deliveries, attempts]
}
