/**
 * privacy: data-subject requests, export and erasure of a person, and a scheduled retention
 * job (inactive users, old orders, usage logs, audit entries, engagement records).
 */
import type { Config, Plugin } from 'payload'

import { dsrCollection } from './collection'
import { eraseEndpoint, exportEndpoint } from './endpoints'
import { DEFAULT_RETENTION, runRetention } from './retention'
import type { PrivacyOptions } from './types'

export type { PrivacyOptions } from './types'
export { eraseSchema } from './endpoints'

export const privacyPlugin =
  (options: PrivacyOptions = {}): Plugin =>
  (config: Config): Config => {
    const slug = options.slug ?? 'data-subject-requests'
    const periods = { ...DEFAULT_RETENTION, ...(options.retention ?? {}) }
    const jobs = config.jobs ?? {}
    return {
      ...config,
      collections: [...(config.collections ?? []), dsrCollection(slug, 'users')],
      endpoints: [...(config.endpoints ?? []), exportEndpoint, eraseEndpoint],
      jobs: {
        ...jobs,
        tasks: [
          ...(jobs.tasks ?? []),
          {
            slug: 'retention',
            schedule: [{ cron: options.retentionCron ?? '17 3 * * *', queue: 'default' }],
            outputSchema: [{ name: 'summary', type: 'json' }],
            handler: async ({ req }) => {
              const pool = (req.payload.db as unknown as { pool: import('pg').Pool }).pool
              return { output: { summary: await runRetention(pool, periods) } }
            },
          },
        ],
      },
    }
  }
