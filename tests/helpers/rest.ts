/**
 * Calls Payload's real Next.js route handlers (the ones src/app/(payload)/api mounts) with
 * real Request objects: REST and GraphQL exactly as a client gets them, without a server.
 */
import { GRAPHQL_POST, REST_DELETE, REST_GET, REST_PATCH, REST_POST } from '@payloadcms/next/routes'
import type { SanitizedConfig } from 'payload'

import { CLIENT_ADDRESS_HEADER, EDGE_PROOF_HEADER, edgeProof } from '../../src/config/clientAddress'

/**
 * The headers the platform's front (scripts/front.ts) sets from the socket: `peer` is the
 * address the request came from (default 127.0.0.1, a proxy on loopback); null sends none, as
 * when Next.js is reached without the front.
 */
export const frontHeaders = (peer: string | null = '127.0.0.1'): Record<string, string> =>
  peer === null ? {} : { [CLIENT_ADDRESS_HEADER]: peer, [EDGE_PROOF_HEADER]: edgeProof() }

type Handler = (req: Request, ctx: { params: Promise<{ slug: string[] }> }) => Promise<Response>

export type Api = ReturnType<typeof apiClient>

type Routes = { GET: Handler; POST: Handler; PATCH: Handler; DELETE: Handler; graphql: (req: Request) => Promise<Response> }

/**
 * `gated`: the app's own route modules (src/app/(payload)/api), with the API-key gate in front
 * (401/429, usage logs); otherwise Payload's handlers directly.
 */
export async function gatedRoutes(): Promise<Routes> {
  const rest = await import('../../src/app/(payload)/api/[...slug]/route')
  const gql = await import('../../src/app/(payload)/api/graphql/route')
  return {
    GET: rest.GET as unknown as Handler,
    POST: rest.POST as unknown as Handler,
    PATCH: rest.PATCH as unknown as Handler,
    DELETE: rest.DELETE as unknown as Handler,
    graphql: (req) => gql.POST(req, { params: Promise.resolve({}) }),
  }
}

export function apiClient(config: Promise<SanitizedConfig> | SanitizedConfig, routes?: Routes) {
  const handlers: Record<string, Handler> = routes ?? {
    GET: REST_GET(config) as Handler,
    POST: REST_POST(config) as Handler,
    PATCH: REST_PATCH(config) as Handler,
    DELETE: REST_DELETE(config) as Handler,
  }
  const graphql = routes?.graphql ?? (GRAPHQL_POST(config) as (req: Request) => Promise<Response>)
  const base = 'http://localhost:3000'

  async function call(
    method: string,
    path: string,
    opts: { body?: unknown; token?: string; headers?: Record<string, string>; peer?: string | null; rawBody?: string } = {},
  ) {
    const url = new URL(`/api${path}`, base)
    const headers: Record<string, string> = { ...frontHeaders(opts.peer), ...(opts.headers ?? {}) }
    if (opts.body !== undefined) headers['content-type'] = 'application/json'
    if (opts.token) headers.authorization = opts.token.startsWith('fsh_') ? `Bearer ${opts.token}` : `JWT ${opts.token}`
    if (opts.rawBody !== undefined) headers['content-type'] ??= 'application/json'
    const req = new Request(url, {
      method,
      headers,
      body: opts.rawBody ?? (opts.body !== undefined ? JSON.stringify(opts.body) : undefined),
    })
    const slug = url.pathname.replace(/^\/api\//, '').split('/')
    const res = await handlers[method](req, { params: Promise.resolve({ slug }) })
    const text = await res.text()
    let json: unknown = null
    try {
      json = text ? JSON.parse(text) : null
    } catch {
      json = text
    }
    return { status: res.status, body: json as Record<string, any>, headers: res.headers }
  }

  /** A request with a body sent exactly as given (webhooks: the signature covers the raw bytes). */
  async function raw(method: string, path: string, body: string, headers: Record<string, string>) {
    const url = new URL(`/api${path}`, base)
    const req = new Request(url, { method, headers: { 'content-type': 'application/json', ...frontHeaders(), ...headers }, body })
    const slug = url.pathname.replace(/^\/api\//, '').split('/')
    const res = await handlers[method](req, { params: Promise.resolve({ slug }) })
    const text = await res.text()
    return { status: res.status, body: (text ? JSON.parse(text) : null) as Record<string, any> }
  }

  return {
    raw,
    call,
    get: (path: string, token?: string) => call('GET', path, { token }),
    post: (path: string, body: unknown, token?: string) => call('POST', path, { body, token }),
    patch: (path: string, body: unknown, token?: string) => call('PATCH', path, { body, token }),
    delete: (path: string, token?: string) => call('DELETE', path, { token }),
    async login(email: string, password: string): Promise<string> {
      const res = await call('POST', '/users/login', { body: { email, password } })
      if (res.status !== 200) throw new Error(`login failed for ${email}: ${res.status} ${JSON.stringify(res.body)}`)
      return res.body.token as string
    },
    async graphql(query: string, token?: string, variables?: Record<string, unknown>) {
      const headers: Record<string, string> = { 'content-type': 'application/json', ...frontHeaders() }
      if (token) headers.authorization = token.startsWith('fsh_') ? `Bearer ${token}` : `JWT ${token}`
      const res = await graphql(new Request(`${base}/api/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) }))
      return {
        status: res.status,
        body: (await res.json()) as { data?: any; errors?: Array<{ message: string; extensions?: Record<string, any> }> },
      }
    },
  }
}

/** Rate limits count in one-minute windows: a test that counts refusals exactly starts early in a minute. */
export async function awayFromMinuteEdge(): Promise<void> {
  while (new Date().getSeconds() > 45) await new Promise((r) => setTimeout(r, 250))
}
