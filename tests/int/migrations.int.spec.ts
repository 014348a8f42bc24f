import fs from 'node:fs'
import path from 'node:path'

import type { PostgresAdapter } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inject } from 'vitest'

import { migrations } from '../../migrations'
import { apiClient } from '../helpers/rest'
import { closePayload } from '../helpers/payload'

let payload: Payload

beforeAll(async () => {
  // A database nothing has touched: Payload's start-up applies the committed migrations.
  process.env.DATABASE_URL = inject('freshDatabaseUrl')
  process.env.PAYLOAD_SECRET = inject('payloadSecret')
  process.env.PAYLOAD_JOBS_AUTORUN = 'false'
  const { getPayload } = await import('payload')
  const { default: config } = await import('../../payload.config')
  payload = await getPayload({ config })
})
afterAll(async () => closePayload(payload))

describe('migrations', () => {
  it('apply to an empty database, every one recorded', async () => {
    const applied = await payload.find({ collection: 'payload-migrations', pagination: false, overrideAccess: true })
    expect(applied.docs.map((d) => d.name).sort()).toEqual(migrations.map((m) => m.name).sort())
  })

  it('leave no pending schema change: the config matches the latest committed snapshot', async () => {
    const adapter = payload.db as unknown as PostgresAdapter
    const { generateDrizzleJson, generateMigration } = adapter.requireDrizzleKit()
    const current = await generateDrizzleJson(adapter.schema)
    const dir = path.resolve(import.meta.dirname, '../../migrations')
    const latest = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort().at(-1)!
    const snapshot = JSON.parse(fs.readFileSync(path.join(dir, latest), 'utf8'))
    const pending = await generateMigration(snapshot, current)
    expect(pending, 'run `npm run migrate:create -- <name>` and commit the result').toEqual([])
  })

  it('leave the live database matching the config (drizzle push finds nothing to change)', async () => {
    const adapter = payload.db as unknown as PostgresAdapter
    const { pushSchema } = adapter.requireDrizzleKit()
    // Payload's typing of drizzle-kit's pushSchema omits statementsToExecute, which it returns.
    const { statementsToExecute } = (await pushSchema(adapter.schema, adapter.drizzle as never, ['public'] as never)) as unknown as { statementsToExecute: string[] }
    const unexpected = statementsToExecute.filter(
      (s: string) =>
        // CHECKs and indexes added by the SQL migration are not in Payload's schema, so push would drop them.
        !/DROP INDEX "(\w+_fts_idx|users_full_name_trgm_idx|pages_one_homepage|events_status_start_date_idx|events_date_range_idx|events_featured_partial_idx|venues_city_country_idx)"/.test(s) &&
        !/DROP CONSTRAINT "(events_end_after_start|events_attendance_within_capacity|events_capacity_not_negative|event_schedules_end_after_start|venues_(latitude|longitude)_range|venues_capacity_not_negative|venue_sections_capacity_not_negative)"/.test(s) &&
        // drizzle-kit reads numeric defaults back as strings ('0' vs 0) and always re-sets them: a known false positive.
        !/ALTER COLUMN "[a-z_]+" SET DEFAULT \d+;$/.test(s),
    )
    expect(unexpected).toEqual([])
  })

  it('create the roles and permissions, and make the first user an admin', async () => {
    const roles = await payload.find({ collection: 'roles', pagination: false, overrideAccess: true })
    expect(roles.docs.map((r) => r.name).sort()).toEqual(['admin', 'attendee', 'designer', 'editor', 'marketing', 'organizer', 'sponsor', 'staff'])
    const api = apiClient(payload.config)
    const first = await api.post('/users', { email: 'first@test.local', password: 'Correct-Horse-9', fullName: 'First', roles: [] })
    expect(first.status).toBe(201)
    const second = await api.post('/users', { email: 'second@test.local', password: 'Correct-Horse-9', fullName: 'Second', userType: 'admin' })
    expect(second.status).toBe(201)
    const docs = await payload.find({ collection: 'users', depth: 1, overrideAccess: true, sort: 'createdAt' })
    const byEmail = Object.fromEntries(docs.docs.map((u) => [u.email, u]))
    const roleNames = (u: (typeof docs.docs)[number]) => (u.roles ?? []).map((r) => (typeof r === 'object' ? r.name : r))
    expect(roleNames(byEmail['first@test.local'])).toEqual(['admin'])
    expect(byEmail['first@test.local'].userType).toBe('admin')
    expect(roleNames(byEmail['second@test.local'])).toEqual(['attendee'])
    expect(byEmail['second@test.local'].userType).toBe('attendee')
  })
})
