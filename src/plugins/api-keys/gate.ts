/**
 * The edge in front of Payload's REST and GraphQL routes: answers 401 for an unknown, revoked
 * or expired key (Payload's strategies can only say "anonymous"), 429 with Retry-After over a
 * key's per-minute limit and over the per-IP limits for anonymous checkout and login, and logs
 * each key's request (method, path, status, duration, sizes) after the response, off the
 * request's critical path. USAGE_LOG_DISABLED=true turns the log off (used to measure its cost).
 */
import type { Payload } from 'payload'

import { defaultStore } from './rateLimit'
import { poolOf, tablesOf, verifyApiKey } from './resolve'

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  Response.json(body, { status, headers: { 'cache-control': 'no-store', ...headers } })

export type GateOptions = {
  /** Per-IP limits per minute for anonymous requests by path (method + regex), e.g. checkout and login. */
  anonymousLimits?: Array<{ method: string; path: RegExp; perMinute: number; name: string }>
  usageSlugTable?: string
  /** The client's address (the app decides which proxies to trust); null when unknown. Default: always unknown. */
  clientAddress?: (req: Request) => string | null
  /** The key an address is counted under (e.g. IPv6 by /64). Default: the address. */
  addressKey?: (address: string) => string
}

/**
 * The per-address limits of actions anyone may try (per minute). The same buckets count these
 * actions when they arrive through GraphQL (`hitAddressLimit` from the resolvers and hooks), so
 * REST and GraphQL share one limit.
 */
export const defaultAnonymousLimits = () => [
  { name: 'checkout', method: 'POST', path: /^\/api\/checkout\//, perMinute: Number(process.env.CHECKOUT_RATE_PER_MINUTE || 120) },
  { name: 'login', method: 'POST', path: /^\/api\/users\/login\/?$/, perMinute: Number(process.env.LOGIN_RATE_PER_MINUTE || 20) },
  {
    name: 'forgot-password',
    method: 'POST',
    path: /^\/api\/users\/forgot-password\/?$/,
    perMinute: Number(process.env.FORGOT_PASSWORD_RATE_PER_MINUTE || 10),
  },
  { name: 'signup', method: 'POST', path: /^\/api\/users\/?$/, perMinute: Number(process.env.SIGNUP_RATE_PER_MINUTE || 20) },
  {
    name: 'verification',
    method: 'POST',
    path: /^\/api\/(account\/verify-email|account\/confirm-email-change|users\/verify\/[^/]+)\/?$/,
    perMinute: Number(process.env.VERIFICATION_RATE_PER_MINUTE || 20),
  },
  {
    name: 'waitlist',
    method: 'POST',
    path: /^\/api\/events\/[^/]+\/waitlist(\/[^/]+\/confirm)?\/?$/,
    perMinute: Number(process.env.WAITLIST_RATE_PER_MINUTE || 10),
  },
  {
    name: 'guest-data',
    method: 'POST',
    path: /^\/api\/privacy\/guest-request\/?$/,
    perMinute: Number(process.env.GUEST_DATA_RATE_PER_MINUTE || 5),
  },
]

export function withApiKeyGate<C>(
  getPayloadInstance: () => Promise<Payload>,
  handler: (req: Request, ctx: C) => Promise<Response>,
  opts: GateOptions = {},
): (req: Request, ctx: C) => Promise<Response> {
  const addressOf = opts.clientAddress ?? (() => null)
  const keyOf = opts.addressKey ?? ((a: string) => a)
  return async (req, ctx) => {
    const started = performance.now()
    const payload = await getPayloadInstance()
    const store = defaultStore(poolOf(payload), (err) =>
      payload.logger.warn({ err, msg: 'rate-limit counts not saved; counting locally until the database answers' }),
    )
    const path = new URL(req.url).pathname
    const verdict = await verifyApiKey(payload, req.headers.get('authorization'))
    if (verdict && !verdict.ok) {
      return json(
        401,
        {
          error: 'invalid_api_key',
          message: `This API key is ${verdict.reason === 'unknown' ? 'not valid' : verdict.reason}.`,
          reason: verdict.reason,
        },
        { 'www-authenticate': 'Bearer' },
      )
    }
    if (verdict?.ok) {
      const wait = await store.hit(`key:${verdict.key.prefix}`, verdict.key.rateLimit)
      if (wait)
        return json(
          429,
          { error: 'rate_limited', message: `Over ${verdict.key.rateLimit} requests per minute for this key.`, retryAfter: wait },
          { 'retry-after': String(wait) },
        )
    } else {
      // The limits are read per request, so an operator's change of a *_RATE_PER_MINUTE applies without a restart of the gate.
      const rule = (opts.anonymousLimits ?? defaultAnonymousLimits()).find((l) => l.method === req.method && l.path.test(path))
      if (rule) {
        const address = addressOf(req)
        if (!address) {
          payload.logger.error({
            msg: `${req.method} ${path}: the client's address is unknown (reach the app through its front, \`npm start\`, or check TRUST_PROXY)`,
          })
          return json(
            503,
            {
              error: 'client_address_unknown',
              message:
                'This server cannot tell which client is asking, so it cannot apply its limits; the operator must start it through its front (npm start).',
            },
            { 'retry-after': '60' },
          )
        }
        const wait = await store.hit(`ip:${rule.name}:${keyOf(address)}`, rule.perMinute)
        if (wait)
          return json(
            429,
            { error: 'rate_limited', message: `Too many ${rule.name} requests from this address; try again shortly.`, retryAfter: wait },
            { 'retry-after': String(wait) },
          )
      }
    }
    const res = await handler(req, ctx)
    if (!verdict?.ok || !res.body) {
      if (verdict?.ok) logUsage(payload, verdict.key.prefix, req, path, res.status, started, 0, addressOf(req))
      return res
    }
    // Count the response as it streams out, and log when it is done.
    let bytes = 0
    const counter = new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        bytes += chunk.byteLength
        controller.enqueue(chunk)
      },
      flush() {
        logUsage(payload, verdict.key.prefix, req, path, res.status, started, bytes, addressOf(req))
      },
    })
    return new Response(res.body.pipeThrough(counter), { status: res.status, statusText: res.statusText, headers: res.headers })
  }
}

