import { headers } from 'next/headers'

/** The public origin of the storefront: PAYLOAD_PUBLIC_SERVER_URL, else the request's host. */
export async function siteOrigin(): Promise<string> {
  if (process.env.PAYLOAD_PUBLIC_SERVER_URL) return process.env.PAYLOAD_PUBLIC_SERVER_URL.replace(/\/$/, '')
  const h = await headers()
  const host = h.get('x-forwarded-host') ?? h.get('host') ?? 'localhost:3000'
  const proto = h.get('x-forwarded-proto') ?? 'http'
  return `${proto}://${host}`
}
