import type { Endpoint } from 'payload'

import { poolOf } from '../../../db/pool'
import { confirmEmailChange } from '../../../domain/auth/emailChange'
import { handle, json, parseJson } from '../../http'
import { confirmEmailChangeSchema } from './schema'

/** POST /api/account/confirm-email-change { token }: the new address confirms itself; the account's e-mail changes, verified. */
export const confirmEmailChangeEndpoint: Endpoint = {
  path: '/account/confirm-email-change',
  method: 'post',
  handler: handle(async (req) => {
    const { token } = await parseJson(req, confirmEmailChangeSchema)
    const u = await confirmEmailChange(poolOf(req.payload), token)
    return json({ changed: true, email: u.email })
  }),
}
