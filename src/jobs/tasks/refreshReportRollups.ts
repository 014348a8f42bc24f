import type { TaskConfig } from 'payload'

import { poolOf } from '../../db/pool'
import { refreshEngagementRollup } from '../../domain/reports/rollups'

/** Every minute: the reports' rollups catch up with what was recorded since the last run (src/domain/reports/rollups.ts). */
export const refreshReportRollupsTask: TaskConfig<'refreshReportRollups'> = {
  slug: 'refreshReportRollups',
  schedule: [{ cron: '* * * * *', queue: 'default' }],
  outputSchema: [{ name: 'engagementDays', type: 'number' }],
  handler: async ({ req }) => {
    const { days } = await refreshEngagementRollup(poolOf(req.payload))
    return { output: { engagementDays: days } }
  },
}
