import type { Endpoint } from 'payload'

import { slugs } from '../../../config/slugs'
import { poolOf } from '../../../db/pool'
import { scheduleCampaignNow } from '../../../domain/marketing/campaigns'
import { handle, json, now, parse, requirePermission, uuidParam } from '../../http'

/** POST /api/email-campaigns/:id/send: schedules the campaign for now (the send job picks it up within a minute). */
export const sendNowEndpoint: Endpoint = {
  path: '/:id/send',
  method: 'post',
  handler: handle(async (req) => {
    const emailId = parse(uuidParam('email campaign'), req.routeParams?.id)
    await requirePermission(req, slugs.emailCampaigns, 'send', 'send email campaigns')
    return json({ scheduled: true, ...(await scheduleCampaignNow(poolOf(req.payload), req, emailId, now())) }, 202)
  }),
}
