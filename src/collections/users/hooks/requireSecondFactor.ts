import { APIError, type CollectionBeforeLoginHook } from 'payload'

import { verifyTotp } from '../../../domain/auth/totp'
import { storedSecret } from '../../../domain/auth/twoFactor'
import { poolOf } from '../../../db/pool'

export const TOTP_COOKIE = 'fsh-totp'

const cookie = (header: string | null, name: string) =>
  header
    ?.split(';')
    .map((c) => c.trim().split('='))
    .find(([k]) => k === name)?.[1]

/**
 * With two-factor on, a login needs the current code: `totp` in the login body (API clients),
 * or the short-lived `fsh-totp` cookie the admin login screen's code box sets.
 */
export const requireSecondFactor: CollectionBeforeLoginHook = async ({ user, req }) => {
  if (!user.twoFactorEnabled) return user
  const code = (req.data as { totp?: string } | undefined)?.totp ?? cookie(req.headers.get('cookie'), TOTP_COOKIE)
  const { secret } = await storedSecret(poolOf(req.payload), String(user.id))
  if (!secret || !code || !verifyTotp(secret, decodeURIComponent(code))) {
    throw new APIError('A valid two-factor code is required for this account.', 401, null, true)
  }
  return user
}
