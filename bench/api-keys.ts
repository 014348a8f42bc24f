/**
 * npm run bench:api-keys [-- --buyers 16 --seconds 6]
 *
 * What API-key requests cost, against a production build on a throwaway database: the same GET
 * with a session (JWT) and with an API key (verify, shared rate-limit count, usage log), the
 * latter twice, with the usage log on and off (USAGE_LOG_DISABLED). Prints req/s and p50/p99,
 * writes JSON to bench/results/. A benchmark, not a test.
 */
import type { ChildProcess } from 'node:child_process'

import { DEFAULT_ADMIN } from '../src/seed/constants'
import { startTestDatabaseServer } from '../tests/helpers/dbServer'
import { arg, ensureBuild, pct, startApp, stopApp, writeResult } from './lib'

const CLIENTS = arg('clients', 16)
const SECONDS = arg('seconds', 6)

async function drive(label: string, url: string, headers: Record<string, string>) {
  const lat: number[] = []
  let errors = 0
  const end = performance.now() + SECONDS * 1000
  const t0 = performance.now()
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (performance.now() < end) {
        const t = performance.now()
        const res = await fetch(url, { headers })
        await res.arrayBuffer()
        if (res.status !== 200) errors++
        lat.push(performance.now() - t)
      }
    }),
  )
  lat.sort((a, b) => a - b)
  const run = {
    label,
    requests: lat.length,
    errors,
    perSecond: Math.round(lat.length / ((performance.now() - t0) / 1000)),
    p50: +pct(lat, 50).toFixed(2),
    p99: +pct(lat, 99).toFixed(2),
  }
  console.log(
    `${label.padEnd(36)} ${String(run.perSecond).padStart(6)} req/s   p50 ${run.p50.toFixed(1).padStart(6)} ms   p99 ${run.p99.toFixed(1).padStart(6)} ms   (${run.requests}, ${errors} errors)`,
  )
  return run
}

const stop = (app: ChildProcess) => stopApp(app)

async function main() {
  ensureBuild()
  const server = await startTestDatabaseServer()
  const databaseUrl = await server.create('bench_keys')
  const runs = []
  try {
    let { base, app } = await startApp(databaseUrl, {})
    const login = (await (
      await fetch(`${base}/api/users/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(DEFAULT_ADMIN),
      })
    ).json()) as { token: string }
    const createdRes = await fetch(`${base}/api/api-keys`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `JWT ${login.token}` },
      body: JSON.stringify({ name: 'bench', scopes: ['events:read'], rateLimit: 100_000 }),
    })
    const created = (await createdRes.json()) as { doc?: { key: string } }
    if (!created.doc?.key) throw new Error(`could not create a key: ${createdRes.status} ${JSON.stringify(created)}`)
    const url = `${base}/api/events?limit=1&depth=0`
    console.log(`\nAPI-key overhead: ${CLIENTS} concurrent clients, ${SECONDS}s per run\n`)
    await drive('warm-up (discarded)', url, { authorization: `JWT ${login.token}` })
    runs.push(await drive('session (JWT)', url, { authorization: `JWT ${login.token}` }))
    runs.push(await drive('API key, usage log on', url, { authorization: `Bearer ${created.doc!.key}` }))
    await stop(app)
    ;({ base, app } = await startApp(databaseUrl, { USAGE_LOG_DISABLED: 'true' }))
    const url2 = `${base}/api/events?limit=1&depth=0`
    await drive('warm-up (discarded)', url2, { authorization: `Bearer ${created.doc!.key}` })
    runs.push(await drive('API key, usage log off', url2, { authorization: `Bearer ${created.doc!.key}` }))
    await stop(app)
    const [, on, off] = runs
    console.log(`\nusage log cost at p50: ${(on.p50 - off.p50).toFixed(2)} ms (${on.perSecond} vs ${off.perSecond} req/s)`)
    writeResult('api-keys', { clients: CLIENTS, seconds: SECONDS, runs })
  } finally {
    await server.stop()
  }
}

void main().then(
  () => process.exit(0),
  (err) => {
    console.error(err)
    process.exit(1)
  },
)
