/**
 * A TCP proxy on loopback in front of a real service, which a test can cut (the service "goes
 * away": open connections dropped, new ones refused) and restore on the same port.
 */
import net from 'node:net'

export type TcpProxy = {
  port: number
  url: (scheme: string) => string
  cut: () => Promise<void>
  restore: () => Promise<void>
  close: () => Promise<void>
}

export async function tcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>()
  const make = () =>
    net.createServer((client) => {
      const upstream = net.connect(target.port, target.host)
      sockets.add(client).add(upstream)
      const drop = () => {
        client.destroy()
        upstream.destroy()
        sockets.delete(client)
        sockets.delete(upstream)
      }
      client.on('error', drop).on('close', drop)
      upstream.on('error', drop).on('close', drop)
      client.pipe(upstream).pipe(client)
    })
  let server = make()
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
  const port = (server.address() as net.AddressInfo).port
  const cut = async () => {
    await new Promise<void>((r) => {
      server.close(() => r())
      for (const s of sockets) s.destroy()
      sockets.clear()
    })
  }
  return {
    port,
    url: (scheme) => `${scheme}://127.0.0.1:${port}`,
    cut,
    restore: async () => {
      server = make()
      await new Promise<void>((r) => server.listen(port, '127.0.0.1', () => r()))
    },
    close: cut,
  }
}
