import crypto from 'node:crypto'

/** `fsh_<prefix>_<secret>`: an 8-character lookup prefix and 32 random bytes of secret. */
export function generateKey(): { key: string; prefix: string; secretHash: string } {
  const prefix = crypto.randomBytes(6).toString('base64url').replace(/[-_]/g, 'x').slice(0, 8).toLowerCase()
  const secret = crypto.randomBytes(32).toString('base64url')
  return { key: `fsh_${prefix}_${secret}`, prefix, secretHash: hashSecret(secret) }
}

/** SHA-256 of the secret: the secret is 256 random bits, so a slow hash would add nothing but latency. */
export const hashSecret = (secret: string) => crypto.createHash('sha256').update(secret).digest('hex')

export function parseKey(raw: string | null | undefined): { prefix: string; secret: string } | null {
  const m = /^Bearer\s+fsh_([a-z0-9]{8})_([A-Za-z0-9_-]{40,})$/.exec(raw?.trim() ?? '')
  return m ? { prefix: m[1], secret: m[2] } : null
}

export function sameSecret(secret: string, hash: string): boolean {
  const a = Buffer.from(hashSecret(secret), 'hex')
  const b = Buffer.from(hash, 'hex')
  return a.length === b.length && crypto.timingSafeEqual(a, b)
}
