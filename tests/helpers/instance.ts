/**
 * One app instance for the scale-out tests, as its own process (`tsx tests/helpers/instance.ts`):
 * the app's gated REST handlers (API-key gate, request guard, Payload) on a plain Node HTTP
 * server, behind the platform's front (scripts/front.ts), jobs off. Prints
 * `instance ready <port>` with the front's port; SIGTERM drains and exits.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'

import config from '@payload-config'
import { getPayload } from 'payload'

import { startFront } from '../../scripts/front'

type Handler = (req: Request, ctx: { params: Promise<{ slug: string[] }> }) => Promise<Response>

async function main() {
  process.env.PAYLOAD_JOBS_AUTORUN = 'false'
  await getPayload({ config })
  const rest = (await import('../../src/app/(payload)/api/restHandlers')) as unknown as Record<string, Handler>
  const server = http.createServer(async (req, res) => {
    try {
      const chunks: Buffer[] = []
      for await (const c of req) chunks.push(c as Buffer)
      const url = new URL(req.url ?? '/', 'http://127.0.0.1')
      const headers = new Headers()
      for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v)
      const method = req.method ?? 'GET'
      const request = new Request(url, { method, headers, body: method === 'GET' || method === 'HEAD' ? undefined : Buffer.concat(chunks) })
      const handler = url.pathname.startsWith('/api/') ? rest[method] : undefined
      const response = handler
        ? await handler(request, { params: Promise.resolve({ slug: url.pathname.slice(5).split('/') }) })
        : new Response('not found', { status: 404 })
      res.writeHead(response.status, Object.fromEntries(response.headers))
      res.end(Buffer.from(await response.arrayBuffer()))
    } catch (err) {
      res.writeHead(500).end(String(err))
    }
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
  const front = await startFront({
    port: 0,
    host: '127.0.0.1',
    target: { host: '127.0.0.1', port: (server.address() as AddressInfo).port },
  })
  console.log(`instance ready ${front.port}`)
  process.once('SIGTERM', () => {
    void front.drain(5000).then(() => process.exit(0))
  })
}

void main().catch((err) => {
  console.error(err)
  process.exit(1)
})
