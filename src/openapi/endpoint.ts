import fs from 'node:fs'
import path from 'node:path'

import type { Endpoint } from 'payload'

import { buildOpenApi } from './generate'
import { errorBody } from '../endpoints/http'

let cached: string | null = null

/** GET /api/openapi.json: the OpenAPI 3.1 document, generated from the running config. */
export const openApiEndpoint: Endpoint = {
  path: '/openapi.json',
  method: 'get',
  handler: async (req) => {
    cached ??= JSON.stringify(buildOpenApi(req.payload.config))
    return new Response(cached, { headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'public, max-age=60' } })
  },
}

const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
}

/** GET /api/docs: Swagger UI over /api/openapi.json, served from this app (no CDN). */
export const docsEndpoint: Endpoint = {
  path: '/docs',
  method: 'get',
  handler: async (req) => {
    const api = req.payload.config.routes.api
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Fashionistas API</title>
<link rel="stylesheet" href="${api}/docs/assets/swagger-ui.css"></head><body><div id="docs"></div>
<script src="${api}/docs/assets/swagger-ui-bundle.js"></script>
<script>window.ui = SwaggerUIBundle({ url: '${api}/openapi.json', dom_id: '#docs', deepLinking: true, persistAuthorization: true, docExpansion: 'none', tagsSorter: 'alpha' })</script></body></html>`
    return new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' } })
  },
}

/** GET /api/docs/assets/:file: the two Swagger UI files, from node_modules/swagger-ui-dist. */
export const docsAssetEndpoint: Endpoint = {
  path: '/docs/assets/:file',
  method: 'get',
  handler: async (req) => {
    const file = String(req.routeParams?.file ?? '')
    if (!Object.hasOwn(ASSETS, file)) return errorBody(404, 'not_found', 'No such file.')
    const body = fs.readFileSync(path.join(process.cwd(), 'node_modules', 'swagger-ui-dist', file))
    return new Response(body, { headers: { 'content-type': ASSETS[file], 'cache-control': 'public, max-age=86400' } })
  },
}
