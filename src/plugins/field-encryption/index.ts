/**
 * field-encryption: the configured fields are stored only as AES-256-GCM ciphertext naming its
 * key version; a key registry records versions (never material); a Payload job re-encrypts
 * every value to the active key (resumable, safe to run twice).
 */
import type { Access, CollectionConfig, Config, Field, Payload, Plugin } from 'payload'

import { keyring } from './crypto'
import { encryptedField } from './field'
import { columnOf, rotateColumns } from './rotate'
import type { FieldEncryptionOptions } from './types'

export type { FieldEncryptionOptions } from './types'
export { decryptValue, encryptValue, isCiphertext } from './crypto'

const registry = (slug: string, read: Access): CollectionConfig => ({
  slug,
  admin: { useAsTitle: 'name', group: 'Security', defaultColumns: ['name', 'version', 'active', 'rotatedAt'] },
  access: { read, create: () => false, update: () => false, delete: () => false },
  fields: [
    { name: 'name', type: 'text', required: true },
    { name: 'version', type: 'number', required: true, unique: true },
    { name: 'active', type: 'checkbox', defaultValue: false },
    { name: 'rotatedAt', type: 'date', admin: { description: 'When every value was last re-encrypted to this key.' } },
  ],
  timestamps: true,
})

/** Records every configured key version (never its material) and which one is active. */
async function syncRegistry(payload: Payload, registrySlug: string) {
  const ring = keyring()
  for (const version of ring.keys.keys()) {
    const found = await payload.find({
      collection: registrySlug as never,
      where: { version: { equals: version } },
      overrideAccess: true,
      limit: 1,
    })
    const data = { name: `key v${version}`, version, active: version === ring.active }
    const row = found.docs[0] as { id: string; active?: boolean } | undefined
    if (row) {
      if (row.active !== data.active)
        await payload.update({
          collection: registrySlug as never,
          id: row.id,
          data: data as never,
          overrideAccess: true,
          context: { skipAudit: true },
        })
    } else
      await payload.create({ collection: registrySlug as never, data: data as never, overrideAccess: true, context: { skipAudit: true } })
  }
}

export const fieldEncryptionPlugin =
  (options: FieldEncryptionOptions): Plugin =>
  (config: Config): Config => {
    const registrySlug = options.registrySlug ?? 'encryption-keys'
    const replace = (fields: Field[], collection: string): Field[] =>
      fields.map((f) => {
        const named = f as Field & { name?: string; fields?: Field[]; label?: string; admin?: object }
        const spec = options.fields.find((s) => s.collection === collection && s.field === named.name)
        if (spec)
          return encryptedField({
            name: spec.field,
            label: named.label as string | undefined,
            read: spec.read,
            admin: named.admin as never,
            json: spec.json,
          })
        if (!named.name && Array.isArray(named.fields)) return { ...f, fields: replace(named.fields, collection) } as Field
        return f
      })
    const collections = (config.collections ?? []).map((c) =>
      options.fields.some((s) => s.collection === c.slug) ? { ...c, fields: replace(c.fields, c.slug) } : c,
    )
    collections.push(registry(registrySlug, options.readAccess ?? (({ req }) => Boolean(req.user))))
    const columns = options.fields.map((s) => columnOf(s.collection, s.field, s.json))
    const jobs = config.jobs ?? {}
    return {
      ...config,
      collections,
      jobs: {
        ...jobs,
        tasks: [
          ...(jobs.tasks ?? []),
          {
            slug: 'rotateFieldEncryption',
            outputSchema: [{ name: 'reencrypted', type: 'number' }],
            handler: async ({ req }) => {
              const pool = (req.payload.db as unknown as { pool: import('pg').Pool }).pool
              const output = await rotateColumns(pool, columns, options.batchSize ?? 200)
              const ring = keyring()
              await syncRegistry(req.payload, registrySlug)
              await req.payload.update({
                collection: registrySlug as never,
                where: { version: { equals: ring.active } },
                data: { rotatedAt: new Date().toISOString() } as never,
                overrideAccess: true,
                req,
              })
              return { output }
            },
          },
        ],
      },
      onInit: async (payload) => {
        await config.onInit?.(payload)
        await syncRegistry(payload, registrySlug)
      },
    }
  }
