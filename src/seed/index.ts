/**
 * Seeds an empty database: always the admin account (SEED_ADMIN_EMAIL / SEED_ADMIN_PASSWORD,
 * else the documented local default), and, unless SEED_DEMO=false, demo content: users of
 * every role, categories, venues with sections and seats, published and draft events with
 * schedules, a homepage and other pages built from blocks, and images generated with sharp.
 */
import type { Payload } from 'payload'

import { ensureAccessModel } from '../access/ensureAccessModel'
import { slugs } from '../config/slugs'
import { seedDemo } from './demo'

import { DEFAULT_ADMIN, seedContext } from './constants'

export { DEFAULT_ADMIN, DEMO_PASSWORD, seedContext } from './constants'

export async function roleIdsByName(payload: Payload): Promise<Map<string, string>> {
  const roles = await payload.find({ collection: slugs.roles, pagination: false, depth: 0, overrideAccess: true })
  return new Map(roles.docs.map((r) => [r.name, String(r.id)]))
}

export async function seed(payload: Payload, { quiet = false } = {}): Promise<{ seeded: boolean }> {
  const say = (s: string) => !quiet && payload.logger.info(s)
  const email = process.env.SEED_ADMIN_EMAIL || DEFAULT_ADMIN.email
  const password = process.env.SEED_ADMIN_PASSWORD || DEFAULT_ADMIN.password
  const { totalDocs } = await payload.count({ collection: slugs.users, overrideAccess: true })
  if (totalDocs > 0) {
    say(`Database already has ${totalDocs} user(s); not seeding. Admin: ${email}`)
    return { seeded: false }
  }
  await ensureAccessModel(payload)
  const roles = await roleIdsByName(payload)
  await payload.create({
    collection: slugs.users,
    data: {
      email,
      password,
      fullName: 'Platform Admin',
      userType: 'admin',
      status: 'active',
      emailVerified: true,
      roles: [roles.get('admin')!],
    },
    overrideAccess: true,
    context: seedContext,
  })
  if (process.env.SEED_DEMO !== 'false') {
    say('Seeding demo content (set SEED_DEMO=false to skip)...')
    await seedDemo(payload, roles)
  }
  const shown = process.env.SEED_ADMIN_PASSWORD ? '(the SEED_ADMIN_PASSWORD you set)' : password
  say(
    `\n  Admin login: ${email} / ${shown}\n  ${process.env.SEED_ADMIN_PASSWORD ? '' : 'This default is for local use only: set SEED_ADMIN_EMAIL and SEED_ADMIN_PASSWORD anywhere else.'}\n`,
  )
  return { seeded: true }
}
