/**
 * End-to-end set-up: a throwaway database, then the platform started exactly as a newcomer
 * starts it (`scripts/platform.ts dev`: migrations, demo seed, Next.js), on a free port.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'

import type { TestProject } from 'vitest/node'

import { freePort } from '../../src/db/embedded'
import { startTestDatabaseServer } from './dbServer'

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string
    /** Where the platform under test writes its e-mail (the local outbox). */
    outboxDir: string
  }
}

async function waitForServer(url: string, child: ChildProcess, deadlineMs: number) {
  const deadline = Date.now() + deadlineMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the platform exited with code ${child.exitCode} before it was ready`)
    try {
      const res = await fetch(`${url}/api/users/me`)
      if (res.status === 200) return
    } catch {
      // Not listening yet: keep polling until the deadline.
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error(`the platform did not answer at ${url} within ${deadlineMs / 1000}s`)
}

export default async function setup(project: TestProject) {
  const server = await startTestDatabaseServer()
  const databaseUrl = await server.create('e2e')
  const port = await freePort()
  const root = path.resolve(import.meta.dirname, '../..')
  const mode = process.env.E2E_MODE === 'start' ? 'start' : 'dev'
  const child = spawn(path.join(root, 'node_modules/.bin/tsx'), ['scripts/platform.ts', mode], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      PAYLOAD_SECRET: 'e2e-only-secret-not-for-production',
      SEED_ADMIN_EMAIL: '',
      SEED_ADMIN_PASSWORD: '',
      MEDIA_DIR: path.join(root, '.data', `e2e-media-${port}`),
      MAIL_OUTBOX_DIR: path.join(root, '.data', `e2e-mail-${port}`),
      NEXT_DIST_DIR: mode === 'dev' ? '.next-e2e' : '.next',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  const logs: string[] = []
  const keep = (chunk: Buffer) => {
    logs.push(chunk.toString())
    if (logs.length > 400) logs.shift()
    if (process.env.E2E_VERBOSE) process.stdout.write(chunk)
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  const baseUrl = `http://localhost:${port}`
  try {
    await waitForServer(baseUrl, child, 240_000)
  } catch (err) {
    console.error(logs.join(''))
    throw err
  }
  project.provide('baseUrl', baseUrl)
  project.provide('outboxDir', path.join(root, '.data', `e2e-mail-${port}`))
  return async () => {
    if (child.exitCode === null && child.pid) {
      process.kill(-child.pid, 'SIGTERM')
      await new Promise((r) => {
        const t = setTimeout(() => {
          if (child.pid) process.kill(-child.pid, 'SIGKILL')
          r(null)
        }, 15_000)
        child.once('exit', () => {
          clearTimeout(t)
          r(null)
        })
      })
    }
    await server.stop()
  }
}
