/**
 * AES-256-GCM for field values. Keys come from FIELD_ENCRYPTION_KEYS ("1:<base64 32 bytes>,2:<...>");
 * the active one is FIELD_ENCRYPTION_ACTIVE_VERSION or the highest version. Every ciphertext names
 * its key version: `enc:v<version>:<iv>:<tag>:<ciphertext>` (base64url), so old values stay
 * readable while rotation re-encrypts them.
 */
import crypto from 'node:crypto'

export type Keyring = { active: number; keys: Map<number, Buffer> }

let cached: { raw: string; ring: Keyring } | undefined

export function keyring(): Keyring {
  const raw = `${process.env.FIELD_ENCRYPTION_KEYS ?? ''}|${process.env.FIELD_ENCRYPTION_ACTIVE_VERSION ?? ''}`
  if (cached?.raw === raw) return cached.ring
  const keys = new Map<number, Buffer>()
  for (const part of (process.env.FIELD_ENCRYPTION_KEYS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [v, b64] = part.split(':')
    const key = Buffer.from(b64 ?? '', 'base64')
    if (!/^\d+$/.test(v ?? '') || key.length !== 32)
      throw new Error('FIELD_ENCRYPTION_KEYS must be "version:base64-of-32-bytes" pairs, comma-separated.')
    keys.set(Number(v), key)
  }
  if (keys.size === 0) throw new Error('FIELD_ENCRYPTION_KEYS is not set: sensitive fields cannot be stored.')
  const active = process.env.FIELD_ENCRYPTION_ACTIVE_VERSION
    ? Number(process.env.FIELD_ENCRYPTION_ACTIVE_VERSION)
    : Math.max(...keys.keys())
  if (!keys.has(active)) throw new Error(`FIELD_ENCRYPTION_ACTIVE_VERSION ${active} has no key in FIELD_ENCRYPTION_KEYS.`)
  cached = { raw, ring: { active, keys } }
  return cached.ring
}

export const isCiphertext = (v: unknown): v is string => typeof v === 'string' && /^enc:v\d+:/.test(v)
export const versionOf = (v: string): number => Number(/^enc:v(\d+):/.exec(v)?.[1])

export function encryptValue(plain: unknown, ring = keyring()): string | null {
  if (plain == null || plain === '') return null
  if (isCiphertext(plain)) return plain
  const text = typeof plain === 'string' ? `s:${plain}` : `j:${JSON.stringify(plain)}`
  const iv = crypto.randomBytes(12)
  const cipher = crypto.createCipheriv('aes-256-gcm', ring.keys.get(ring.active)!, iv)
  const ct = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()])
  const b = (x: Buffer) => x.toString('base64url')
  return `enc:v${ring.active}:${b(iv)}:${b(cipher.getAuthTag())}:${b(ct)}`
}

export function decryptValue(stored: unknown, ring = keyring()): unknown {
  if (!isCiphertext(stored)) return stored
  const [, v, iv, tag, ct] = stored.split(':')
  const key = ring.keys.get(Number(v.slice(1)))
  if (!key) throw new Error(`No key for version ${v} (FIELD_ENCRYPTION_KEYS).`)
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'))
  decipher.setAuthTag(Buffer.from(tag, 'base64url'))
  const text = Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8')
  return text.startsWith('j:') ? JSON.parse(text.slice(2)) : text.slice(2)
}

/** Re-encrypts with the active key if the value was made with another (rotation). */
export function reencrypt(stored: string, ring = keyring()): string {
  return versionOf(stored) === ring.active ? stored : (encryptValue(decryptValue(stored, ring), ring) as string)
}

export const newKeyMaterial = () => crypto.randomBytes(32).toString('base64')
