import type { Endpoint, PayloadRequest } from 'payload'
import { z } from 'zod'

import { erasePerson, exportPerson } from './data'
import { answer, inTransaction, poolOf, problem } from './sql'
import type { PrivacyOptions } from './types'

type Resolved = PrivacyOptions & { identify: NonNullable<PrivacyOptions['identify']>; isManager: NonNullable<PrivacyOptions['isManager']> }

const target = async (req: PayloadRequest, requested: string | undefined, options: Resolved) => {
  const refusal = options.refuse?.(req)
  if (refusal) return { error: answer(refusal.status, refusal.body) }
  if (!req.user) return { error: problem(401, 'unauthorized', 'Sign in to use the privacy endpoints.') }
  const self = String(req.user.id)
  const userId = requested ?? self
  if (userId !== self && !(await options.isManager(req)))
    return { error: problem(403, 'forbidden', 'Only an administrator may act for another person.') }
  return { userId, actor: self }
}

const invalid = (issues: z.core.$ZodIssue[]) => {
  const names = [...new Set(issues.map((i) => i.path.join('.') || '(body)'))].join(', ')
  return answer(400, {
    error: 'invalid_request',
    message: `Invalid ${names}: ${issues[0].message}`,
    issues: issues.map((i) => ({ path: i.path.join('.') || '(body)', message: i.message })),
  })
}

const userParam = z.uuid({ message: 'user must be a user id' }).optional()
export const eraseSchema = z
  .object({ user: z.uuid({ message: 'user must be a user id' }).optional(), confirm: z.literal(true, { message: 'confirm must be true' }) })
  .strict()

/** GET /api/privacy/export[?user=<id>]: everything held about a person, decrypted, as one JSON document. */
export const exportEndpoint = (options: Resolved): Endpoint => ({
  path: '/privacy/export',
  method: 'get',
  handler: async (req) => {
    const user = userParam.safeParse(req.searchParams.get('user') ?? undefined)
    if (!user.success) return invalid(user.error.issues)
    const t = await target(req, user.data, options)
    if ('error' in t) return t.error!
    // Who may export whom was decided above; here only whether the person exists.
    const { totalDocs } = await req.payload.count({
      collection: (options.userCollection ?? 'users') as never,
      where: { id: { equals: t.userId } },
      overrideAccess: true,
      req,
    })
    if (totalDocs === 0) return problem(404, 'unknown_user', 'No such user.')
    const doc = await exportPerson(poolOf(req.payload), options, t.userId)
    return answer(200, doc, { 'content-disposition': `attachment; filename="export-${t.userId}.json"` })
  },
})

/** POST /api/privacy/erase { user?, confirm: true }: anonymizes the person; what accounting needs stays. */
export const eraseEndpoint = (options: Resolved): Endpoint => ({
  path: '/privacy/erase',
  method: 'post',
  handler: async (req) => {
    let raw: unknown
    try {
      const text = req.text ? await req.text() : ''
      raw = text.trim() ? JSON.parse(text) : undefined
    } catch {
      return problem(400, 'invalid_json', 'The request body is not valid JSON.')
    }
    const body = eraseSchema.safeParse(raw)
    if (!body.success) return invalid(body.error.issues)
    const t = await target(req, body.data.user, options)
    if ('error' in t) return t.error!
    const counts = await inTransaction(poolOf(req.payload), (tx) => erasePerson(tx, options, t.userId, t.actor))
    if (!counts) return problem(404, 'unknown_user', 'No such user.')
    return answer(200, { erased: true, user: t.userId, ordersAnonymized: counts.orders ?? 0, counts })
  },
})
