import type { TaskConfig } from 'payload'

import { sendDueCampaigns } from '../../domain/marketing/send'

/** Every minute: start due email campaigns and send to their pending recipients (idempotent per recipient). */
export const sendEmailCampaignsTask: TaskConfig<'sendEmailCampaigns'> = {
  slug: 'sendEmailCampaigns',
  schedule: [{ cron: '* * * * *', queue: 'default' }],
  outputSchema: [
    { name: 'started', type: 'number' },
    { name: 'sent', type: 'number' },
    { name: 'bounced', type: 'number' },
    { name: 'failed', type: 'number' },
    { name: 'skipped', type: 'number' },
    { name: 'finished', type: 'number' },
  ],
  handler: async ({ req }) => ({ output: await sendDueCampaigns(req.payload) }),
}
