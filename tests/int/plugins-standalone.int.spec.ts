/**
 * Every plugin mounted into a bare Payload config of its own (an auth collection `members`, a
 * content collection `articles`; none of this app's collections, access rules or SQL), on a
 * throwaway database with the schema pushed, each exercised on its main path. The proof that
 * the plugins import nothing of the app and take what is app-specific through options.
 */
import crypto from 'node:crypto'

import { postgresAdapter } from '@payloadcms/db-postgres'
import { REST_GET } from '@payloadcms/next/routes'
import { buildConfig, getPayload, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { closePayload } from '../../src/db/sql'
import { apiKeysPlugin, withApiKeyGate } from '../../src/plugins/api-keys'
import { auditLogPlugin } from '../../src/plugins/audit-log'
import { fieldEncryptionPlugin } from '../../src/plugins/field-encryption'
import { privacyPlugin } from '../../src/plugins/privacy'
import { requestGuardPlugin, withRequestGuard } from '../../src/plugins/request-guard'
import { recordEvent, pgRun, webhooksPlugin } from '../../src/plugins/webhooks'

let payload: Payload
let config: Awaited<ReturnType<typeof buildConfig>>
const erasedArticles: string[] = []

beforeAll(async () => {
  process.env.FIELD_ENCRYPTION_KEYS ||= `1:${Buffer.alloc(32, 9).toString('base64')}`
  config = await buildConfig({
    secret: crypto.randomBytes(16).toString('hex'),
    db: postgresAdapter({ pool: { connectionString: inject('pluginsDatabaseUrl') }, idType: 'uuid', push: true }),
    collections: [
      {
        slug: 'members',
        auth: true,
        access: { read: () => true, create: () => true },
        fields: [
          { name: 'nickname', type: 'text' },
          { name: 'phone', type: 'text' },
        ],
      },
      {
        slug: 'articles',
        access: { read: () => true, create: () => true, update: () => true, delete: () => true },
        fields: [
          { name: 'title', type: 'text' },
          { name: 'author', type: 'relationship', relationTo: 'members' as never },
        ],
      },
    ],
    plugins: [
      apiKeysPlugin({
        ownerCollection: 'members',
        slug: 'member-keys',
        usageSlug: 'member-key-usage',
        scopes: ['articles:read', 'articles:create'],
      }),
      webhooksPlugin({
        ownerCollection: 'members',
        eventTypes: ['article.featured'],
        collections: { articles: { generic: true, audience: () => ({ public: true }) } },
      }),
      fieldEncryptionPlugin({ fields: [{ collection: 'members', field: 'phone' }] }),
      privacyPlugin({
        userCollection: 'members',
        sources: [
          {
            name: 'articles',
            export: async (id, db) => ({ articles: (await db.query(`SELECT title FROM articles WHERE author_id = $1`, [id])).rows }),
          },
          {
            name: 'articles-erase',
            erase: async (person, tx) => {
              const r = await tx.query(`UPDATE articles SET title = 'erased' WHERE author_id = $1 RETURNING id`, [person.id])
              erasedArticles.push(...r.rows.map((x) => x.id))
              return { articles: r.rowCount ?? 0 }
            },
          },
        ],
      }),
      auditLogPlugin({ slug: 'member-audit', userCollection: 'members', exclude: ['member-key-usage'] }),
      requestGuardPlugin({ maxLimit: 20 }),
    ],
    typescript: { autoGenerate: false },
    telemetry: false,
  })
  payload = await getPayload({ config })
})
afterAll(async () => closePayload(payload))

const member = async (email: string) =>
  (await payload.create({
    collection: 'members' as never,
    data: { email, password: 'Correct-Horse-9', nickname: 'M', phone: '+33 6 00 00 00 00' } as never,
    overrideAccess: true,
  })) as { id: string }

describe('plugins in a bare Payload app', () => {
  it('api-keys: a member issues a key; it authenticates as the member with its scopes, and the gate refuses a bad one', async () => {
    const m = await member(`k-${Date.now()}@example.com`)
    const created = (await payload.create({
      collection: 'member-keys' as never,
      data: { name: 'k', scopes: ['articles:read'] } as never,
      user: { ...m, collection: 'members' } as never,
      overrideAccess: false,
    })) as { key?: string }
    expect(created.key).toMatch(/^fsh_/)
    const auth = await payload.auth({ headers: new Headers({ authorization: `Bearer ${created.key}` }) })
    expect(auth.user).toMatchObject({ id: m.id, collection: 'members', apiKeyScopes: ['articles:read'] })
    const gate = withApiKeyGate(
      async () => payload,
      async () => Response.json({ ok: true }),
    )
    const bad = await gate(
      new Request('http://x/api/articles', {
        headers: { authorization: 'Bearer fsh_nopenope_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' },
      }),
      {},
    )
    expect(bad.status).toBe(401)
    await expect(
      payload.create({
        collection: 'member-keys' as never,
        data: { name: 'k2', scopes: ['orders:refund'] } as never,
        user: { ...m, collection: 'members' } as never,
        overrideAccess: false,
      }),
    ).rejects.toThrow(/invalid: scopes/)
  })

  it('webhooks: a change to a watched collection and a domain event are recorded for an active subscriber', async () => {
    const m = await member(`w-${Date.now()}@example.com`)
    const pool = (payload.db as unknown as { pool: import('pg').Pool }).pool
    const {
      rows: [hook],
    } = await pool.query(
      `INSERT INTO webhooks (name, url, active, owner_id, signing_secret, consecutive_failures) VALUES ('h', 'https://example.com/hook', true, $1, 's', 0) RETURNING id`,
      [m.id],
    )
    await pool.query(
      `INSERT INTO webhooks_event_types (parent_id, value, "order") VALUES ($1, 'articles.created', 1), ($1, 'article.featured', 2)`,
      [hook.id],
    )
    await payload.create({ collection: 'articles' as never, data: { title: 'Hello' } as never, overrideAccess: true })
    expect(await recordEvent(pgRun(pool), 'article.featured', { id: 'a1' }, { public: true })).toBe(1)
    const { rows } = await pool.query(
      `SELECT e.type FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id WHERE d.webhook_id = $1 ORDER BY e.created_at`,
      [hook.id],
    )
    expect(rows.map((r) => r.type)).toEqual(['articles.created', 'article.featured'])
  })

  it('field-encryption: the member’s phone is ciphertext at rest and plain through the API', async () => {
    const m = await member(`e-${Date.now()}@example.com`)
    const pool = (payload.db as unknown as { pool: import('pg').Pool }).pool
    const {
      rows: [row],
    } = await pool.query(`SELECT phone FROM members WHERE id = $1`, [m.id])
    expect(row.phone).toMatch(/^enc:v1:/)
    const read = (await payload.findByID({ collection: 'members' as never, id: m.id, overrideAccess: true })) as { phone?: string }
    expect(read.phone).toBe('+33 6 00 00 00 00')
  })

  it('privacy: export gathers every registered source; erase runs them in one transaction; requests are the member’s own', async () => {
    const m = await member(`p-${Date.now()}@example.com`)
    await payload.create({ collection: 'articles' as never, data: { title: 'Mine', author: m.id } as never, overrideAccess: true })
    const endpoints = config.endpoints ?? []
    const call = async (path: string, method: string, body?: unknown) => {
      const ep = endpoints.find((e) => e.path === path && e.method === method)!
      const req = {
        payload,
        user: { ...m, collection: 'members' },
        searchParams: new URLSearchParams(),
        text: async () => (body ? JSON.stringify(body) : ''),
      }
      const res = await ep.handler(req as never)
      return { status: res.status, body: await res.json() }
    }
    const exported = await call('/privacy/export', 'get')
    expect(exported.status).toBe(200)
    expect(exported.body.articles).toEqual([{ title: 'Mine' }])
    expect(exported.body.dataSubjectRequests).toEqual([])
    const erased = await call('/privacy/erase', 'post', { confirm: true })
    expect(erased).toMatchObject({ status: 200, body: { erased: true, counts: { articles: 1 } } })
    expect(erasedArticles).toHaveLength(1)
    const other = await call('/privacy/export', 'get')
    expect(other.body.articles).toEqual([{ title: 'erased' }])
  })

  it('audit-log: a change writes an entry naming the member who made it; nobody reads the log without readAccess', async () => {
    const m = await member(`a-${Date.now()}@example.com`)
    const art = (await payload.create({
      collection: 'articles' as never,
      data: { title: 'Audited' } as never,
      user: { ...m, collection: 'members' } as never,
      overrideAccess: false,
    })) as { id: string }
    const entries = await payload.find({
      collection: 'member-audit' as never,
      where: { documentId: { equals: art.id } },
      overrideAccess: true,
    })
    expect(entries.docs).toHaveLength(1)
    expect(entries.docs[0]).toMatchObject({ action: 'create', collection: 'articles', actor: expect.objectContaining({ id: m.id }) })
    await expect(
      payload.find({ collection: 'member-audit' as never, user: { ...m, collection: 'members' } as never, overrideAccess: false }),
    ).rejects.toThrow(/not allowed/)
  })

  it('request-guard: bounds this app’s own maximum and names the parameter', async () => {
    const get = withRequestGuard(config, REST_GET(config) as never, { maxLimit: 20 })
    const res = await get(new Request('http://x/api/articles?limit=21'), { params: Promise.resolve({ slug: ['articles'] }) })
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({ error: 'invalid_query', param: 'limit' })
    const ok = await get(new Request('http://x/api/articles?limit=20&sort=-title'), { params: Promise.resolve({ slug: ['articles'] }) })
    expect(ok.status).toBe(200)
  })
})
