/**
 * request-guard: bad input never reaches Payload's REST and GraphQL handlers, and no request
 * asks for a whole table.
 *
 * `withRequestGuard(config, handler)` wraps the REST route (src/app/(payload)/api/[...slug]):
 * - a POST/PATCH/PUT whose JSON body is not a JSON object -> 400 `invalid_body`;
 * - `page` (whole number >= 1), `limit` (1..maxLimit on reads; 0 means "every matching row"
 *   and is allowed only for the admin UI's bulk PATCH/DELETE, which are access-checked),
 *   `depth` (0..maxDepth), `pagination=false` on reads, and `sort` naming a field the
 *   collection does not have -> 400 `invalid_query` naming the parameter;
 * - a query parameter sent as an object or repeated where one value is expected -> 400.
 *
 * `requestGuardPlugin(options)` adds the same bounds to GraphQL: a `limit` or `page` argument
 * (literal or variable) out of range fails validation with a 400 naming the argument, and
 * POST /api/graphql with a body that is not a JSON object is a 400 too (`withRequestGuard`
 * with `graphql: true`).
 */
import { Kind, type ASTVisitor, type ValidationContext, type ValidationRule } from 'graphql'
// The CommonJS build, explicitly: graphql-http (inside Payload's GraphQL route) recognises a
// validation error by `instanceof` against the CommonJS GraphQLError, and a bundler resolving
// 'graphql' to its ESM build would hand us a different class (then the error is not a 400).
import { GraphQLError } from 'graphql/error/GraphQLError.js'
import type { Config, FlattenedField, Plugin, SanitizedConfig } from 'payload'

