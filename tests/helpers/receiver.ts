/** A real HTTP server on 127.0.0.1 that records what webhooks deliver and answers as told. */
import http from 'node:http'
import type { AddressInfo } from 'node:net'

export type Delivery = { path: string; headers: http.IncomingHttpHeaders; body: string }

export async function startReceiver() {
  const received: Delivery[] = []
  let answer: (d: Delivery) => number = () => 200
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const d = { path: req.url ?? '/', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') }
      received.push(d)
      const status = answer(d)
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : `no (${status})`)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: (path = '/hook') => `http://127.0.0.1:${port}${path}`,
    received,
    answerWith: (fn: (d: Delivery) => number) => {
      answer = fn
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
