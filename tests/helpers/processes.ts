/**
 * Platform processes started by tests as a user would start them (`tsx scripts/platform.ts …`),
 * with their output kept, so a test can wait for a line and stop them with a signal.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'

export type Proc = {
  child: ChildProcess
  output: () => string
  waitFor: (re: RegExp, ms?: number) => Promise<void>
  stop: () => Promise<void>
}

const root = path.resolve(import.meta.dirname, '../..')

export const startPlatform = (command: string, env: Record<string, string>): Proc => startScript(['scripts/platform.ts', command], env)

/** `tsx <args>` from the repository's root, with `env` on top of this process's environment. */
export function startScript(args: string[], env: Record<string, string>): Proc {
  const child = spawn(path.join(root, 'node_modules/.bin/tsx'), args, {
    cwd: root,
    env: { ...process.env, ...env, NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  child.stdout!.on('data', (d) => (out += String(d)))
  child.stderr!.on('data', (d) => (out += String(d)))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  return {
    child,
    output: () => out,
    waitFor: async (re, ms = 120_000) => {
      const until = Date.now() + ms
      while (!re.test(out)) {
        if (child.exitCode !== null) throw new Error(`the process exited (${child.exitCode}) before ${re}:\n${out.slice(-3000)}`)
        if (Date.now() > until) throw new Error(`no ${re} within ${ms} ms:\n${out.slice(-3000)}`)
        await new Promise((r) => setTimeout(r, 200))
      }
    },
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000)
      await exited
      clearTimeout(timer)
    },
  }
}
