import type { Endpoint } from 'payload'

import { poolOf } from '../../../db/pool'
import { guestExport, requestGuestData } from '../../../domain/privacy/guestData'
import { handle, json, parse, parseJson } from '../../http'
import { guestExportQuery, guestRequestSchema } from './schema'

/**
 * POST /api/privacy/guest-request { email }: a guest asks for their data; a link goes to that
 * address when anything is held for it. Always 202 (nobody learns whether an address bought).
 */
export const guestDataRequestEndpoint: Endpoint = {
  path: '/privacy/guest-request',
  method: 'post',
  handler: handle(async (req) => {
    const { email } = await parseJson(req, guestRequestSchema)
    await requestGuestData(poolOf(req.payload), email)
    return json({ accepted: true, message: 'If we hold data for this address, a link to it is on its way there.' }, 202)
  }),
}

/** GET /api/privacy/guest-export?token=: the e-mailed link: everything held about that address, as one JSON document. */
export const guestDataExportEndpoint: Endpoint = {
  path: '/privacy/guest-export',
  method: 'get',
  handler: handle(async (req) => {
    const token = parse(guestExportQuery, req.searchParams.get('token') ?? '')
    const doc = await guestExport(poolOf(req.payload), token)
    return json(doc, 200, { 'cache-control': 'private, no-store', 'content-disposition': 'attachment; filename="my-data.json"' })
  }),
}