function logUsage(
  payload: Payload,
  prefix: string,
  req: Request,
  path: string,
  status: number,
  started: number,
  responseBytes: number,
  ip: string | null,
) {
  if (process.env.USAGE_LOG_DISABLED === 'true') return
  const duration = Math.round((performance.now() - started) * 100) / 100
  void poolOf(payload)
    .query(
      `INSERT INTO "${tablesOf(payload).usage}" (key_prefix, method, path, status, duration_ms, request_bytes, response_bytes, ip, user_agent) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        prefix,
        req.method,
        path.slice(0, 500),
        status,
        duration,
        Number(req.headers.get('content-length') ?? 0),
        responseBytes,
        ip,
        req.headers.get('user-agent'),
      ],
    )
    .catch((err: unknown) => payload.logger.warn({ err, msg: 'usage log write failed' }))
}

/**
 * Counts one request of a per-address rule outside the REST gate (GraphQL mutations that do
 * what a limited REST route does): the same store and the same bucket as the gate's, so REST
 * and GraphQL share one limit. Returns the seconds to wait, or 0.
 */
/**
 * One hit on `key` in the platform's shared limiter (Redis when REDIS_URL is set, else the
 * batched PostgreSQL store; one-minute windows), for app endpoints with limits of their own
 * (tracking). Shared across instances, unlike a counter in one process's memory. Returns the
 * seconds to wait when over `perMinute`, else 0.
 */
export async function hitSharedLimit(payload: Payload, key: string, perMinute: number): Promise<number> {
  return defaultStore(poolOf(payload)).hit(`app:${key}`, perMinute)
}

export async function hitAddressLimit(
  payload: Payload,
  ruleName: string,
  addressKey: string,
): Promise<{ wait: number; perMinute: number }> {
  const rule = defaultAnonymousLimits().find((l) => l.name === ruleName)
  if (!rule) throw new Error(`no per-address rule named ${ruleName}`)
  const wait = await defaultStore(poolOf(payload)).hit(`ip:${rule.name}:${addressKey}`, rule.perMinute)
  return { wait, perMinute: rule.perMinute }
}
