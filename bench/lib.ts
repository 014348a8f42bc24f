/** What the HTTP benchmarks share: a production build of the app on a throwaway database, and percentiles. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import { freePort } from '../src/db/embedded'

export const root = path.resolve(import.meta.dirname, '..')

export const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? Number(process.argv[i + 1]) : fallback
}

export const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0

/** Builds once (`npm run build`) when there is no production build yet. */
export function ensureBuild() {
  if (!fs.existsSync(path.join(root, '.next', 'BUILD_ID'))) spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' })
}

/** `next start` of the build on `databaseUrl`, answering on a free port; `extra` is added to its environment. */
export async function startApp(databaseUrl: string, extra: Record<string, string> = {}): Promise<{ base: string; app: ChildProcess }> {
  const port = await freePort()
  const app = spawn(path.join(root, 'node_modules/.bin/tsx'), ['scripts/platform.ts', 'start'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      SEED_DEMO: 'false',
      PAYLOAD_SECRET: 'bench-only',
      PAYLOAD_JOBS_AUTORUN: 'false',
      NODE_ENV: 'production',
      ...extra,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  })
  const base = `http://127.0.0.1:${port}`
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${base}/api/users/me`)).ok) return { base, app }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error('the app did not start')
}

export async function stopApp(app: ChildProcess) {
  if (app.pid) process.kill(-app.pid, 'SIGTERM')
  await new Promise((r) => setTimeout(r, 2000))
}

export function writeResult(name: string, data: unknown) {
  fs.mkdirSync(path.join(root, 'bench/results'), { recursive: true })
  const file = path.join(root, 'bench/results', `${name}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`)
  fs.writeFileSync(file, JSON.stringify(data, null, 2))
  console.log(`written ${path.relative(root, file)}`)
}

/** Runs a benchmark's main and exits 0, or prints the error and exits 1. */
export function runBench(main: () => Promise<void>) {
  void main().then(
    () => process.exit(0),
    (err) => {
      console.error(err)
      process.exit(1)
    },
  )
}
