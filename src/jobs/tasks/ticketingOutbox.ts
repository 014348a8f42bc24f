import type { TaskConfig } from 'payload'

import { cancelEventOrders } from '../../domain/ticketing/cancellation'
import { sendNotifications } from '../../domain/ticketing/notifications'
import { sendPendingRefunds } from '../../domain/ticketing/refunds'
import { poolOf } from '../../db/pool'

/** Ticketing e-mail (confirmations, refunds, disputes, cancellations) from the outbox, with retries. Every minute, and queued at once after a payment. */
export const sendNotificationsTask: TaskConfig<'sendNotifications'> = {
  slug: 'sendNotifications',
  schedule: [{ cron: '* * * * *', queue: 'default' }],
  outputSchema: [
    { name: 'sent', type: 'number' },
    { name: 'retried', type: 'number' },
    { name: 'failed', type: 'number' },
  ],
  handler: async ({ req }) => ({ output: await sendNotifications(req.payload, poolOf(req.payload)) }),
}

/** Refunds recorded but not yet accepted by Stripe (an outage, a crash between commit and call). Every minute. */
export const sendRefundsTask: TaskConfig<'sendRefunds'> = {
  slug: 'sendRefunds',
  schedule: [{ cron: '* * * * *', queue: 'default' }],
  outputSchema: [
    { name: 'succeeded', type: 'number' },
    { name: 'pending', type: 'number' },
    { name: 'failed', type: 'number' },
  ],
  handler: async ({ req }) => ({ output: await sendPendingRefunds(poolOf(req.payload)) }),
}

/** Queued when an event is cancelled: refunds or cancels every order once, resumable; progress on the event. */
export const cancelEventOrdersTask: TaskConfig<'cancelEventOrders'> = {
  slug: 'cancelEventOrders',
  retries: 10,
  inputSchema: [{ name: 'event', type: 'text', required: true }],
  outputSchema: [
    { name: 'orders', type: 'number' },
    { name: 'done', type: 'number' },
    { name: 'refunds', type: 'number' },
    { name: 'status', type: 'text' },
  ],
  handler: async ({ input, req }) => {
    const progress = await cancelEventOrders(poolOf(req.payload), input.event)
    // Refunds Stripe could not take yet stay pending and are retried by sendRefunds; the job is done when every order is.
    if (progress.status !== 'done') throw new Error(`event ${input.event}: ${progress.done} of ${progress.orders} orders done; retrying`)
    return { output: progress }
  },
}
