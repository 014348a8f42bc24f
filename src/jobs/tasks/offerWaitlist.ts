import type { TaskConfig } from 'payload'

import { poolOf } from '../../db/pool'
import { offerWaitlist } from '../../domain/ticketing/waitlist'

/** Every minute: lapsed waitlist offers pass on, and freed tickets are offered to the people waiting, in order. */
export const offerWaitlistTask: TaskConfig<'offerWaitlist'> = {
  slug: 'offerWaitlist',
  schedule: [{ cron: '* * * * *', queue: 'default' }],
  outputSchema: [
    { name: 'offered', type: 'number' },
    { name: 'lapsed', type: 'number' },
    { name: 'ticketTypes', type: 'number' },
  ],
  handler: async ({ req }) => ({ output: await offerWaitlist(poolOf(req.payload)) }),
}
