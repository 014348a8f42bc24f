/**
 * The OpenAPI 3.1 document, generated from the Payload config: every collection's REST
 * operations (list, create, read, update, delete; login and friends for auth collections)
 * with JSON schemas derived from its fields, the custom endpoints with their zod schemas
 * (ENDPOINT_DOCS), and the API-key, JWT and cookie security schemes.
 */
import type { Endpoint, Field, SanitizedCollectionConfig, SanitizedConfig } from 'payload'
import { z } from 'zod'

import { apiBounds } from '../config/env'
import { ENDPOINT_DOCS, type EndpointDoc } from './endpoints'

type Schema = Record<string, unknown>
type Op = Record<string, unknown>

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })
export const schemaName = (slug: string) => slug.replace(/(^|[-_])(\w)/g, (_, __, c: string) => c.toUpperCase())

/** JSON schema of a list of fields; `mode` input leaves out virtual, read-only and system fields. */
function fieldsSchema(fields: Field[], mode: 'output' | 'input'): { properties: Record<string, Schema>; required: string[] } {
  const properties: Record<string, Schema> = {}
  const required: string[] = []
  for (const f of fields) {
    if ('fields' in f && !('name' in f && f.name) && f.type !== 'array') {
      const inner = fieldsSchema(f.fields as Field[], mode)
      Object.assign(properties, inner.properties)
      required.push(...inner.required)
      continue
    }
    if (f.type === 'tabs') {
      for (const tab of f.tabs) {
        const inner = fieldsSchema(tab.fields, mode)
        if ('name' in tab && tab.name) properties[tab.name] = { type: 'object', properties: inner.properties }
        else Object.assign(properties, inner.properties)
      }
      continue
    }
    if (!('name' in f) || !f.name || f.type === 'ui') continue
    if ((f as { hidden?: boolean }).hidden) continue
    if (mode === 'input' && ((f as { virtual?: boolean }).virtual || f.admin?.readOnly)) continue
    const s = fieldSchema(f, mode)
    if (f.admin?.description && typeof f.admin.description === 'string') s.description = f.admin.description
    properties[f.name] = s
    if ((f as { required?: boolean }).required && mode === 'input') required.push(f.name)
  }
  return { properties, required }
}

function fieldSchema(f: Field, mode: 'output' | 'input'): Schema {
  const many = (s: Schema) => ((f as { hasMany?: boolean }).hasMany ? { type: 'array', items: s } : s)
  switch (f.type) {
    case 'text':
    case 'textarea':
    case 'code':
      return many({
        type: 'string',
        ...((f as { maxLength?: number }).maxLength ? { maxLength: (f as { maxLength?: number }).maxLength } : {}),
      })
    case 'email':
      return { type: 'string', format: 'email' }
    case 'number':
      return many({
        type: 'number',
        ...(f.min !== undefined ? { minimum: f.min } : {}),
        ...(f.max !== undefined ? { maximum: f.max } : {}),
      })
    case 'checkbox':
      return { type: 'boolean' }
    case 'date':
      return { type: 'string', format: 'date-time' }
    case 'select':
    case 'radio':
      return many({ type: 'string', enum: f.options.map((o) => (typeof o === 'string' ? o : o.value)) })
    case 'relationship':
    case 'upload': {
      const to = Array.isArray(f.relationTo) ? f.relationTo : [f.relationTo]
      const one: Schema = Array.isArray(f.relationTo)
        ? { type: 'object', properties: { relationTo: { type: 'string', enum: to }, value: { type: 'string', format: 'uuid' } } }
        : mode === 'input'
          ? { type: 'string', format: 'uuid', description: `id of a ${to[0]} document` }
          : {
              oneOf: [{ type: 'string', format: 'uuid' }, ref(schemaName(to[0]))],
              description: `${to[0]} id, or the document when populated (depth > 0)`,
            }
      return (f as { hasMany?: boolean }).hasMany ? { type: 'array', items: one } : one
    }
    case 'array': {
      const inner = fieldsSchema(f.fields, mode)
      return {
        type: 'array',
        items: {
          type: 'object',
          properties: { id: { type: 'string' }, ...inner.properties },
          ...(inner.required.length ? { required: inner.required } : {}),
        },
      }
    }
    case 'group': {
      const inner = fieldsSchema(f.fields, mode)
      return { type: 'object', properties: inner.properties }
    }
    case 'blocks':
      return {
        type: 'array',
        items: {
          oneOf: f.blocks.map((b) => ({
            type: 'object',
            properties: { blockType: { const: b.slug }, ...fieldsSchema(b.fields, mode).properties },
            required: ['blockType'],
          })),
        },
      }
    case 'richText':
      return { type: 'object', description: 'Lexical rich text (JSON)' }
    case 'point':
      return { type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2, description: '[longitude, latitude]' }
    case 'json':
    default:
      return {}
  }
}

