/**
 * webhooksPlugin: signed outgoing webhooks for partners.
 *
 * - `webhooks` (owner, URL checked against SSRF, event types, secret shown once and stored
 *   encrypted, extra headers, active/disabled reason), `webhook-events` (the outbox),
 *   `webhook-deliveries` (one per hook and event, with replay) and `webhook-attempts` (the log).
 * - Events are recorded by the change's own transaction: collection hooks here for the
 *   configured collections (`<slug>.created|updated|deleted` and derived domain events), and
 *   `recordEvent` for domain code that writes SQL itself (orders, check-in).
 * - The `deliverWebhooks` job (every minute) sends what is due; see deliver.ts.
 */
import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, Config, PayloadRequest, Plugin, TaskConfig } from 'payload'

import { webhookCollections } from './collections'
import { configureSecrets, deliverDue, requeueStuck } from './deliver'
import { configureOutbox, recordEvent, type Audience, type OwnerSeesAll } from './outbox'
import { queryFor } from './sql'

export { recordEvent, pgRun } from './outbox'
export { verifySignature, sign, SIGNATURE_HEADER } from './signature'

type Doc = Record<string, unknown>
export type WatchedCollection = {
  /** Also send `<slug>.created`, `<slug>.updated`, `<slug>.deleted`. */
  generic?: boolean
  /** Domain events a change means (e.g. event.published when the status became published). */
  derive?: (a: { doc: Doc; previousDoc?: Doc; operation: 'create' | 'update' | 'delete' }) => string[]
  /** Who may see events about this document. */
  audience: (doc: Doc, req: PayloadRequest) => Audience | Promise<Audience>
  /** The event's `data` (default: the document as stored, at depth 0). */
  data?: (doc: Doc) => unknown
}

export type WebhooksOptions = {
  collections: Record<string, WatchedCollection>
  /** The domain events the app records with `recordEvent` (e.g. `order.completed`); subscribers pick from these. */
  eventTypes?: readonly string[]
  /** The auth collection that owns webhooks. Default `users`. */
  ownerCollection?: string
  /** Sees and manages every webhook, and may move one to another owner. Default: nobody (overrideAccess only). */
  isAdministrator?: (req: PayloadRequest) => Promise<boolean>
  /** May own webhooks (create them, manage their own). Default: any signed-in user. */
  canManage?: (req: PayloadRequest) => Promise<boolean>
  /** SQL true when the owner whose id is the given column receives every event (administrators). Default: nobody. */
  ownerSeesAll?: OwnerSeesAll
  /** Turns the stored signing secret into the secret (e.g. decrypts it when a field-encryption plugin encrypts it). Default: as stored. */
  readSecret?: (stored: string) => string
}

export function eventTypesFor(options: WebhooksOptions): string[] {
  const generic = Object.entries(options.collections)
    .filter(([, c]) => c.generic)
    .flatMap(([slug]) => ['created', 'updated', 'deleted'].map((op) => `${slug}.${op}`))
  return [...(options.eventTypes ?? []), ...generic, 'webhook.test']
}

export const webhooksPlugin =
  (options: WebhooksOptions): Plugin =>
  (config: Config): Config => {
    const types = eventTypesFor(options)
    configureOutbox(options.ownerSeesAll ?? (() => 'false'))
    configureSecrets(options.readSecret ?? ((s) => s))
    const collections = (config.collections ?? []).map((c) => {
      const watch = options.collections[c.slug]
      if (!watch) return c
      const dataOf = watch.data ?? ((d: Doc) => d)
      const afterChange: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
        const op = operation === 'create' ? 'create' : 'update'
        const wanted = [...(watch.generic ? [`${c.slug}.${op}d`] : []), ...(watch.derive?.({ doc, previousDoc, operation: op }) ?? [])]
        if (wanted.length === 0) return doc
        const run = await queryFor(req)
        for (const type of wanted) await recordEvent(run, type, { [c.slug]: dataOf(doc) }, await watch.audience(doc, req))
        return doc
      }
      const afterDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
        const wanted = [...(watch.generic ? [`${c.slug}.deleted`] : []), ...(watch.derive?.({ doc, operation: 'delete' }) ?? [])]
        if (wanted.length === 0) return
        const run = await queryFor(req)
        for (const type of wanted) await recordEvent(run, type, { [c.slug]: { id: doc.id } }, await watch.audience(doc, req))
      }
      return {
        ...c,
        hooks: {
          ...c.hooks,
          afterChange: [...(c.hooks?.afterChange ?? []), afterChange],
          afterDelete: [...(c.hooks?.afterDelete ?? []), afterDelete],
        },
      }
    })
    const task: TaskConfig<'deliverWebhooks'> = {
      slug: 'deliverWebhooks',
      schedule: [{ cron: '* * * * *', queue: 'default' }],
      outputSchema: [
        { name: 'attempted', type: 'number' },
        { name: 'succeeded', type: 'number' },
        { name: 'retrying', type: 'number' },
        { name: 'dead', type: 'number' },
      ],
      handler: async ({ req }) => {
        const db = (req.payload.db as unknown as { pool: import('pg').Pool }).pool
        await requeueStuck(db, new Date())
        return { output: await deliverDue(db) }
      },
    }
    return {
      ...config,
      collections: [...collections, ...webhookCollections(types, options)],
      jobs: { ...config.jobs, tasks: [...(config.jobs?.tasks ?? []), task as TaskConfig] },
    }
  }
