/**
 * The thin edge of every custom endpoint: parse and validate input with zod (400 naming the
 * fields), call one domain operation, map its typed errors to HTTP. Errors are
 * `{ error: "<code>", message, ...details }`.
 */
import crypto from 'node:crypto'

import type { PayloadRequest } from 'payload'
import { z } from 'zod'

import { ScopeRequiredError, scopeRequiredBody } from '../access/accountActions'
import { can, getPrincipal, type Principal } from '../access/principal'
import { addressKey, clientAddress } from '../config/clientAddress'
import { contentVersion, memo } from '../db/contentCache'
import { poolOf } from '../db/pool'
import { requestIdOf } from '../config/requestId'
import { DATABASE_RETRY_AFTER, databaseUnavailableBody, isDatabaseUnavailable } from '../db/unavailable'
import { DomainError } from '../domain/ticketing/errors'

export const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  Response.json(body, { status, headers: { 'cache-control': 'no-store', ...headers } })

export const errorBody = (status: number, error: string, message: string, details: Record<string, unknown> = {}) =>
  json({ error, message, ...details }, status)

export class BadRequest extends Error {
  constructor(readonly response: Response) {
    super('bad request')
  }
}

/** The request's JSON body, unvalidated (undefined when there is none), or a BadRequest carrying the 400 answer. */
export async function readJson(req: PayloadRequest): Promise<unknown> {
  const text = req.text ? await req.text() : ''
  if (!text.trim()) return undefined
  try {
    return JSON.parse(text)
  } catch {
    throw new BadRequest(errorBody(400, 'invalid_json', 'The request body is not valid JSON.'))
  }
}

export async function parseJson<S extends z.ZodType>(req: PayloadRequest, schema: S): Promise<z.infer<S>> {
  return parse(schema, await readJson(req))
}

export function parse<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const result = schema.safeParse(raw)
  if (!result.success) {
    const issues = result.error.issues.map((i) => ({ path: i.path.join('.') || '(body)', message: i.message }))
    const names = [...new Set(issues.map((i) => i.path))].join(', ')
    throw new BadRequest(errorBody(400, 'invalid_request', `Invalid ${names}: ${issues[0].message}`, { issues }))
  }
  return result.data
}

/** A path parameter that must be a document id (UUID): `uuidParam('order')`. */
export const uuidParam = (what: string) => z.uuid({ message: `the ${what} id must be a uuid` })

/** The caller's principal, or a 401 naming what to do (`Sign in to …`). */
export async function requirePrincipal(req: PayloadRequest, toDo: string): Promise<Principal> {
  const principal = await getPrincipal(req)
  if (!principal) throw new BadRequest(errorBody(401, 'unauthorized', `Sign in (or send an API key) to ${toDo}.`))
  return principal
}

/** The caller's principal holding `resource:action`, or a 401 (anonymous) / 403 (signed in, not allowed). */
export async function requirePermission(req: PayloadRequest, resource: string, action: string, toDo: string): Promise<Principal> {
  const principal = await requirePrincipal(req, toDo)
  if (!can(principal, resource, action))
    throw new BadRequest(errorBody(403, 'forbidden', `To ${toDo} you need the ${resource}:${action} permission.`))
  return principal
}

/**
 * A public, shareable answer: an `ETag` of its bytes, `304 Not Modified` when the client holds
 * it, and `Cache-Control` letting shared caches keep it `sMaxAge` seconds and serve it stale
 * while revalidating. Only for answers that are the same for every caller.
 */
export function publicJson(req: PayloadRequest, body: unknown, opts: { sMaxAge: number; staleWhileRevalidate: number }): Response {
  const text = JSON.stringify(body)
  const etag = `W/"${crypto.createHash('sha1').update(text).digest('base64url')}"`
  const headers = {
    etag,
    'cache-control':
      opts.sMaxAge > 0
        ? `public, max-age=0, s-maxage=${opts.sMaxAge}, stale-while-revalidate=${opts.staleWhileRevalidate}`
        : 'public, no-cache',
    vary: 'Accept-Encoding',
  }
  const held = req.headers.get('if-none-match')
  if (held && held.split(',').some((t) => t.trim() === etag)) return new Response(null, { status: 304, headers })
  return new Response(text, { status: 200, headers: { 'content-type': 'application/json', ...headers } })
}

/**
 * A public answer that depends only on published content (and, with `bucketSeconds`, on the
 * time, e.g. which events are still upcoming): the same for every caller, so it is computed once
 * per content version per process (src/db/contentCache.ts). The ETag is that version (and time
 * bucket): a client or CDN revalidating gets 304 after one indexed read, before any query of
 * the content; a change anywhere in the content, committed by any instance, changes it.
 */