const zodSchema = (s: z.ZodType) => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as Schema
const pathParams = (path: string) =>
  [...path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }))
const errorResponse = { description: 'Error', content: { 'application/json': { schema: ref('Error') } } }
const security = [{ apiKey: [] }, { jwt: [] }, { cookie: [] }, {}]

function collectionPaths(c: SanitizedCollectionConfig): Record<string, Record<string, Op>> {
  const name = schemaName(c.slug)
  const base = `/api/${c.slug}`
  const tags = [c.admin?.group && typeof c.admin.group === 'string' ? `${c.admin.group}` : 'Collections']
  const body = { required: true, content: { 'application/json': { schema: ref(`${name}Input`) } } }
  const doc = { description: 'The document', content: { 'application/json': { schema: ref(name) } } }
  const listQuery = [
    {
      name: 'where',
      in: 'query',
      schema: { type: 'object' },
      style: 'deepObject',
      explode: true,
      description: 'Payload query, e.g. where[status][equals]=published',
    },
    {
      name: 'limit',
      in: 'query',
      schema: { type: 'integer', minimum: 1, maximum: apiBounds().maxLimit, default: 10 },
      description: `At most ${apiBounds().maxLimit} (API_MAX_LIMIT); more is a 400`,
    },
    { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1 } },
    {
      name: 'sort',
      in: 'query',
      schema: { type: 'string' },
      description: 'Field names, comma-separated, - for descending; an unknown field is a 400',
    },
    { name: 'depth', in: 'query', schema: { type: 'integer', minimum: 0, maximum: apiBounds().maxDepth } },
  ]
  const paths: Record<string, Record<string, Op>> = {
    [base]: {
      get: {
        operationId: `list${name}`,
        tags,
        summary: `List ${c.slug} (filtered by the caller's access)`,
        parameters: listQuery,
        security,
        responses: {
          '200': {
            description: 'A page of documents',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    docs: { type: 'array', items: ref(name) },
                    totalDocs: { type: 'integer' },
                    limit: { type: 'integer' },
                    page: { type: 'integer' },
                    totalPages: { type: 'integer' },
                    hasNextPage: { type: 'boolean' },
                    hasPrevPage: { type: 'boolean' },
                  },
                },
              },
            },
          },
          '400': errorResponse,
          '403': errorResponse,
        },
      },
      post: {
        operationId: `create${name}`,
        tags,
        summary: `Create a ${c.slug} document`,
        requestBody: body,
        security,
        responses: {
          '201': {
            description: 'Created',
            content: { 'application/json': { schema: { type: 'object', properties: { doc: ref(name), message: { type: 'string' } } } } },
          },
          '400': errorResponse,
          '403': errorResponse,
        },
      },
    },
    [`${base}/{id}`]: {
      get: {
        operationId: `get${name}`,
        tags,
        summary: `Read one ${c.slug} document`,
        parameters: [...pathParams('{id}'), { name: 'depth', in: 'query', schema: { type: 'integer' } }],
        security,
        responses: { '200': doc, '404': errorResponse },
      },
      patch: {
        operationId: `update${name}`,
        tags,
        summary: `Update a ${c.slug} document`,
        parameters: pathParams('{id}'),
        requestBody: { ...body, required: false },
        security,
        responses: {
          '200': {
            description: 'Updated',
            content: { 'application/json': { schema: { type: 'object', properties: { doc: ref(name) } } } },
          },
          '400': errorResponse,
          '403': errorResponse,
          '404': errorResponse,
        },
      },
      delete: {
        operationId: `delete${name}`,
        tags,
        summary: `Delete a ${c.slug} document`,
        parameters: pathParams('{id}'),
        security,
        responses: {
          '200': {
            description: 'Deleted',
            content: { 'application/json': { schema: { type: 'object', properties: { doc: ref(name) } } } },
          },
          '403': errorResponse,
          '404': errorResponse,
        },
      },
    },
  }
  if (c.auth) {
    const credentials = {
      required: true,
      content: {
        'application/json': {
          schema: {
            type: 'object',
            required: ['email', 'password'],
            properties: {
              email: { type: 'string', format: 'email' },
              password: { type: 'string' },
              totp: { type: 'string', description: 'Two-factor code, when enabled' },
            },
          },
        },
      },
    }
    paths[`${base}/login`] = {
      post: {
        operationId: `login${name}`,
        tags: ['Account'],
        summary: 'Sign in; answers a JWT (send as Authorization: JWT <token>) and sets the session cookie',
        requestBody: credentials,
        responses: {
          '200': {
            description: 'Signed in',
            content: {
              'application/json': {
                schema: { type: 'object', properties: { token: { type: 'string' }, exp: { type: 'integer' }, user: ref(name) } },
              },
            },
          },
          '401': errorResponse,
        },
      },
    }
    paths[`${base}/logout`] = {
      post: {
        operationId: `logout${name}`,
        tags: ['Account'],
        summary: 'Sign out',
        security,
        responses: { '200': { description: 'Signed out' } },
      },
    }
    paths[`${base}/me`] = {
      get: {
        operationId: `me${name}`,
        tags: ['Account'],
        summary: 'The signed-in user (null when anonymous)',
        security,
        responses: {
          '200': {
            description: 'The user',
            content: { 'application/json': { schema: { type: 'object', properties: { user: { oneOf: [ref(name), { type: 'null' }] } } } } },
          },
        },
      },
    }
    paths[`${base}/refresh-token`] = {
      post: {
        operationId: `refresh${name}`,
        tags: ['Account'],
        summary: 'A fresh JWT for the current session',
        security,
        responses: { '200': { description: 'Refreshed' } },
      },
    }
    paths[`${base}/forgot-password`] = {
      post: {
        operationId: `forgot${name}`,
        tags: ['Account'],
        summary: 'Email a password reset link',
        requestBody: {
          content: { 'application/json': { schema: { type: 'object', properties: { email: { type: 'string', format: 'email' } } } } },
        },
        responses: { '200': { description: 'Sent if the account exists' } },
      },
    }
    paths[`${base}/reset-password`] = {
      post: {
        operationId: `reset${name}`,
        tags: ['Account'],
        summary: 'Set a new password with the emailed token',
        requestBody: {
          content: {
            'application/json': { schema: { type: 'object', properties: { token: { type: 'string' }, password: { type: 'string' } } } },
          },
        },
        responses: { '200': { description: 'Reset' }, '400': errorResponse },
      },
    }
  }
  return paths
}

