import type { Endpoint } from 'payload'
import { z } from 'zod'

import { poolOf } from '../../../db/pool'
import { verifyEmail } from '../../../domain/auth/emailVerification'
import { handle, json, parseJson } from '../../http'

export const verifyEmailSchema = z.object({ token: z.string().min(20, 'token is required').max(200) }).strict()

/** POST /api/account/verify-email { token }: confirms a sign-up's address; the pending account becomes active. */
export const verifyEmailEndpoint: Endpoint = {
  path: '/account/verify-email',
  method: 'post',
  handler: handle(async (req) => {
    const { token } = await parseJson(req, verifyEmailSchema)
    const u = await verifyEmail(poolOf(req.payload), token)
    return json({ verified: true, status: u.status })
  }),
}