export type RequestGuardOptions = {
  /** The largest `limit` a read may ask for. Default 100. */
  maxLimit?: number
  /** The largest `depth`. Default 5. */
  maxDepth?: number
  /** What a document id looks like (e.g. a UUID pattern with `idType: 'uuid'`): ids in `where` and relationship values are checked against it. */
  idPattern?: RegExp
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

const resolved = (o: RequestGuardOptions) => ({ maxLimit: o.maxLimit ?? 100, maxDepth: o.maxDepth ?? 5 })

const bad = (error: string, message: string, details: Record<string, unknown> = {}) =>
  Response.json({ error, message, ...details }, { status: 400, headers: { 'cache-control': 'no-store' } })
const unsupported = (message: string, param: string) =>
  Response.json({ error: 'unsupported_media_type', message, param }, { status: 415, headers: { 'cache-control': 'no-store' } })

const WHOLE = /^\d{1,9}$/

type Check = { param: string; message: string } | null

/** The query-string problems of one REST request, or null. Exported for tests. */
export function checkQuery(
  search: URLSearchParams,
  method: string,
  sortable: ((field: string) => boolean) | null,
  options: RequestGuardOptions = {},
  fields: FlattenedField[] | null = null,
): Check {
  const { maxLimit, maxDepth } = resolved(options)
  const read = method === 'GET' || method === 'HEAD'
  for (const name of ['page', 'limit', 'depth', 'sort', 'pagination', 'draft', 'locale', 'fallback-locale', 'trash']) {
    for (const key of search.keys()) {
      if (key !== name && key.startsWith(`${name}[`))
        return { param: name, message: `${name} must be a single value, not an object or a list` }
    }
    if (search.getAll(name).length > 1) return { param: name, message: `${name} must be given once` }
  }
  const page = search.get('page')
  if (page !== null && (!WHOLE.test(page) || Number(page) < 1))
    return { param: 'page', message: 'page must be a whole number of at least 1' }
  const limit = search.get('limit')
  if (limit !== null) {
    const ok =
      WHOLE.test(limit) && (read ? Number(limit) >= 1 && Number(limit) <= maxLimit : Number(limit) <= maxLimit || Number(limit) === 0)
    if (!ok)
      return {
        param: 'limit',
        message: read
          ? `limit must be a whole number from 1 to ${maxLimit}`
          : `limit must be a whole number up to ${maxLimit}, or 0 for every matching document`,
      }
  }
  const depth = search.get('depth')
  if (depth !== null && (!WHOLE.test(depth) || Number(depth) > maxDepth))
    return { param: 'depth', message: `depth must be a whole number from 0 to ${maxDepth}` }
  const pagination = search.get('pagination')
  if (pagination !== null) {
    if (pagination !== 'true' && pagination !== 'false') return { param: 'pagination', message: 'pagination must be true or false' }
    if (read && pagination === 'false')
      return { param: 'pagination', message: `pagination cannot be turned off; page through with limit (at most ${maxLimit}) and page` }
  }
  const draft = search.get('draft')
  if (draft !== null && draft !== 'true' && draft !== 'false') return { param: 'draft', message: 'draft must be true or false' }
  for (const [key, value] of search) {
    if (key.includes('\u0000') || value.includes('\u0000')) return { param: key.split('[')[0], message: 'must not contain a NUL character' }
  }
  if (search.has('where')) return { param: 'where', message: 'where must be an object, e.g. where[title][equals]=Gala' }
  const where = checkWhere(search, fields, options.idPattern)
  if (where) return where
  const sort = search.get('sort')
  if (sort !== null && sortable) {
    for (const part of sort.split(',')) {
      const field = part.trim().replace(/^[-+]/, '')
      if (!field || !sortable(field)) return { param: 'sort', message: `sort: unknown field "${field.slice(0, 80)}"` }
    }
  }
  return null
}

const SYSTEM_FIELDS = new Set(['id', 'createdAt', 'updatedAt'])

const OPERATORS = new Set([
  'equals',
  'not_equals',
  'in',
  'not_in',
  'all',
  'exists',
  'greater_than',
  'greater_than_equal',
  'less_than',
  'less_than_equal',
  'like',
  'not_like',
  'contains',
  'near',
  'within',
  'intersects',
])
const LISTS = new Set(['in', 'not_in', 'all'])

/**
 * `where[...]` as the query string spells it: each condition ends in a known operator with a
 * plain value (no nested object), and ids compared with `id` or a relationship are ids.
 * Unknown field paths are left to Payload (it answers 400 for them).
 */
function checkWhere(search: URLSearchParams, fields: FlattenedField[] | null, idPattern: RegExp | undefined): Check {
  const idLike = new Set([
    'id',
    ...(fields ?? [])
      .filter((f) => (f.type === 'relationship' || f.type === 'upload') && typeof f.relationTo === 'string')
      .map((f) => f.name),
  ])
  for (const [key, value] of search) {
    if (!key.startsWith('where[')) continue
    const parts = [...key.slice('where'.length).matchAll(/\[([^\]]*)\]/g)].map((m) => m[1])
    const segments = parts.filter((p) => p !== 'and' && p !== 'or' && !/^\d+$/.test(p))
    const op = segments.at(-1)
    const last = parts.at(-1)
    // where[x][in][]=a or where[x][in][0]=a: a list; anything deeper is an object where a value belongs.
    const listIndex = last === '' || (last && /^\d+$/.test(last) && parts.length >= 2 && LISTS.has(parts.at(-2)!))
    const operator = listIndex ? parts.at(-2) : op
    if (!operator || !OPERATORS.has(operator)) {
      return {
        param: 'where',
        message: `${key.slice(0, 120)}: each condition ends in an operator (${[...OPERATORS].slice(0, 6).join(', ')}, ...)`,
      }
    }
    if (segments.length < 2 && !listIndex)
      return { param: 'where', message: `${key.slice(0, 120)}: a condition names a field, then an operator` }
    const field = (listIndex ? segments.slice(0, -1) : segments.slice(0, -1)).join('.')
    const typed =
      field === 'createdAt' || field === 'updatedAt' ? 'date' : field === 'id' ? 'id' : fields?.find((f) => f.name === field)?.type
    if ((operator === 'near' || operator === 'within' || operator === 'intersects') && typed && typed !== 'point') {
      return { param: 'where', message: `${key.slice(0, 120)}: ${operator} applies to point fields only` }
    }
    if (
      (typed === 'date' || typed === 'number') &&
      operator !== 'exists' &&
      operator !== 'like' &&
      operator !== 'not_like' &&
      operator !== 'contains' &&
      value !== '' &&
      value !== 'null'
    ) {
      const values = LISTS.has(operator) && !listIndex ? value.split(',') : [value]
      const badValue = values.find((v) => (typed === 'date' ? Number.isNaN(Date.parse(v)) : !Number.isFinite(Number(v))))
      if (badValue !== undefined)
        return {
          param: 'where',
          message: `${key.slice(0, 120)}: "${badValue.slice(0, 60)}" is not ${typed === 'date' ? 'a date' : 'a number'}`,
        }
    }
    if (
      idPattern &&
      idLike.has(field) &&
      operator !== 'exists' &&
      operator !== 'like' &&
      operator !== 'not_like' &&
      operator !== 'contains'
    ) {
      const values = LISTS.has(operator) && !listIndex ? value.split(',') : [value]
      const badId = values.find((v) => v !== '' && v !== 'null' && !idPattern.test(v.trim()))
      if (badId !== undefined) return { param: 'where', message: `${key.slice(0, 120)}: "${badId.slice(0, 60)}" is not an id` }
    }
  }
  return null
}