/**
 * Every custom endpoint of the config (ours and plugins'), as [METHOD, OpenAPI path]. Payload's
 * own per-collection endpoints (CRUD, versions, uploads, auth) are told apart by comparing with
 * collections that have none of their own: payload-kv (plain), media (uploads), users (auth).
 */
export function customEndpoints(config: SanitizedConfig): Array<[string, string]> {
  const key = (e: Endpoint) => `${e.method.toUpperCase()} ${e.path}`
  const builtIn = new Set<string>()
  for (const slug of ['payload-kv', 'media', 'users'])
    for (const e of (config.collections.find((c) => c.slug === slug)?.endpoints || []) as Endpoint[]) builtIn.add(key(e))
  const out: Array<[string, string]> = []
  const add = (e: Endpoint, prefix: string) => out.push([e.method.toUpperCase(), `/api${prefix}${e.path}`.replace(/:(\w+)\??/g, '{$1}')])
  for (const e of (config.endpoints ?? []) as Endpoint[]) if (e.path !== '/access') add(e, '')
  for (const c of config.collections) {
    if (c.slug.startsWith('payload-')) continue
    for (const e of (c.endpoints || []) as Endpoint[]) if (!builtIn.has(key(e))) add(e, `/${c.slug}`)
  }
  return out
}

