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

/** Keys shown once: kept in this process's memory for a few minutes, revealed to their creator once. */
const pending = new Map<string, { key: string; owner: string; until: number }>()
export function stashForReveal(id: string, key: string, owner: string, ms = 10 * 60_000) {
  pending.set(id, { key, owner, until: Date.now() + ms })
}
export function takeReveal(id: string, owner: string): string | null {
  const p = pending.get(id)
  if (!p || p.until < Date.now() || p.owner !== owner) return null
  pending.delete(id)
  return p.key
}