/** The JSON body's problems against the collection's fields (types only; Payload validates values). */
function checkShape(value: Record<string, unknown>, fields: FlattenedField[], idPattern: RegExp | undefined, prefix = ''): Check {
  for (const f of fields) {
    if (!(f.name in value)) continue
    const v = value[f.name]
    const path = `${prefix}${f.name}`
    const problem = fieldProblem(f, v, idPattern, path)
    if (problem) return problem
  }
  return null
}

function fieldProblem(f: FlattenedField, v: unknown, idPattern: RegExp | undefined, path: string): Check {
  const fail = (message: string): Check => ({ param: path, message: `Invalid ${path}: ${message}` })
  const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x)
  const many = 'hasMany' in f && f.hasMany === true
  if (many && v !== null && v !== undefined && !Array.isArray(v) && f.type !== 'relationship' && f.type !== 'upload')
    return fail('must be a list')
  const each = (check: (x: unknown) => boolean, what: string): Check => {
    if (v === null || v === undefined) return null
    const xs = many && Array.isArray(v) ? v : [v]
    return xs.every(check) ? null : fail(`must be ${what}`)
  }
  switch (f.type) {
    case 'group':
    case 'tab':
      if (v === undefined) return null
      if (!isObject(v)) return fail('must be an object')
      return checkShape(v, f.flattenedFields, idPattern, `${path}.`)
    case 'array':
      if (v === null || v === undefined) return null
      if (!Array.isArray(v)) return fail('must be a list')
      for (let i = 0; i < v.length; i++) {
        if (!isObject(v[i])) return fail(`item ${i} must be an object`)
        const inner = checkShape(v[i] as Record<string, unknown>, f.flattenedFields, idPattern, `${path}.${i}.`)
        if (inner) return inner
      }
      return null
    case 'blocks':
      if (v === null || v === undefined) return null
      if (!Array.isArray(v) || !v.every((b) => isObject(b) && typeof b.blockType === 'string'))
        return fail('must be a list of blocks, each with a blockType')
      return null
    case 'text':
    case 'textarea':
    case 'email':
    case 'code':
    case 'select':
    case 'radio':
      return each((x) => typeof x === 'string', f.type === 'select' || f.type === 'radio' ? 'one of the options (a string)' : 'a string')
    case 'number':
      return each((x) => typeof x === 'number' && Number.isFinite(x), 'a number')
    case 'checkbox':
      return v === null || v === undefined || typeof v === 'boolean' ? null : fail('must be true or false')
    case 'date':
      return v === null || v === undefined || (typeof v === 'string' && !Number.isNaN(Date.parse(v)))
        ? null
        : fail('must be a date (ISO 8601)')
    case 'relationship':
    case 'upload': {
      if (v === null || v === undefined) return null
      const xs = Array.isArray(v) ? v : [v]
      if (Array.isArray(v) && !many) return fail('must be one id, not a list')
      const okId = (x: unknown) => (typeof x === 'string' && (!idPattern || idPattern.test(x))) || (typeof x === 'number' && !idPattern)
      const ok = xs.every((x) => okId(x) || (isObject(x) && ('value' in x ? okId(x.value) || isObject(x.value) : 'id' in x && okId(x.id))))
      return ok ? null : fail(idPattern ? 'must be an id (a UUID) or a document' : 'must be an id or a document')
    }
    default:
      return null
  }
}

