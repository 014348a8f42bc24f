/**
 * Webhook signatures: `Fashionistas-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`
 * with the webhook's secret. Receivers verify with `verifySignature` (or the README's snippet):
 * recompute over the raw bytes, compare in constant time, refuse old timestamps (replays).
 */
import crypto from 'node:crypto'

export const SIGNATURE_HEADER = 'Fashionistas-Signature'

export function sign(secret: string, body: string, t = Math.floor(Date.now() / 1000)): string {
  const v1 = crypto.createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')
  return `t=${t},v1=${v1}`
}

export function verifySignature(
  secret: string,
  body: string,
  header: string | null | undefined,
  { toleranceSeconds = 300, now = Date.now() } = {},
): boolean {
  if (!header) return false
  const parts = Object.fromEntries(header.split(',').map((p) => p.split('=', 2) as [string, string]))
  const t = Number(parts.t)
  if (!Number.isInteger(t) || Math.abs(now / 1000 - t) > toleranceSeconds || !parts.v1) return false
  const expected = crypto.createHmac('sha256', secret).update(`${t}.${body}`).digest()
  const given = Buffer.from(parts.v1, 'hex')
  return given.length === expected.length && crypto.timingSafeEqual(given, expected)
}

export const newSecret = () => `whsec_${crypto.randomBytes(32).toString('base64url')}`
