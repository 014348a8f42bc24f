// `npm run jobs` as two processes on one database: one holds the runner lock and works the
// queues, the other stands by; every job runs exactly once; when the leader stops (SIGTERM), the
// standby takes over. Payload claims jobs with a read then an update, so without the lock two
// runners can take the same job: this test is the guard.
import { Pool } from 'pg'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { JOBS_LOCK_KEY } from '../../src/jobs/leader'
import { startPlatform, type Proc } from '../helpers/processes'

const url = inject('jobsDatabaseUrl')
let pool: Pool
const runners: Proc[] = []

const env = {
  DATABASE_URL: url,
  PAYLOAD_SECRET: inject('payloadSecret'),
  FIELD_ENCRYPTION_KEYS: `1:${Buffer.alloc(32, 7).toString('base64')}`,
  // Every second, so the test does not wait for the 10-second tick.
  JOBS_TRANSACTIONAL_CRON: '* * * * * *',
  JOBS_KEEP_COMPLETED: 'true',
  SEED_DEMO: 'false',
  STRIPE_API_BASE: 'http://127.0.0.1:9',
}

async function queue(n: number): Promise<string[]> {
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO payload_jobs (task_slug, queue, input, total_tried, processing, has_error)
     SELECT 'offerWaitlist', 'transactional', '{}'::jsonb, 0, false, false FROM generate_series(1, $1) RETURNING id`,
    [n],
  )
  return rows.map((r) => r.id)
}

async function ranOnce(ids: string[]) {
  await expect
    .poll(
      async () =>
        Number(
          (await pool.query(`SELECT count(*) FROM payload_jobs WHERE id = ANY($1) AND completed_at IS NOT NULL`, [ids])).rows[0].count,
        ),
      {
        timeout: 60_000,
        interval: 500,
      },
    )
    .toBe(ids.length)
  // One log entry per job: no job ran twice.
  const { rows } = await pool.query<{ runs: number }>(
    `SELECT j.id, count(l.id)::int AS runs, j.total_tried::int AS tried FROM payload_jobs j LEFT JOIN payload_jobs_log l ON l._parent_id = j.id
      WHERE j.id = ANY($1) GROUP BY j.id`,
    [ids],
  )
  expect(rows.map((r) => r.runs)).toEqual(ids.map(() => 1))
}

beforeAll(async () => {
  pool = new Pool({ connectionString: url, max: 2 })
  runners.push(startPlatform('jobs', env), startPlatform('jobs', env))
  await Promise.all(runners.map((r) => r.waitFor(/jobs runner started/, 180_000)))
}, 240_000)

afterAll(async () => {
  await Promise.all(runners.map((r) => r.stop()))
  await pool?.end()
})

describe('the jobs runner', () => {
  it('runs on one of two processes at a time, each job once, and the standby takes over when the leader stops', async () => {
    await Promise.all(runners.map((r) => r.waitFor(/jobs: (this process .* runs the queues|another process runs the queues; standing by)/)))
    const leaders = runners.filter((r) => /this process \(pid \d+\) runs the queues/.test(r.output()))
    expect(leaders).toHaveLength(1)
    const [leader] = leaders
    const standby = runners.find((r) => r !== leader)!
    expect(standby.output()).toMatch(/standing by/)
    expect(
      Number(
        (await pool.query(`SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND objid = $1 AND granted`, [JOBS_LOCK_KEY])).rows[0]
          .count,
      ),
    ).toBe(1)

    await ranOnce(await queue(40))

    // The leader stops; the standby takes the lock at its next tick and works the queue.
    await leader.stop()
    await standby.waitFor(/this process \(pid \d+\) runs the queues/, 30_000)
    await ranOnce(await queue(10))
  }, 240_000)
})
