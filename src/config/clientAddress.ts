/**
 * Who is asking: the client's network address, as the rate limits, the hoarding cap, the audit
 * log and the orders see it.
 *
 * The address comes from the TCP socket. The platform's front (`scripts/front.ts`, started by
 * `npm run dev` / `npm start`) deletes any incoming copy of the internal headers below and sets
 * them from the socket's remote address, with a proof derived from PAYLOAD_SECRET, so a client
 * that reaches Next.js some other way cannot name its own address.
 *
 * `X-Forwarded-For` is believed only as far as TRUST_PROXY allows:
 * - unset (default): never; the socket's peer is the client.
 * - a number N: the N nearest hops are trusted proxies (`1` behind one reverse proxy).
 * - a comma-separated list of addresses, CIDRs or the names `loopback`, `private`,
 *   `linklocal`: hops from those addresses are trusted (a CDN's published ranges).
 * The client is the first address, walking from the socket back through X-Forwarded-For, that
 * is not a trusted proxy. Returns null when the address cannot be known (no front): callers
 * never lump such requests into one shared bucket.
 */
import crypto from 'node:crypto'
import net from 'node:net'

export const CLIENT_ADDRESS_HEADER = 'x-fashionistas-client-address'
export const EDGE_PROOF_HEADER = 'x-fashionistas-edge'

/** The value the front sends in EDGE_PROOF_HEADER: an HMAC of PAYLOAD_SECRET, never the secret itself. */
export function edgeProof(secret = process.env.PAYLOAD_SECRET ?? ''): string {
  return crypto.createHmac('sha256', secret).update('fashionistas-edge-v1').digest('base64url')
}

const NAMED: Record<string, string[]> = {
  loopback: ['127.0.0.0/8', '::1/128'],
  private: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'],
  linklocal: ['169.254.0.0/16', 'fe80::/10'],
}

export type Trust = { kind: 'none' } | { kind: 'hops'; hops: number } | { kind: 'cidrs'; list: net.BlockList }

export class TrustProxyError extends Error {}

/** Parses a TRUST_PROXY value; throws TrustProxyError naming the bad entry. */
export function parseTrust(value: string | undefined): Trust {
  const raw = (value ?? '').trim().toLowerCase()
  if (!raw || raw === 'false' || raw === '0') return { kind: 'none' }
  if (/^\d+$/.test(raw)) return { kind: 'hops', hops: Number(raw) }
  const list = new net.BlockList()
  for (const entry of raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    for (const cidr of NAMED[entry] ?? [entry]) {
      const [addr, bits] = cidr.split('/')
      const family = net.isIP(addr)
      if (!family)
        throw new TrustProxyError(
          `TRUST_PROXY: "${entry}" is not an address, a CIDR, a hop count or one of ${Object.keys(NAMED).join(', ')}`,
        )
      const type = family === 6 ? 'ipv6' : 'ipv4'
      if (bits === undefined) list.addAddress(addr, type)
      else {
        const prefix = Number(bits)
        if (!Number.isInteger(prefix) || prefix < 0 || prefix > (family === 6 ? 128 : 32))
          throw new TrustProxyError(`TRUST_PROXY: bad prefix in "${entry}"`)
        list.addSubnet(addr, prefix, type)
      }
    }
  }
  return { kind: 'cidrs', list }
}

/** `::ffff:1.2.3.4` -> `1.2.3.4`; anything that is not an IP address -> null. */
export function normalizeAddress(value: string | null | undefined): string | null {
  if (!value) return null
  let v = value.trim()
  if (v.startsWith('[') && v.includes(']')) v = v.slice(1, v.indexOf(']'))
  if (v.toLowerCase().startsWith('::ffff:') && net.isIPv4(v.slice(7))) v = v.slice(7)
  return net.isIP(v) ? v.toLowerCase() : null
}

const trusted = (list: net.BlockList, addr: string) => list.check(addr, net.isIPv6(addr) ? 'ipv6' : 'ipv4')

/** The client's address given the socket's peer, the X-Forwarded-For value and the trust rule. */
export function resolveClient(peer: string | null, forwardedFor: string | null, trust: Trust): string | null {
  const socket = normalizeAddress(peer)
  if (!socket || trust.kind === 'none' || !forwardedFor) return socket
  // Nearest hop first: the socket, then X-Forwarded-For from right to left.
  const hops = forwardedFor
    .split(',')
    .map((s) => s.trim())
    .reverse()
  if (trust.kind === 'hops') {
    let client = socket
    for (let i = 0; i < Math.min(trust.hops, hops.length); i++) {
      const next = normalizeAddress(hops[i])
      if (!next) break // a trusted proxy wrote something that is not an address: stop at the last one known
      client = next
    }
    return client
  }
  let client = socket
  for (const hop of hops) {
    if (!trusted(trust.list, client)) break
    const next = normalizeAddress(hop)
    if (!next) break
    client = next
  }
  return client
}

let cached: { env: string | undefined; trust: Trust; secret: string | undefined; proof: string } | undefined
function settings() {
  if (!cached || cached.env !== process.env.TRUST_PROXY || cached.secret !== process.env.PAYLOAD_SECRET) {
    cached = {
      env: process.env.TRUST_PROXY,
      trust: parseTrust(process.env.TRUST_PROXY),
      secret: process.env.PAYLOAD_SECRET,
      proof: edgeProof(),
    }
  }
  return cached
}

/** The client's address for a request that came through the front, or null when it cannot be known. */
export function clientAddress(headers: Headers | undefined | null): string | null {
  if (!headers) return null
  const s = settings()
  const proof = headers.get(EDGE_PROOF_HEADER)
  if (!proof || proof.length !== s.proof.length || !crypto.timingSafeEqual(Buffer.from(proof), Buffer.from(s.proof))) return null
  return resolveClient(headers.get(CLIENT_ADDRESS_HEADER), headers.get('x-forwarded-for'), s.trust)
}

/** The key an address is limited under: IPv4 as is, IPv6 by its /64 (one subscriber's block). */
export function addressKey(address: string): string {
  if (!net.isIPv6(address)) return address
  const full = expandIPv6(address)
  return `${full.split(':').slice(0, 4).join(':')}::/64`
}

function expandIPv6(a: string): string {
  const [head, tail = ''] = a.split('::')
  const h = head ? head.split(':') : []
  const t = tail ? tail.split(':') : []
  const missing = a.includes('::') ? 8 - h.length - t.length : 0
  return [...h, ...Array(missing).fill('0'), ...t].map((x) => x.padStart(4, '0')).join(':')
}
