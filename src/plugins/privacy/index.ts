/**
 * privacy: data-subject requests, export and erasure of a person over the personal-data
 * sources the app registers (each collection that holds a person's data adds its own export
 * and erase), and a scheduled retention job (inactive people erased, the app's retention
 * rules applied).
 */
import type { Config, PayloadRequest, Plugin } from 'payload'

import { dsrCollection } from './collection'
import { defaultIdentify, erasePerson, exportPerson } from './data'
import { eraseEndpoint, exportEndpoint } from './endpoints'
import { runRetention } from './retention'
import { poolOf } from './sql'
import type { PersonalDataSource, PrivacyOptions } from './types'

export type { Person, PersonalDataSource, PrivacyOptions, RetentionTask } from './types'
export { eraseSchema } from './endpoints'
export { erasePerson, exportPerson, runRetention }

/** The options with their defaults filled in (what the endpoints, the job and tests use). */
export function resolvePrivacy(options: PrivacyOptions) {
  const userCollection = options.userCollection ?? 'users'
  const table = (options.slug ?? 'data-subject-requests').replace(/-/g, '_')
  // The plugin's own collection is a source too: the person's requests are theirs.
  const requests: PersonalDataSource = {
    name: 'dataSubjectRequests',
    export: async (userId, db) => ({
      dataSubjectRequests: (
        await db.query(
          `SELECT type, status, details, submitted_at, completed_at, due_at FROM "${table}" WHERE user_id = $1 ORDER BY submitted_at`,
          [userId],
        )
      ).rows,
    }),
  }
  const isManager = options.isManager ?? (async () => false)
  return {
    ...options,
    sources: [...options.sources, requests],
    handlesRequests: options.handlesRequests ?? ((req: PayloadRequest) => isManager(req)),
    userCollection,
    identify: options.identify ?? defaultIdentify(userCollection.replace(/-/g, '_')),
    isManager,
    retention: options.retention ?? [],
  }
}

export const privacyPlugin =
  (options: PrivacyOptions): Plugin =>
  (config: Config): Config => {
    const resolved = resolvePrivacy(options)
    const slug = options.slug ?? 'data-subject-requests'
    const jobs = config.jobs ?? {}
    return {
      ...config,
      collections: [...(config.collections ?? []), dsrCollection(slug, resolved.userCollection, resolved.handlesRequests)],
      endpoints: [...(config.endpoints ?? []), exportEndpoint(resolved), eraseEndpoint(resolved)],
      jobs: {
        ...jobs,
        tasks: [
          ...(jobs.tasks ?? []),
          {
            slug: 'retention',
            schedule: [{ cron: options.retentionCron ?? '17 3 * * *', queue: 'default' }],
            outputSchema: [{ name: 'summary', type: 'json' }],
            handler: async ({ req }) => ({ output: { summary: await runRetention(poolOf(req.payload), resolved) } }),
          },
        ],
      },
    }
  }
