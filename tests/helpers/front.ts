/** An upstream HTTP server on loopback with the platform's front (scripts/front.ts) before it, for the front's own tests. */
import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { startFront, type Front } from '../../scripts/front'

export async function frontBefore(handler: http.RequestListener): Promise<{ front: Front; base: string; close: () => Promise<void> }> {
  const upstream = http.createServer(handler)
  await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', () => r()))
  const front = await startFront({
    port: 0,
    host: '127.0.0.1',
    target: { host: '127.0.0.1', port: (upstream.address() as AddressInfo).port },
  })
  return {
    front,
    base: `http://127.0.0.1:${front.port}`,
    close: async () => {
      await front.close()
      await new Promise<void>((r) => upstream.close(() => r()))
    },
  }
}
