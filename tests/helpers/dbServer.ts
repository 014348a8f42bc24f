/**
 * The PostgreSQL server the tests use: the one named by TEST_DATABASE_URL or DATABASE_URL
 * (a throwaway database is created on it and dropped afterwards; the role needs CREATEDB),
 * else an embedded PostgreSQL in a temporary folder on a free port, deleted afterwards.
 */
import crypto from 'node:crypto'
import os from 'node:os'
import path from 'node:path'

import pg from 'pg'

import { ensureDatabase, startEmbeddedPostgres } from '../../src/db/embedded'

export type TestDatabaseServer = {
  kind: 'embedded' | 'external'
  create: (label: string) => Promise<string>
  stop: () => Promise<void>
}

const withDatabase = (url: string, database: string) => {
  const u = new URL(url)
  u.pathname = `/${database}`
  return u.toString()
}

async function dropDatabase(adminUrl: string, database: string) {
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`)
  } finally {
    await client.end()
  }
}

export async function startTestDatabaseServer(): Promise<TestDatabaseServer> {
  const external = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL
  const run = crypto.randomBytes(3).toString('hex')
  const created: string[] = []
  let adminUrl: string
  let stopServer = async () => undefined as void
  let kind: TestDatabaseServer['kind']
  if (external) {
    kind = 'external'
    adminUrl = withDatabase(external, 'postgres')
  } else {
    kind = 'embedded'
    const server = await startEmbeddedPostgres({
      dir: path.join(os.tmpdir(), `fashionistas-test-pg-${process.pid}-${run}`),
      port: 0,
      persistent: false,
      database: 'postgres',
    })
    adminUrl = server.url
    stopServer = server.stop
  }
  return {
    kind,
    create: async (label) => {
      const name = `fsh_test_${label}_${run}`
      await ensureDatabase(adminUrl, name)
      created.push(name)
      return withDatabase(adminUrl, name)
    },
    stop: async () => {
      if (kind === 'external') for (const name of created) await dropDatabase(adminUrl, name)
      await stopServer()
    },
  }
}
