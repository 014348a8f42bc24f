import crypto from 'node:crypto'

import type { TestProject } from 'vitest/node'

import { startTestDatabaseServer } from './dbServer'
import { driftOfDatabase } from './invariants'

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string
    freshDatabaseUrl: string
    payloadSecret: string
    pluginsDatabaseUrl: string
    jobsDatabaseUrl: string
  }
}

export default async function setup(project: TestProject) {
  const server = await startTestDatabaseServer()
  const databaseUrl = await server.create('int')
  project.provide('databaseUrl', databaseUrl)
  // An untouched database for the migration test (and the first-user rule).
  project.provide('freshDatabaseUrl', await server.create('fresh'))
  // A database of its own for the plugins mounted into a bare Payload config (schema pushed, no migrations).
  project.provide('pluginsDatabaseUrl', await server.create('plugins'))
  // For the jobs runners started as processes of their own (tests/int/jobs-runner.int.spec.ts).
  project.provide('jobsDatabaseUrl', await server.create('jobs'))
  project.provide('payloadSecret', crypto.randomBytes(24).toString('hex'))
  return async () => {
    // npm run check:invariants on the suite's database once every file has run: nothing may drift.
    const drifted = await driftOfDatabase(databaseUrl).catch((err: Error) => [
      { invariant: 'check failed', rows: [{ error: err.message }] },
    ])
    await server.stop()
    if (drifted.length) {
      for (const d of drifted) console.error(`invariant ${d.invariant} drifted:`, JSON.stringify(d.rows.slice(0, 5)))
      process.exitCode = 1
      throw new Error(`invariants drifted after the suite: ${drifted.map((d) => d.invariant).join(', ')}`)
    }
  }
}
