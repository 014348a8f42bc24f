import { describe, expect, it } from 'vitest'

import { base32Decode, base32Encode, totpAt, verifyTotp } from '../../src/domain/auth/totp'

// RFC 6238 appendix B test vectors (SHA-1, secret "12345678901234567890"), last 6 digits.
const SECRET = base32Encode(Buffer.from('12345678901234567890'))

describe('totp', () => {
  it('matches the RFC 6238 vectors', () => {
    expect(totpAt(SECRET, 59_000)).toBe('287082')
    expect(totpAt(SECRET, 1_111_111_109_000)).toBe('081804')
    expect(totpAt(SECRET, 1_234_567_890_000)).toBe('005924')
    expect(totpAt(SECRET, 20_000_000_000_000)).toBe('353130')
  })
  it('round-trips base32 and accepts one step of drift only', () => {
    expect(base32Decode(SECRET).toString()).toBe('12345678901234567890')
    const now = 1_700_000_000_000
    expect(verifyTotp(SECRET, totpAt(SECRET, now - 30_000), now)).toBe(true)
    expect(verifyTotp(SECRET, totpAt(SECRET, now - 90_000), now)).toBe(false)
    expect(verifyTotp(SECRET, 'abcdef', now)).toBe(false)
  })
})
