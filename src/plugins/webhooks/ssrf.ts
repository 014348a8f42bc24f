/**
 * Server-side request forgery guard for webhook targets. A target's host is resolved and every
 * address checked: loopback, private (RFC 1918, ULA), link-local (incl. cloud metadata at
 * 169.254.169.254), carrier-grade NAT, unspecified, multicast and reserved ranges are refused
 * unless WEBHOOK_ALLOWED_HOSTS names the host or a matching CIDR (tests, local development).
 * Delivery connects through `guardedLookup`, so the address checked is the address used (no
 * DNS rebinding between check and connect).
 */
import dns from 'node:dns'
import net from 'node:net'

const V4_BLOCKED: Array<[string, number]> = [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
]
const V6_BLOCKED: Array<[string, number]> = [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['2001:db8::', 32],
  ['64:ff9b::', 96],
  ['100::', 64],
]

const blockList = new net.BlockList()
for (const [a, p] of V4_BLOCKED) blockList.addSubnet(a, p, 'ipv4')
for (const [a, p] of V6_BLOCKED) blockList.addSubnet(a, p, 'ipv6')

type Allow = { hosts: Set<string>; list: net.BlockList }
export function allowList(raw = process.env.WEBHOOK_ALLOWED_HOSTS ?? ''): Allow {
  const hosts = new Set<string>()
  const list = new net.BlockList()
  for (const entry of raw
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean)) {
    const [addr, bits] = entry.split('/')
    if (net.isIP(addr)) list.addSubnet(addr, Number(bits ?? (net.isIPv6(addr) ? 128 : 32)), net.isIPv6(addr) ? 'ipv6' : 'ipv4')
    else hosts.add(entry)
  }
  return { hosts, list }
}

/** Why an address may not be called (null when it may). IPv4-mapped IPv6 is judged as IPv4. */
export function forbiddenAddress(address: string, allow = allowList()): string | null {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1]
  const ip = mapped ?? address
  const family = net.isIPv6(ip) ? 'ipv6' : 'ipv4'
  if (allow.list.check(ip, family)) return null
  return blockList.check(ip, family) ? `${ip} is a loopback, private, link-local or reserved address` : null
}

export class UnsafeTarget extends Error {}

/** Checks a URL before it is saved or called: scheme, and every address its host resolves to. */
export async function checkTarget(raw: string, allow = allowList()): Promise<void> {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new UnsafeTarget('not a valid URL')
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new UnsafeTarget('only http(s) URLs can receive webhooks')
  if (url.username || url.password) throw new UnsafeTarget('credentials in the URL are not allowed; use headers')
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase()
  if (allow.hosts.has(host)) return
  const addresses = net.isIP(host)
    ? [{ address: host }]
    : await dns.promises.lookup(host, { all: true, verbatim: true }).catch(() => {
        throw new UnsafeTarget(`${host} does not resolve`)
      })
  for (const a of addresses) {
    const why = forbiddenAddress(a.address, allow)
    if (why) throw new UnsafeTarget(`${host} resolves to ${why}`)
  }
}

/** A dns.lookup for http(s).request that refuses forbidden addresses at connect time. */
export function guardedLookup(allow = allowList()): net.LookupFunction {
  return (hostname, options, callback) => {
    const allowedHost = allow.hosts.has(hostname.toLowerCase())
    dns.lookup(hostname, { ...(options as dns.LookupOptions), all: true }, (err, addresses) => {
      if (err) return callback(err, '', 0)
      const list = addresses as dns.LookupAddress[]
      const bad = allowedHost ? null : list.map((a) => forbiddenAddress(a.address, allow)).find(Boolean)
      if (bad) return callback(Object.assign(new Error(`refused: ${bad}`), { code: 'EUNSAFE' }), '', 0)
      if ((options as dns.LookupOptions).all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list)
      callback(null, list[0].address, list[0].family)
    })
  }
}
