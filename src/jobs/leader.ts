/**
 * One jobs runner at a time. Payload claims queued jobs with a read followed by an update, so two
 * processes running the queue at once can both take the same job. Every process with jobs on
 * (`npm run jobs`, or an app instance without PAYLOAD_JOBS_AUTORUN=false) asks `isJobsLeader`
 * before each run: the one holding a PostgreSQL session advisory lock (on a connection it keeps)
 * runs the queues and queues the scheduled tasks; the others stand by and ask again on their next
 * tick. When the leader stops or its connection drops (the lock goes with the session), a standby
 * takes over within one tick (10 s, the transactional queue's cron).
 */
import type { Payload } from 'payload'
import type { PoolClient } from 'pg'

import { poolOf } from '../db/pool'

/** The lock's key (`hashtext('fashionistas:jobs-runner')` would do as well; a constant is simpler to find in pg_locks). */
export const JOBS_LOCK_KEY = 7_427_001

type State = { client: PoolClient | null; pending: Promise<boolean> | null; announced: 'leader' | 'standby' | null }
const states = new WeakMap<Payload, State>()

function stateOf(payload: Payload): State {
  let s = states.get(payload)
  if (!s) states.set(payload, (s = { client: null, pending: null, announced: null }))
  return s
}

function drop(s: State, err?: Error) {
  const c = s.client
  s.client = null
  s.announced = null
  // A broken connection is destroyed, not returned to the pool.
  c?.release(err ?? true)
}

async function campaign(payload: Payload, s: State): Promise<boolean> {
  if (s.client) {
    try {
      await s.client.query('SELECT 1')
      return true
    } catch (err) {
      payload.logger.warn(`jobs: lost the runner lock's connection (${(err as Error).message}); standing by`)
      drop(s, err as Error)
    }
  }
  let client: PoolClient
  try {
    client = await poolOf(payload).connect()
  } catch {
    return false
  }
  try {
    const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [JOBS_LOCK_KEY])
    if (!rows[0]?.ok) {
      client.release()
      if (s.announced !== 'standby') payload.logger.info('jobs: another process runs the queues; standing by')
      s.announced = 'standby'
      return false
    }
  } catch (err) {
    client.release(err as Error)
    return false
  }
  client.on('error', (err) => {
    payload.logger.warn(`jobs: the runner lock's connection failed (${err.message})`)
    if (s.client === client) drop(s, err)
  })
  s.client = client
  if (s.announced !== 'leader') payload.logger.info(`jobs: this process (pid ${process.pid}) runs the queues`)
  s.announced = 'leader'
  return true
}

/** True when this process holds (or has just taken) the runner lock. Never throws. */
export async function isJobsLeader(payload: Payload): Promise<boolean> {
  const s = stateOf(payload)
  // Two crons ticking at once share one attempt.
  s.pending ??= campaign(payload, s).finally(() => (s.pending = null))
  return s.pending
}

/** Gives the lock up (on shutdown), so a standby takes over at its next tick. */
export async function resignJobsLeader(payload: Payload): Promise<void> {
  const s = stateOf(payload)
  if (!s.client) return
  await s.client.query('SELECT pg_advisory_unlock($1)', [JOBS_LOCK_KEY]).catch(() => undefined)
  drop(s)
}
