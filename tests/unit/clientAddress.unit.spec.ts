import { describe, expect, it } from 'vitest'

import { addressKey, normalizeAddress, parseTrust, resolveClient, TrustProxyError } from '../../src/config/clientAddress'

describe('resolveClient', () => {
  it('uses the socket and ignores X-Forwarded-For when no proxy is trusted', () => {
    expect(resolveClient('203.0.113.7', '1.2.3.4', parseTrust(undefined))).toBe('203.0.113.7')
    expect(resolveClient('::ffff:203.0.113.7', null, parseTrust(''))).toBe('203.0.113.7')
  })

  it('takes the address the trusted hop saw, not one the client wrote, with a hop count', () => {
    // The client sent "6.6.6.6"; the one proxy appended the real peer 198.51.100.20.
    expect(resolveClient('10.0.0.2', '6.6.6.6, 198.51.100.20', parseTrust('1'))).toBe('198.51.100.20')
    // Two hops (CDN then load balancer).
    expect(resolveClient('10.0.0.2', '6.6.6.6, 198.51.100.20, 192.0.2.50', parseTrust('2'))).toBe('198.51.100.20')
    // Fewer hops than trusted: the leftmost known address.
    expect(resolveClient('10.0.0.2', '198.51.100.20', parseTrust('3'))).toBe('198.51.100.20')
  })

  it('walks back through trusted CIDRs only', () => {
    const cdn = parseTrust('loopback, 192.0.2.0/24')
    expect(resolveClient('127.0.0.1', '6.6.6.6, 198.51.100.20, 192.0.2.50', cdn)).toBe('198.51.100.20')
    // A peer outside the list is the client, whatever it claims.
    expect(resolveClient('203.0.113.9', '1.1.1.1', cdn)).toBe('203.0.113.9')
    // Garbage written by a client beyond the trusted hops does not matter; garbage at a trusted hop stops the walk.
    expect(resolveClient('127.0.0.1', 'not-an-ip', cdn)).toBe('127.0.0.1')
  })

  it('refuses a TRUST_PROXY it cannot read, naming the entry', () => {
    expect(() => parseTrust('loopback, example.com')).toThrow(TrustProxyError)
    expect(() => parseTrust('10.0.0.0/33')).toThrow(/bad prefix/)
  })

  it('normalises addresses and keys IPv6 by its /64', () => {
    expect(normalizeAddress('[2001:db8::1]')).toBe('2001:db8::1')
    expect(normalizeAddress('nope')).toBeNull()
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:0db8:0001:0002::/64')
    expect(addressKey('2001:db8:1:2:bbbb::9')).toBe(addressKey('2001:db8:1:2:aaaa::1'))
    expect(addressKey('198.51.100.1')).toBe('198.51.100.1')
  })
})
