import type { TaskConfig } from 'payload'

import { expireCheckouts } from '../../domain/ticketing/orders'
import { now, poolOf } from '../../endpoints/http'

/** Every minute: fail pending orders past their payment window, delete expired and released holds. */
export const expireCheckoutsTask: TaskConfig<'expireCheckouts'> = {
  slug: 'expireCheckouts',
  schedule: [{ cron: '* * * * *', queue: 'default' }],
  outputSchema: [
    { name: 'ordersExpired', type: 'number' },
    { name: 'holdsDeleted', type: 'number' },
  ],
  handler: async ({ req }) => {
    const output = await expireCheckouts(poolOf(req.payload), now())
    return { output }
  },
}