export async function versionedPublicJson(
  req: PayloadRequest,
  opts: { sMaxAge: number; staleWhileRevalidate: number; bucketSeconds?: number },
  compute: () => Promise<unknown>,
): Promise<Response> {
  const version = await contentVersion(poolOf(req.payload))
  const tag = opts.bucketSeconds ? `${version}.${Math.floor(Date.now() / (opts.bucketSeconds * 1000))}` : version
  const etag = `W/"c${tag}"`
  const headers = {
    etag,
    'cache-control': `public, max-age=0, s-maxage=${opts.sMaxAge}, stale-while-revalidate=${opts.staleWhileRevalidate}`,
    vary: 'Accept-Encoding',
  }
  const held = req.headers.get('if-none-match')
  if (held && held.split(',').some((t) => t.trim() === etag)) return new Response(null, { status: 304, headers })
  const url = new URL(req.url ?? '/', 'http://x')
  url.searchParams.sort()
  const text = await memo(`json ${url.pathname}?${url.searchParams}`, tag, async () => JSON.stringify(await compute()))
  return new Response(text, { status: 200, headers: { 'content-type': 'application/json', ...headers } })
}

/** An error answer with the request's id in its body (src/config/requestId.ts), so a support request can be traced. */
async function withRequestId(res: Response, requestId: string): Promise<Response> {
  if (res.status < 400 || !res.headers.get('content-type')?.includes('application/json')) return res
  const body = await res.json().catch(() => null)
  if (!body || typeof body !== 'object' || Array.isArray(body)) return res
  const headers = new Headers(res.headers)
  headers.delete('content-length')
  return new Response(JSON.stringify({ ...body, requestId }), { status: res.status, headers })
}

/** Runs a handler, turning validation failures and domain errors into their HTTP answers (each error carrying the request's id). */
export const handle =
  (fn: (req: PayloadRequest) => Promise<Response>) =>
  async (req: PayloadRequest): Promise<Response> => {
    const requestId = requestIdOf(req.headers)
    try {
      return await withRequestId(await fn(req), requestId)
    } catch (err) {
      if (err instanceof BadRequest) return withRequestId(err.response, requestId)
      if (err instanceof ScopeRequiredError) return withRequestId(json(scopeRequiredBody(err), 403), requestId)
      if (err instanceof DomainError) {
        const res = errorBody(err.status, err.code, err.message, err.details)
        if (typeof err.details.retryAfter === 'number') res.headers.set('retry-after', String(err.details.retryAfter))
        return withRequestId(res, requestId)
      }
      if (isDatabaseUnavailable(err)) {
        req.payload.logger.warn({ requestId, msg: `endpoint ${req.method} ${req.url}: database unavailable (${(err as Error).message})` })
        return json(databaseUnavailableBody(requestId), 503, { 'retry-after': String(DATABASE_RETRY_AFTER) })
      }
      req.payload.logger.error({ err, requestId, msg: `endpoint ${req.method} ${req.url} failed` })
      return withRequestId(errorBody(500, 'internal_error', 'Something went wrong on our side.'), requestId)
    }
  }

/** The client's address (socket, then trusted proxies only: src/config/clientAddress), or null when unknown. */
export const clientIp = (req: PayloadRequest): string | null => clientAddress(req.headers)

/** The client's address for a per-address limit; a 503 when it cannot be known (never one shared bucket). */
export function limitedAddress(req: PayloadRequest): string {
  const address = clientAddress(req.headers)
  if (address) return addressKey(address)
  req.payload.logger.error({
    msg: `${req.method} ${req.url}: the client's address is unknown (reach the app through its front, npm start, or check TRUST_PROXY)`,
  })
  throw new BadRequest(
    errorBody(503, 'client_address_unknown', 'This server cannot tell which client is asking, so it cannot apply its limits.'),
  )
}

/**
 * Who is buying, for the hoarding cap: the client's address (by /64 for IPv6) and the signed-in
 * user. An anonymous request whose address cannot be known is a 503, never an uncapped hold.
 */
export function holderOf(req: PayloadRequest): { address: string | null; user: string | null } {
  const address = clientAddress(req.headers)
  const user = req.user && req.user.collection === 'users' ? String(req.user.id) : null
  if (!address && !user) limitedAddress(req)
  return { address: address ? addressKey(address) : null, user }
}

/** The clock endpoints use; tests move it with TEST_CLOCK_OFFSET_MS only through their own domain calls. */
export const now = () => new Date()

/** `true` or `false` in a query string. */
export const boolParam = z.enum(['true', 'false'], { message: 'must be true or false' }).transform((v) => v === 'true')

/** A listing's page: `limit` 1..50 (default 20), an opaque `cursor` from a previous page, and `count=true` for the total. */
export const pagingParams = (maxCursor = 600) => ({
  limit: z.coerce.number().int().min(1).max(50).default(20),
  cursor: z.string().min(10).max(maxCursor).optional(),
  count: boolParam.optional(),
})
