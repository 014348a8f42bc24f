import type { TaskConfig } from 'payload'

import { poolOf } from '../../db/pool'
import { queueEventReminders } from '../../domain/ticketing/notices'

/** Hourly: every ticket holder of an event starting in about 24 hours gets one reminder (the outbox sends it). */
export const sendEventRemindersTask: TaskConfig<'sendEventReminders'> = {
  slug: 'sendEventReminders',
  schedule: [{ cron: '0 * * * *', queue: 'default' }],
  outputSchema: [{ name: 'queued', type: 'number' }],
  handler: async ({ req }) => ({ output: { queued: await queueEventReminders(poolOf(req.payload)) } }),
}
