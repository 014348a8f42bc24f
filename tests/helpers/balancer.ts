/** A small round-robin balancer over app instances' ports, passing X-Forwarded-For on (tests and the soak benchmark). */
import http from 'node:http'
import type { AddressInfo } from 'node:net'

export type Balancer = { url: string; served: number[]; close: () => Promise<void> }

/** Round robin over the instances' fronts, passing X-Forwarded-For on (the fronts trust one loopback hop). */
export async function balancer(ports: number[]): Promise<Balancer> {
  const served = ports.map(() => 0)
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 })
  let next = 0
  const server = http.createServer((req, res) => {
    const i = next++ % ports.length
    served[i]++
    const up = http.request({ host: '127.0.0.1', port: ports[i], method: req.method, path: req.url, headers: req.headers, agent }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers)
      r.pipe(res)
    })
    up.on('error', () => res.writeHead(502).end())
    req.pipe(up)
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    served,
    close: () => new Promise<void>((r) => (agent.destroy(), server.close(() => r()))),
  }
}