/** Built once per field list (the config does not change while the process runs), not per request. */
const sortables = new WeakMap<FlattenedField[], (path: string) => boolean>()

function sortableIn(fields: FlattenedField[]): (path: string) => boolean {
  const known = sortables.get(fields)
  if (known) return known
  const made = buildSortable(fields)
  sortables.set(fields, made)
  return made
}

function buildSortable(fields: FlattenedField[]): (path: string) => boolean {
  const byName = new Map(fields.map((f) => [f.name, f]))
  return (path) => {
    const [head, ...rest] = path.split('.')
    if (SYSTEM_FIELDS.has(head) && rest.length === 0) return true
    const f = byName.get(head)
    if (!f) return false
    if (rest.length === 0) return true
    if ('flattenedFields' in f && Array.isArray(f.flattenedFields)) return sortableIn(f.flattenedFields as FlattenedField[])(rest.join('.'))
    // Through a relationship or upload: the target's fields are checked by Payload's own query validation.
    return f.type === 'relationship' || f.type === 'upload' || f.type === 'json'
  }
}

type Target = { fields: FlattenedField[]; versions: boolean; isGlobal: boolean; segments: string[]; upload: boolean }

/** The collection or global a REST path names, or null. */
function targetOf(config: SanitizedConfig, pathname: string): Target | null {
  const apiRoute = config.routes.api
  const rest = pathname.startsWith(`${apiRoute}/`) ? pathname.slice(apiRoute.length + 1) : null
  if (rest === null) return null
  const segments = rest.split('/')
  const isGlobal = segments[0] === 'globals'
  const slug = isGlobal ? segments[1] : segments[0]
  const entity = isGlobal ? config.globals.find((g) => g.slug === slug) : config.collections.find((c) => c.slug === slug)
  if (!entity) return null
  const upload = !isGlobal && Boolean((entity as { upload?: unknown }).upload)
  return { fields: entity.flattenedFields, versions: (isGlobal ? segments[2] : segments[1]) === 'versions', isGlobal, segments, upload }
}

/** A create or update of documents (whose body is the document), as opposed to an auth operation or a custom endpoint. */
function isDocumentWrite(t: Target, method: string): boolean {
  const n = t.segments.length
  if (t.isGlobal) return method === 'POST' && n === 2
  return (method === 'POST' && n === 1) || ((method === 'PATCH' || method === 'PUT') && (n === 1 || n === 2))
}

/** Which sort fields the collection or global accepts. */
function sortRule(t: Target | null): ((field: string) => boolean) | null {
  if (!t) return null
  const plain = sortableIn(t.fields)
  if (!t.versions) return plain
  return (field) => {
    if (SYSTEM_FIELDS.has(field) || field === 'parent' || field === 'latest' || field === 'autosave') return true
    return field.startsWith('version.') && plain(field.slice('version.'.length))
  }
}

/** The body problem of a request, or null; `bytes` is the body as read (handed on unchanged). */
function hasNul(x: unknown, depth = 0): boolean {
  if (typeof x === 'string') return x.includes('\u0000')
  if (depth > 64 || typeof x !== 'object' || x === null) return false
  return Object.entries(x).some(([k, v]) => k.includes('\u0000') || hasNul(v, depth + 1))
}

/** The media type of a Content-Type header, lower case, without its parameters. */
const mediaOf = (contentType: string) => contentType.split(';')[0].trim().toLowerCase()
const isJsonMedia = (media: string) => media === '' || media === 'application/json' || media.endsWith('+json')

