import { getPayload, type Payload } from 'payload'
import { inject } from 'vitest'

import { slugs } from '../../src/config/slugs'
import { closePayload as closeIt } from '../../src/db/sql'

/** A Payload on the tests' database (migrated by onInit), jobs off. */
export async function getTestPayload(databaseUrl = inject('databaseUrl')): Promise<Payload> {
  process.env.DATABASE_URL = databaseUrl
  process.env.PAYLOAD_SECRET = inject('payloadSecret')
  process.env.PAYLOAD_JOBS_AUTORUN = 'false'
  // The tests' requests arrive as through the platform's front from a proxy on loopback, which
  // is trusted for one X-Forwarded-For hop (tests/helpers/rest.ts sets the front's headers).
  process.env.TRUST_PROXY ??= 'loopback'
  // Most tests hold many tickets of one event from one address; the hoarding cap's own tests
  // set the event's holdLimit (tests/int/edge.int.spec.ts).
  process.env.HOLD_LIMIT_PER_EVENT ??= '1000'
  process.env.FIELD_ENCRYPTION_KEYS ||= `1:${Buffer.alloc(32, 7).toString('base64')}`
  const { default: config } = await import('../../payload.config')
  const payload = await getPayload({ config })
  // The first user of a database becomes an admin; give every test database that first user,
  // so the users tests make get exactly the roles they ask for.
  const { totalDocs } = await payload.count({ collection: slugs.users, overrideAccess: true })
  if (totalDocs === 0) {
    await payload.create({
      collection: slugs.users,
      data: { email: 'root@test.local', password: 'Correct-Horse-9', fullName: 'Root' } as never,
      overrideAccess: true,
    })
  }
  return payload
}

/** Ends a file's Payload; with INVARIANTS_PER_FILE set, first prints what drifted in the database (to find the file that did it). */
export async function closePayload(payload: Payload): Promise<void> {
  if (process.env.INVARIANTS_PER_FILE) {
    const { drift } = await import('./invariants')
    const { poolOf } = await import('../../src/db/pool')
    const file = /tests\/int\/[\w.-]+/.exec(new Error().stack ?? '')?.[0]
    const { checkInvariants } = await import('../../src/domain/ops/invariants')
    console.log(
      `INVARIANTS ${file} ${JSON.stringify(await drift(poolOf(payload)))} ${JSON.stringify((await checkInvariants(poolOf(payload), 3)).filter((d) => d.rows.length))}`,
    )
  }
  await closeIt(payload)
}

let counter = 0
export const unique = (label: string) => `${label}-${process.pid}-${Date.now().toString(36)}-${++counter}`

export type TestUser = Record<string, unknown> & { id: string; email: string; collection: 'users' }

/** Creates a user holding `role` and returns it as a session would carry it (roles -> permissions). */
export async function makeUser(payload: Payload, role: string, data: Record<string, unknown> = {}): Promise<TestUser> {
  const found = await payload.find({ collection: slugs.roles, where: { name: { equals: role } }, limit: 1, overrideAccess: true })
  const roleId = found.docs[0]?.id
  if (!roleId) throw new Error(`no role named ${role}`)
  const email = `${unique(role)}@test.local`
  const created = await payload.create({
    collection: slugs.users,
    data: { email, password: 'Correct-Horse-9', fullName: `Test ${role}`, status: 'active', roles: [roleId], ...data } as never,
    overrideAccess: true,
  })
  const user = await payload.findByID({ collection: slugs.users, id: created.id, depth: 2, overrideAccess: true })
  return { ...(user as unknown as TestUser), collection: 'users' }
}

/** Local API options for acting as `user` (or anonymously) with access enforced. */
export const as = (user: TestUser | null) => ({ user: user ?? undefined, overrideAccess: false as const })
