import type { Endpoint, PayloadRequest } from 'payload'
import { z } from 'zod'

import { can, getPrincipal } from '../../access/principal'
import { withTransaction } from '../../db/transaction'
import { poolOf } from '../../db/pool'
import { errorBody, handle, json, parse, parseJson } from '../../endpoints/http'
import { erasePerson, exportPerson } from './data'

const target = async (req: PayloadRequest, requested: string | undefined) => {
  const principal = await getPrincipal(req)
  if (!principal) return { error: errorBody(401, 'unauthorized', 'Sign in to use the privacy endpoints.') }
  const userId = requested ?? String(principal.id)
  if (userId !== String(principal.id) && !can(principal, 'users', 'manage')) return { error: errorBody(403, 'forbidden', 'Only an administrator may act for another person.') }
  return { userId, actor: String(principal.id) }
}

/** GET /api/privacy/export[?user=<id>]: everything held about a person, decrypted, as one JSON document. */
export const exportEndpoint: Endpoint = {
  path: '/privacy/export',
  method: 'get',
  handler: handle(async (req) => {
    const user = parse(z.uuid({ message: 'user must be a user id' }).optional(), req.searchParams.get('user') ?? undefined)
    const t = await target(req, user)
    if ('error' in t) return t.error!
    const doc = await exportPerson(poolOf(req.payload), t.userId)
    if (!doc) return errorBody(404, 'unknown_user', 'No such user.')
    return json(doc, 200, { 'content-disposition': `attachment; filename="fashionistas-export-${t.userId}.json"` })
  }),
}

export const eraseSchema = z.object({ user: z.uuid({ message: 'user must be a user id' }).optional(), confirm: z.literal(true, { message: 'confirm must be true' }) }).strict()

/** POST /api/privacy/erase { user?, confirm: true }: anonymizes the person; orders stay for accounting. */
export const eraseEndpoint: Endpoint = {
  path: '/privacy/erase',
  method: 'post',
  handler: handle(async (req) => {
    const body = await parseJson(req, eraseSchema)
    const t = await target(req, body.user)
    if ('error' in t) return t.error!
    const result = await withTransaction(poolOf(req.payload), (tx) => erasePerson(tx, t.userId, t.actor))
    return json({ erased: true, user: t.userId, ordersAnonymized: result.orders })
  }),
}