/**
 * Bodies Payload itself parses (its collection, global and auth routes, and plugins' routes) are
 * JSON or multipart (the admin's forms: the document as JSON in `_payload`, and a file for
 * upload collections); anything else reached its hooks as no data at all and answered 500
 * (review finding 10). A multipart body is read here: it must parse, carry its document in
 * `_payload` as a JSON object (shape-checked like a JSON body), and a file only where the
 * collection takes uploads.
 */
async function checkPayloadBody(
  bytes: ArrayBuffer,
  rawContentType: string,
  target: Target | null,
  documentWrite: boolean,
  idPattern: RegExp | undefined,
): Promise<(NonNullable<Check> & { status?: number }) | null> {
  if (bytes.byteLength === 0) return null
  const media = mediaOf(rawContentType)
  const charset = /charset\s*=\s*"?([^";\s]+)/i.exec(rawContentType)?.[1]?.toLowerCase()
  if (isJsonMedia(media)) {
    if (charset && charset !== 'utf-8' && charset !== 'utf8')
      return { param: 'content-type', message: 'JSON bodies must be UTF-8.', status: 415 }
    return checkBody(bytes, 'application/json', documentWrite && target ? target.fields : null, idPattern)
  }
  if (media !== 'multipart/form-data')
    return {
      param: 'content-type',
      message: `Send the body as application/json (or multipart/form-data with _payload); ${media} is not accepted here.`,
      status: 415,
    }
  if (!/boundary=/i.test(rawContentType)) return { param: 'content-type', message: 'A multipart body needs a boundary.' }
  let form: FormData
  try {
    form = await new Response(bytes, { headers: { 'content-type': rawContentType } }).formData()
  } catch {
    return { param: 'body', message: 'The multipart body could not be read.' }
  }
  const files = [...form.values()].filter((v) => typeof v !== 'string')
  if (files.length && !(target?.upload && documentWrite)) return { param: 'file', message: 'This route takes no file.' }
  const payloadPart = form.get('_payload')
  if (payloadPart === null) return { param: '_payload', message: 'A multipart body needs the document as JSON in _payload.' }
  if (typeof payloadPart !== 'string') return { param: '_payload', message: '_payload must be JSON text.' }
  return checkBody(
    new TextEncoder().encode(payloadPart).buffer as ArrayBuffer,
    'application/json',
    documentWrite && target ? target.fields : null,
    idPattern,
  )
}

function checkBody(bytes: ArrayBuffer, contentType: string, fields: FlattenedField[] | null, idPattern: RegExp | undefined): Check {
  if (bytes.byteLength === 0) return null
  if (contentType && !contentType.includes('json')) return null // app endpoints read their own bodies
  let value: unknown
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
  } catch {
    return { param: 'body', message: 'The request body is not valid JSON (UTF-8).' }
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return { param: 'body', message: 'The request body must be a JSON object.' }
  if (hasNul(value)) return { param: 'body', message: 'The request body must not contain NUL characters.' }
  return fields ? checkShape(value as Record<string, unknown>, fields, idPattern) : null
}

function decodePath(p: string): string {
  try {
    return decodeURIComponent(p)
  } catch {
    return p
  }
}

