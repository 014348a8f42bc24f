/**
 * A person's second factor (TOTP): set up (a new secret, stored encrypted), enable with a first
 * code, disable with a code. Typed errors for the endpoints; the login hook reads the secret.
 */
import type { Pool } from 'pg'

import { decryptValue, encryptValue } from '../../plugins/field-encryption'
import { ConflictError, UnprocessableError } from '../ticketing/errors'
import { newTotpSecret, otpauthUrl, verifyTotp } from './totp'

export async function storedSecret(db: Pool, userId: string): Promise<{ secret: string | null; enabled: boolean }> {
  const {
    rows: [u],
  } = await db.query(`SELECT totp_secret, two_factor_enabled FROM users WHERE id = $1`, [userId])
  return { secret: u?.totp_secret ? String(decryptValue(u.totp_secret)) : null, enabled: Boolean(u?.two_factor_enabled) }
}

export async function setUpTwoFactor(db: Pool, userId: string, label: string): Promise<{ secret: string; otpauthUrl: string }> {
  if ((await storedSecret(db, userId)).enabled)
    throw new ConflictError('already_enabled', 'Two-factor authentication is already on; disable it first.')
  const secret = newTotpSecret()
  // Only while it is off: a concurrent enable cannot be overwritten by a new secret.
  const { rowCount } = await db.query(`UPDATE users SET totp_secret = $2 WHERE id = $1 AND NOT COALESCE(two_factor_enabled, false)`, [
    userId,
    encryptValue(secret),
  ])
  if (!rowCount) throw new ConflictError('already_enabled', 'Two-factor authentication is already on; disable it first.')
  return { secret, otpauthUrl: otpauthUrl(secret, label) }
}

export async function enableTwoFactor(db: Pool, userId: string, code: string): Promise<void> {
  const { secret } = await storedSecret(db, userId)
  if (!secret) throw new ConflictError('not_set_up', 'Call /api/two-factor/setup first.')
  if (!verifyTotp(secret, code)) throw new UnprocessableError('wrong_code', 'That code is not right (check the time on your device).')
  await db.query(`UPDATE users SET two_factor_enabled = true WHERE id = $1`, [userId])
}

export async function disableTwoFactor(db: Pool, userId: string, code: string): Promise<void> {
  const { secret, enabled } = await storedSecret(db, userId)
  if (!enabled || !secret) throw new ConflictError('not_enabled', 'Two-factor authentication is off.')
  if (!verifyTotp(secret, code)) throw new UnprocessableError('wrong_code', 'That code is not right.')
  await db.query(`UPDATE users SET two_factor_enabled = false, totp_secret = NULL WHERE id = $1`, [userId])
}
