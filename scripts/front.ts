/**
 * The platform's front: a small HTTP server on the public port that forwards every request
 * (and WebSocket upgrade: `next dev` reloads through it) to Next.js listening on loopback. It
 * exists for one reason: Next.js route handlers cannot see the socket's remote address, and
 * the rate limits must be keyed on the real client. For each request it deletes any incoming
 * copy of the internal client-address headers and sets them from the socket (see
 * src/config/clientAddress.ts); X-Forwarded-For passes through untouched and is believed only
 * as far as TRUST_PROXY says.
 */
import http from 'node:http'
import net from 'node:net'

import { CLIENT_ADDRESS_HEADER, EDGE_PROOF_HEADER, edgeProof } from '../src/config/clientAddress'
import { REQUEST_ID_HEADER, requestIdOf } from '../src/config/requestId'

export type Front = {
  port: number
  /** In-flight requests (forwarded, answer not yet finished). */
  inFlight: () => number
  /**
   * Graceful stop (SIGTERM): stop accepting connections, answer new requests on open keep-alive
   * connections 503 (`Connection: close`, `Retry-After`), let in-flight requests finish (up to
   * `ms`), then close. Resolves with the number cut off at the deadline.
   */
  drain: (ms: number) => Promise<number>
  close: () => Promise<void>
}

export async function startFront(opts: {
  port: number
  host?: string
  target: { host: string; port: number }
  secret?: string
}): Promise<Front> {
  const proof = edgeProof(opts.secret)
  const agent = new http.Agent({ keepAlive: true, maxSockets: 512 })
  const headersFor = (req: http.IncomingMessage, requestId: string) => {
    const headers: http.OutgoingHttpHeaders = { ...req.headers }
    delete headers[CLIENT_ADDRESS_HEADER]
    delete headers[EDGE_PROOF_HEADER]
    headers[CLIENT_ADDRESS_HEADER] = req.socket.remoteAddress ?? ''
    headers[EDGE_PROOF_HEADER] = proof
    headers[REQUEST_ID_HEADER] = requestId
    return headers
  }
  let inFlight = 0
  let draining = false
  const unavailable = (res: http.ServerResponse, requestId: string, message: string, extra: http.OutgoingHttpHeaders = {}) => {
    res.writeHead(503, {
      'content-type': 'application/json',
      'retry-after': '2',
      'cache-control': 'no-store',
      [REQUEST_ID_HEADER]: requestId,
      ...extra,
    })
    res.end(JSON.stringify({ error: 'unavailable', message, requestId }))
  }
  const server = http.createServer((req, res) => {
    const requestId = requestIdOf(req.headers)
    if (draining) return unavailable(res, requestId, 'This instance is shutting down; try again.', { connection: 'close' })
    inFlight++
    res.once('close', () => inFlight--)
    const upstream = http.request(
      { host: opts.target.host, port: opts.target.port, method: req.method, path: req.url, headers: headersFor(req, requestId), agent },
      (up) => {
        const headers: string[] = []
        // Hop-by-hop headers are this connection's business, not Next's (and the id is the front's).
        for (let i = 0; i < up.rawHeaders.length; i += 2)
          if (![REQUEST_ID_HEADER, 'connection', 'keep-alive'].includes(up.rawHeaders[i].toLowerCase()))
            headers.push(up.rawHeaders[i], up.rawHeaders[i + 1])
        headers.push('X-Request-Id', requestId)
        if (draining) headers.push('Connection', 'close')
        res.writeHead(up.statusCode ?? 502, up.statusMessage, headers)
        up.pipe(res)
        up.on('error', () => res.destroy())
      },
    )
    upstream.on('error', () => {
      if (!res.headersSent) unavailable(res, requestId, 'The application is starting or restarting; try again shortly.')
      else res.destroy()
    })
    req.pipe(upstream)
    req.on('aborted', () => upstream.destroy())
  })
  server.on('upgrade', (req, socket, head) => {
    const up = net.connect(opts.target.port, opts.target.host, () => {
      const headers = headersFor(req, requestIdOf(req.headers))
      const lines = [`${req.method} ${req.url} HTTP/${req.httpVersion}`]
      for (const [k, v] of Object.entries(headers))
        for (const one of Array.isArray(v) ? v : [v]) if (one !== undefined) lines.push(`${k}: ${one}`)
      up.write(`${lines.join('\r\n')}\r\n\r\n`)
      if (head.length) up.write(head)
      up.pipe(socket)
      socket.pipe(up)
    })
    up.on('error', () => socket.destroy())
    socket.on('error', () => up.destroy())
  })
  // Generous header timeouts, but not unlimited: a slow-loris client does not hold a socket forever.
  server.headersTimeout = 30_000
  server.requestTimeout = 300_000
  server.keepAliveTimeout = 65_000
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port, opts.host, () => resolve())
  })
  const address = server.address() as net.AddressInfo
  return {
    port: address.port,
    inFlight: () => inFlight,
    drain: async (ms) => {
      draining = true
      server.close()
      server.closeIdleConnections()
      const until = Date.now() + ms
      while (inFlight > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 50))
      const cut = inFlight
      server.closeAllConnections()
      return cut
    },
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy()
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