export function withRequestGuard<C>(
  configPromise: Promise<SanitizedConfig> | SanitizedConfig,
  handler: (req: Request, ctx: C) => Promise<Response>,
  options: RequestGuardOptions & { graphql?: boolean } = {},
): (req: Request, ctx: C) => Promise<Response> {
  return async (req, ctx) => {
    const config = await configPromise
    const url = new URL(req.url)
    const target = options.graphql ? null : targetOf(config, decodePath(url.pathname))
    if (!options.graphql) {
      const query = checkQuery(url.searchParams, req.method, sortRule(target), options, target && !target.versions ? target.fields : null)
      if (query) return bad('invalid_query', `Invalid ${query.param}: ${query.message}`, { param: query.param })
    }
    // Payload's admin reads lists (relationship and upload fields) as a POST whose form body is the
    // query string (X-Payload-HTTP-Method-Override: GET): that body is checked as the query it is.
    const override = (req.headers.get('x-payload-http-method-override') ?? req.headers.get('x-http-method-override'))?.toUpperCase()
    if (!options.graphql && req.method === 'POST' && override === 'GET') {
      const bytes = await req.arrayBuffer()
      if (mediaOf(req.headers.get('content-type') ?? '') === 'application/x-www-form-urlencoded') {
        const params = new URLSearchParams(new TextDecoder().decode(bytes))
        const query = checkQuery(params, 'GET', sortRule(target), options, target && !target.versions ? target.fields : null)
        if (query) return bad('invalid_query', `Invalid ${query.param}: ${query.message}`, { param: query.param })
      } else {
        const body = checkBody(bytes, 'application/json', null, options.idPattern)
        if (body) return bad('invalid_body', body.message, { param: body.param })
      }
      const init: RequestInit & { duplex?: 'half' } = {
        method: req.method,
        headers: req.headers,
        body: bytes.byteLength ? bytes : undefined,
        signal: req.signal,
      }
      return handler(new Request(req.url, init), ctx)
    }
    if (req.method === 'POST' || req.method === 'PATCH' || req.method === 'PUT') {
      const bytes = await req.arrayBuffer()
      const contentType = req.headers.get('content-type') ?? ''
      const documentWrite = Boolean(target && isDocumentWrite(target, req.method))
      // Payload parses the bodies of its own routes and of plugins' (`/api/plugin-…`); app endpoints read theirs.
      const payloadParsed = !options.graphql && (target !== null || url.pathname.startsWith(`${config.routes.api}/plugin-`))
      const body = payloadParsed
        ? await checkPayloadBody(bytes, contentType, target, documentWrite, options.idPattern)
        : checkBody(bytes, contentType.toLowerCase(), null, options.idPattern)
      if (body) {
        const status = (body as { status?: number }).status
        if (status === 415) return unsupported(body.message, body.param)
        return bad('invalid_body', body.message, { param: body.param })
      }
      if (options.graphql && bytes.byteLength === 0)
        return bad('invalid_body', 'A GraphQL request needs a JSON body with a query.', { param: 'body' })
      const init: RequestInit & { duplex?: 'half' } = {
        method: req.method,
        headers: req.headers,
        body: bytes.byteLength ? bytes : undefined,
        signal: req.signal,
      }
      return handler(new Request(req.url, init), ctx)
    }
    return handler(req, ctx)
  }
}

/** A GraphQL validation rule: `limit` within 1..maxLimit, `page` at least 1, literal or variable. */
export function boundedArguments(options: RequestGuardOptions, variables: Record<string, unknown> | null | undefined): ValidationRule {
  const { maxLimit } = resolved(options)
  return (context: ValidationContext): ASTVisitor => ({
    Argument(node) {
      if (node.name.value !== 'limit' && node.name.value !== 'page') return
      let value: unknown
      if (node.value.kind === Kind.INT) value = Number(node.value.value)
      else if (node.value.kind === Kind.VARIABLE) value = variables?.[node.value.name.value]
      else return
      if (value === undefined || value === null) return
      const n = Number(value)
      const ok = Number.isInteger(n) && (node.name.value === 'limit' ? n >= 1 && n <= maxLimit : n >= 1)
      if (!ok) {
        const message =
          node.name.value === 'limit'
            ? `Invalid limit: must be a whole number from 1 to ${maxLimit}`
            : 'Invalid page: must be a whole number of at least 1'
        context.reportError(new GraphQLError(message, { nodes: [node] }))
      }
    },
  })
}

export const requestGuardPlugin =
  (options: RequestGuardOptions = {}): Plugin =>
  (config: Config): Config => {
    const previous = config.graphQL?.validationRules
    return {
      ...config,
      graphQL: {
        ...config.graphQL,
        validationRules: (args) => [
          ...(previous?.(args) ?? []),
          boundedArguments(options, args.variableValues as Record<string, unknown> | undefined),
        ],
      },
    }
  }
