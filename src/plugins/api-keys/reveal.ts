/**
 * The admin UI's one-time reveal of a new key, shared by every instance: on create the full key
 * is stored sealed (AES-256-GCM under a key derived from Payload's secret) on the key's own row
 * with its reader (the creator) and a deadline on the database's clock (10 minutes); the reveal
 * takes it in one conditional UPDATE that clears it, so it is shown once, to its creator, on
 * whichever instance the request lands. Lapsed sealed keys are cleared whenever a key is made.
 */
import crypto from 'node:crypto'

import type { PostgresAdapter } from '@payloadcms/db-postgres'
import type { Endpoint, Payload, PayloadRequest } from 'payload'
import { z } from 'zod'

import { poolOf, tablesOf } from './resolve'

const REVEAL_MINUTES = 10

const sealKey = (secret: string) => crypto.createHash('sha256').update(`api-key-reveal:${secret}`).digest()

export function seal(payloadSecret: string, plain: string): string {
  const iv = crypto.randomBytes(12)
  const c = crypto.createCipheriv('aes-256-gcm', sealKey(payloadSecret), iv)
  const body = Buffer.concat([c.update(plain, 'utf8'), c.final()])
  return Buffer.concat([iv, c.getAuthTag(), body]).toString('base64')
}

export function unseal(payloadSecret: string, sealed: string): string {
  const raw = Buffer.from(sealed, 'base64')
  const d = crypto.createDecipheriv('aes-256-gcm', sealKey(payloadSecret), raw.subarray(0, 12))
  d.setAuthTag(raw.subarray(12, 28))
  return Buffer.concat([d.update(raw.subarray(28)), d.final()]).toString('utf8')
}

/** After the create's insert, in its transaction: the reveal's deadline from the database's clock. */
export async function startRevealWindow(req: PayloadRequest, id: string): Promise<void> {
  const { sql } = await import('@payloadcms/db-postgres')
  const adapter = req.payload.db as unknown as PostgresAdapter
  const tx = req.transactionID ? await req.transactionID : undefined
  const db = (tx && adapter.sessions?.[tx]?.db) || adapter.drizzle
  const table = sql.identifier(tablesOf(req.payload).keys)
  await db.execute(
    sql`UPDATE ${table} SET reveal_until = CASE WHEN id = ${id} THEN now() + make_interval(mins => ${REVEAL_MINUTES}) END,
               reveal_secret = CASE WHEN id = ${id} THEN reveal_secret END
         WHERE id = ${id} OR (reveal_secret IS NOT NULL AND (reveal_until IS NULL OR reveal_until <= now()))`,
  )
}

/** Takes the sealed key once: for its reader, before its deadline. */
async function takeReveal(payload: Payload, id: string, reader: string): Promise<string | null> {
  const { rows } = await poolOf(payload).query<{ reveal_secret: string }>(
    `UPDATE "${tablesOf(payload).keys}" k SET reveal_secret = NULL, reveal_until = NULL
       FROM (SELECT id, reveal_secret FROM "${tablesOf(payload).keys}" WHERE id = $1 FOR UPDATE) old
      WHERE k.id = old.id AND old.reveal_secret IS NOT NULL AND k.reveal_to = $2 AND k.reveal_until > now()
      RETURNING old.reveal_secret`,
    [id, reader],
  )
  return rows[0] ? unseal(payload.secret, rows[0].reveal_secret) : null
}

const idSchema = z.uuid()
const answer = (status: number, body: unknown) => Response.json(body, { status, headers: { 'cache-control': 'no-store' } })

/** POST /api/api-keys/:id/reveal: the creator sees the full key once, within 10 minutes of creating it. */
export const revealEndpoint: Endpoint = {
  path: '/:id/reveal',
  method: 'post',
  handler: async (req) => {
    const id = idSchema.safeParse(req.routeParams?.id)
    if (!id.success) return answer(400, { error: 'invalid_request', message: 'Invalid id: the key id must be a uuid.' })
    if (!req.user) return answer(401, { error: 'unauthorized', message: 'Sign in.' })
    const key = await takeReveal(req.payload, id.data, String(req.user.id))
    if (!key)
      return answer(410, {
        error: 'gone',
        message: 'The key was shown once already, or its 10 minutes have passed; create a new key if it is lost.',
      })
    return answer(200, { key })
  },
}
