import crypto from 'node:crypto'

import type { TestProject } from 'vitest/node'

import { startTestDatabaseServer } from './dbServer'

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
  project.provide('databaseUrl', await server.create('int'))
  // An untouched database for the migration test (and the first-user rule).
  project.provide('freshDatabaseUrl', await server.create('fresh'))
  // A database of its own for the plugins mounted into a bare Payload config (schema pushed, no migrations).
  project.provide('pluginsDatabaseUrl', await server.create('plugins'))
  // For the jobs runners started as processes of their own (tests/int/jobs-runner.int.spec.ts).
  project.provide('jobsDatabaseUrl', await server.create('jobs'))
  project.provide('payloadSecret', crypto.randomBytes(24).toString('hex'))
  return async () => {
    await server.stop()
  }
}