function customOperation(method: string, path: string, d: EndpointDoc | undefined): Op {
  const op: Op = {
    operationId: `${method.toLowerCase()}${path
      .replace(/^\/api/, '')
      .replace(/\{(\w+)\}/g, 'By-$1')
      .replace(/[^A-Za-z0-9]+(\w)/g, (_, c: string) => c.toUpperCase())}`,
    tags: d?.tags ?? ['Custom'],
    summary: d?.summary ?? '',
    parameters: [...pathParams(path)],
    responses: {
      '200': { description: 'OK', content: { 'application/json': { schema: {} } } },
      '400': errorResponse,
      ...Object.fromEntries(Object.entries(d?.responses ?? {}).map(([code, description]) => [code, { description }])),
    },
  }
  if (d?.auth !== 'none') op.security = d?.auth === 'required' ? security.slice(0, 3) : security
  if (d?.query) {
    const js = zodSchema(d.query) as { properties?: Record<string, Schema>; required?: string[] }
    for (const [name, schema] of Object.entries(js.properties ?? {}))
      (op.parameters as unknown[]).push({ name, in: 'query', required: (js.required ?? []).includes(name), schema })
  }
  if (d?.body) op.requestBody = { required: true, content: { 'application/json': { schema: zodSchema(d.body) } } }
  if (d?.rawBody)
    op.requestBody = {
      required: true,
      content: { 'application/json': { schema: { type: 'object', description: 'Verified against the signature over the raw bytes' } } },
    }
  return op
}

export function buildOpenApi(config: SanitizedConfig): Record<string, unknown> {
  const schemas: Record<string, Schema> = {
    Error: {
      type: 'object',
      properties: {
        error: { type: 'string' },
        message: { type: 'string' },
        errors: { type: 'array', items: { type: 'object' } },
        issues: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } } },
      },
    },
  }
  const paths: Record<string, Record<string, Op>> = {}
  for (const c of config.collections) {
    if (c.slug.startsWith('payload-')) continue
    const name = schemaName(c.slug)
    const out = fieldsSchema(c.fields, 'output')
    const input = fieldsSchema(c.fields, 'input')
    schemas[name] = { type: 'object', properties: { id: { type: 'string', format: 'uuid' }, ...out.properties } }
    schemas[`${name}Input`] = {
      type: 'object',
      properties: input.properties,
      ...(input.required.length ? { required: input.required } : {}),
    }
    Object.assign(paths, collectionPaths(c))
  }
  for (const [method, path] of customEndpoints(config)) {
    paths[path] ??= {}
    paths[path][method.toLowerCase()] = customOperation(method, path, ENDPOINT_DOCS[`${method} ${path}`])
  }
  paths['/api/graphql'] = {
    post: {
      operationId: 'graphql',
      tags: ['GraphQL'],
      summary: 'GraphQL endpoint (schema: npm run generate:graphql, committed as src/graphql/schema.graphql)',
      security,
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: ['query'],
              properties: { query: { type: 'string' }, variables: { type: 'object' }, operationName: { type: 'string' } },
            },
          },
        },
      },
      responses: { '200': { description: 'GraphQL response' } },
    },
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Fashionistas API',
      version: process.env.npm_package_version || '0.1.0',
      description:
        'REST for every collection (generated by Payload), the platform’s own endpoints, and GraphQL. Authenticate with an API key (Authorization: Bearer fsh_…), a JWT (Authorization: JWT …) or the admin session cookie.',
    },
    servers: [{ url: config.serverURL || '/' }],
    tags: [...new Set(Object.values(paths).flatMap((ops) => Object.values(ops).flatMap((o) => o.tags as string[])))]
      .sort()
      .map((name) => ({ name })),
    paths,
    components: {
      schemas,
      securitySchemes: {
        apiKey: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'fsh_<prefix>_<secret>',
          description: 'A partner API key (scopes, rate limit; 401 without, 429 over the limit)',
        },
        jwt: { type: 'apiKey', in: 'header', name: 'Authorization', description: '`JWT <token>` from POST /api/users/login' },
        cookie: { type: 'apiKey', in: 'cookie', name: 'payload-token', description: 'The admin UI session' },
      },
    },
  }
}
