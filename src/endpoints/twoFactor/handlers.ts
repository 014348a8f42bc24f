import type { Endpoint, PayloadRequest } from 'payload'
import { z } from 'zod'

import { newTotpSecret, otpauthUrl, verifyTotp } from '../../domain/auth/totp'
import { decryptValue, encryptValue } from '../../plugins/field-encryption'
import { poolOf } from '../../db/pool'
import { errorBody, handle, json, parseJson } from '../http'

export const codeSchema = z.object({ code: z.string().regex(/^\d{6}$/, 'code must be the 6 digits of your authenticator app') }).strict()

/** Only a person signed in with their password (not an API key) manages their second factor. */
const me = (req: PayloadRequest) =>
  req.user && (req.user as { _strategy?: string })._strategy !== 'api-key' ? String(req.user.id) : null

export async function storedSecret(req: PayloadRequest, userId: string): Promise<{ secret: string | null; enabled: boolean }> {
  const { rows: [u] } = await poolOf(req.payload).query(`SELECT totp_secret, two_factor_enabled FROM users WHERE id = $1`, [userId])
  return { secret: u?.totp_secret ? String(decryptValue(u.totp_secret)) : null, enabled: Boolean(u?.two_factor_enabled) }
}

/** POST /api/two-factor/setup: a new secret (shown once, stored encrypted); enable it with a first code. */
export const setupTwoFactor: Endpoint = {
  path: '/two-factor/setup',
  method: 'post',
  handler: handle(async (req) => {
    const userId = me(req)
    if (!userId) return errorBody(401, 'unauthorized', 'Sign in with your password to set up two-factor authentication.')
    const current = await storedSecret(req, userId)
    if (current.enabled) return errorBody(409, 'already_enabled', 'Two-factor authentication is already on; disable it first.')
    const secret = newTotpSecret()
    await poolOf(req.payload).query(`UPDATE users SET totp_secret = $2 WHERE id = $1`, [userId, encryptValue(secret)])
    return json({ secret, otpauthUrl: otpauthUrl(secret, String((req.user as { email?: string }).email ?? userId)) })
  }),
}

/** POST /api/two-factor/enable { code } */
export const enableTwoFactor: Endpoint = {
  path: '/two-factor/enable',
  method: 'post',
  handler: handle(async (req) => {
    const userId = me(req)
    if (!userId) return errorBody(401, 'unauthorized', 'Sign in first.')
    const { code } = await parseJson(req, codeSchema)
    const { secret } = await storedSecret(req, userId)
    if (!secret) return errorBody(409, 'not_set_up', 'Call /api/two-factor/setup first.')
    if (!verifyTotp(secret, code)) return errorBody(422, 'wrong_code', 'That code is not right (check the time on your device).')
    await poolOf(req.payload).query(`UPDATE users SET two_factor_enabled = true WHERE id = $1`, [userId])
    return json({ enabled: true })
  }),
}

/** POST /api/two-factor/disable { code } */
export const disableTwoFactor: Endpoint = {
  path: '/two-factor/disable',
  method: 'post',
  handler: handle(async (req) => {
    const userId = me(req)
    if (!userId) return errorBody(401, 'unauthorized', 'Sign in first.')
    const { code } = await parseJson(req, codeSchema)
    const { secret, enabled } = await storedSecret(req, userId)
    if (!enabled || !secret) return errorBody(409, 'not_enabled', 'Two-factor authentication is off.')
    if (!verifyTotp(secret, code)) return errorBody(422, 'wrong_code', 'That code is not right.')
    await poolOf(req.payload).query(`UPDATE users SET two_factor_enabled = false, totp_secret = NULL WHERE id = $1`, [userId])
    return json({ enabled: false })
  }),
}
