import type { Endpoint, PayloadRequest } from 'payload'

import { refuseApiKey } from '../../access/accountActions'
import { poolOf } from '../../db/pool'
import { disableTwoFactor as disable, enableTwoFactor as enable, setUpTwoFactor } from '../../domain/auth/twoFactor'
import { errorBody, handle, json, parseJson } from '../http'
import { codeSchema } from './schema'

/** Only a person signed in with their password manages their second factor: an API key is refused (403 scope_required). */
const me = (req: PayloadRequest) => {
  refuseApiKey(req, 'Managing two-factor authentication')
  return req.user ? String(req.user.id) : null
}
const signIn = () => errorBody(401, 'unauthorized', 'Sign in with your password to manage two-factor authentication.')

/** POST /api/two-factor/setup: a new secret (shown once, stored encrypted); enable it with a first code. */
export const setupTwoFactor: Endpoint = {
  path: '/two-factor/setup',
  method: 'post',
  handler: handle(async (req) => {
    const userId = me(req)
    if (!userId) return signIn()
    return json(await setUpTwoFactor(poolOf(req.payload), userId, String((req.user as { email?: string }).email ?? userId)))
  }),
}

/** POST /api/two-factor/enable { code } */
export const enableTwoFactor: Endpoint = {
  path: '/two-factor/enable',
  method: 'post',
  handler: handle(async (req) => {
    const userId = me(req)
    if (!userId) return signIn()
    await enable(poolOf(req.payload), userId, (await parseJson(req, codeSchema)).code)
    return json({ enabled: true })
  }),
}

/** POST /api/two-factor/disable { code } */
export const disableTwoFactor: Endpoint = {
  path: '/two-factor/disable',
  method: 'post',
  handler: handle(async (req) => {
    const userId = me(req)
    if (!userId) return signIn()
    await disable(poolOf(req.payload), userId, (await parseJson(req, codeSchema)).code)
    return json({ enabled: false })
  }),
}
