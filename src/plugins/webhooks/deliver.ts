/**
 * Delivery: due deliveries are claimed with a conditional UPDATE (FOR UPDATE SKIP LOCKED, so
 * concurrent workers never send the same one), POSTed as JSON `{ id, type, createdAt, data }`
 * with the signature and an idempotency id (the event id), 10 s timeout, and every attempt
 * logged. Failures retry on RETRY_SCHEDULE (about a day over 8 attempts) with ±20% jitter;
 * a 410 answer, or MAX_CONSECUTIVE_FAILURES failed attempts in a row, disables the webhook and
 * records why. The clock and the jitter are injected, so tests can walk the schedule.
 */
import http from 'node:http'
import https from 'node:https'

import type { Pool } from 'pg'

import { guardedLookup } from './ssrf'
import { SIGNATURE_HEADER, sign } from './signature'

/** Seconds to wait after attempt n (1-based) failed; after the last, the delivery is dead. */
export const RETRY_SCHEDULE = [60, 5 * 60, 15 * 60, 60 * 60, 3 * 3600, 6 * 3600, 12 * 3600]
export const MAX_ATTEMPTS = RETRY_SCHEDULE.length + 1
export const TIMEOUT_MS = Number(process.env.WEBHOOK_TIMEOUT_MS || 10_000)
export const maxConsecutiveFailures = () => Number(process.env.WEBHOOK_MAX_CONSECUTIVE_FAILURES || 20)

export type Clock = { now: () => Date; random: () => number }
const realClock: Clock = { now: () => new Date(), random: Math.random }

/** When attempt `attempt` (1-based, just failed) is retried, or null when it was the last. */
export function nextAttemptAt(attempt: number, now: Date, random: () => number): Date | null {
  const base = RETRY_SCHEDULE[attempt - 1]
  if (base === undefined) return null
  const jitter = 1 + (random() * 2 - 1) * 0.2
  return new Date(now.getTime() + Math.round(base * jitter * 1000))
}

type Target = { url: string; headers: Record<string, string> }
type Answer = { status: number | null; excerpt: string | null; error: string | null; ms: number }

/** One POST, through the SSRF-guarded lookup, with a hard timeout; never throws. */
export function post(target: Target, body: string, headers: Record<string, string>): Promise<Answer> {
  const started = performance.now()
  return new Promise((resolve) => {
    let url: URL
    try {
      url = new URL(target.url)
    } catch {
      resolve({ status: null, excerpt: null, error: 'invalid URL', ms: 0 })
      return
    }
    const lib = url.protocol === 'https:' ? https : http
    const req = lib.request(
      url,
      {
        method: 'POST',
        lookup: guardedLookup(),
        timeout: TIMEOUT_MS,
        headers: {
          ...target.headers,
          ...headers,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'user-agent': 'Fashionistas-Webhooks/1',
        },
      },
      (res) => {
        const chunks: Buffer[] = []
        let size = 0
        res.on('data', (c: Buffer) => {
          if (size < 2048) chunks.push(c)
          size += c.length
        })
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? null,
            excerpt: Buffer.concat(chunks).toString('utf8').slice(0, 500),
            error: null,
            ms: Math.round(performance.now() - started),
          }),
        )
        res.on('error', (e) =>
          resolve({ status: res.statusCode ?? null, excerpt: null, error: e.message, ms: Math.round(performance.now() - started) }),
        )
      },
    )
    req.on('timeout', () => req.destroy(new Error(`timed out after ${TIMEOUT_MS} ms`)))
    req.on('error', (e) => resolve({ status: null, excerpt: null, error: e.message, ms: Math.round(performance.now() - started) }))
    req.end(body)
  })
}

type Claimed = {
  id: string
  attempts: number
  webhook_id: string
  url: string
  secret: string
  headers: Array<{ name: string; value: string }> | null
  event_id: string
  type: string
  data: unknown
  created_at: Date
}

/** Claims one due delivery (optionally of one webhook), or null. */
async function claim(db: Pool, now: Date, webhookId: string | null): Promise<Claimed | null> {
  const {
    rows: [d],
  } = await db.query<Claimed>(
    `UPDATE webhook_deliveries d SET status = 'delivering', attempts = d.attempts + 1, updated_at = now()
       FROM webhooks w, webhook_events e
      WHERE d.id = (SELECT id FROM webhook_deliveries WHERE status IN ('pending', 'retrying') AND next_attempt_at <= $1 AND ($2::uuid IS NULL OR webhook_id = $2)
                     ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED)
        AND w.id = d.webhook_id AND e.id = d.event_id
    RETURNING d.id, d.attempts, w.id AS webhook_id, w.url, w.signing_secret AS secret,
              (SELECT json_agg(json_build_object('name', h.name, 'value', h.value)) FROM webhooks_headers h WHERE h._parent_id = w.id) AS headers,
              e.id AS event_id, e.type, e.data, e.created_at`,
    [now, webhookId],
  )
  return d ?? null
}

let readSecret: (stored: string) => string = (s) => s
/** Set once by the plugin: how a stored signing secret becomes the secret (decryption, when encrypted at rest). */
export const configureSecrets = (fn: (stored: string) => string) => {
  readSecret = fn
}

/** Sends one claimed delivery and records the attempt and its consequences. */
async function attempt(db: Pool, d: Claimed, clock: Clock) {
  const body = JSON.stringify({ id: d.event_id, type: d.type, createdAt: new Date(d.created_at).toISOString(), data: d.data })
  const t = Math.floor(clock.now().getTime() / 1000)
  const headers: Record<string, string> = {}
  for (const h of d.headers ?? [])
    if (/^[A-Za-z0-9-]{1,64}$/.test(h.name) && !/^(host|content-length|content-type)$/i.test(h.name)) headers[h.name] = h.value
  let secret: string | null = null
  try {
    secret = String(readSecret(d.secret) ?? '')
  } catch {
    // A secret under a key version this instance does not hold: nothing is sent unsigned; retried later.
  }
  const answer: Answer = secret
    ? await post({ url: d.url, headers }, body, {
        [SIGNATURE_HEADER]: sign(secret, body, t),
        'Fashionistas-Event-Id': d.event_id,
        'Fashionistas-Event-Type': d.type,
        'Idempotency-Key': d.event_id,
      })
    : { status: null, excerpt: null, error: 'the signing secret cannot be decrypted (FIELD_ENCRYPTION_KEYS lacks its key version)', ms: 0 }
  const ok = answer.status !== null && answer.status >= 200 && answer.status < 300
  const gone = answer.status === 410
  const now = clock.now()
  const next = ok || gone ? null : nextAttemptAt(d.attempts, now, clock.random)
  const status = ok ? 'succeeded' : gone || !next ? 'dead' : 'retrying'
  const client = await db.connect()
  try {
    await client.query('BEGIN')
    await client.query(
      `INSERT INTO webhook_attempts (delivery_id, webhook_id, event_id, attempt, status_code, response_excerpt, duration_ms, error, next_attempt_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [d.id, d.webhook_id, d.event_id, d.attempts, answer.status, answer.excerpt, answer.ms, answer.error, next],
    )
    await client.query(
      `UPDATE webhook_deliveries SET status = $2::enum_webhook_deliveries_status, next_attempt_at = COALESCE($3::timestamptz, next_attempt_at), last_status_code = $4, last_error = $5,
              delivered_at = CASE WHEN $2::text = 'succeeded' THEN $6::timestamptz ELSE delivered_at END, updated_at = now()
        WHERE id = $1`,
      [d.id, status, next, answer.status, answer.error ?? (ok ? null : `HTTP ${answer.status}`), now],
    )
    if (ok) {
      await client.query(`UPDATE webhooks SET consecutive_failures = 0, last_success_at = $2, updated_at = now() WHERE id = $1`, [
        d.webhook_id,
        now,
      ])
    } else {
      const {
        rows: [w],
      } = await client.query(
        `UPDATE webhooks SET consecutive_failures = consecutive_failures + 1, last_failure_at = $2, updated_at = now() WHERE id = $1 RETURNING consecutive_failures`,
        [d.webhook_id, now],
      )
      const reason = gone
        ? `Disabled: the receiver answered 410 Gone on ${now.toISOString()}.`
        : w.consecutive_failures >= maxConsecutiveFailures()
          ? `Disabled after ${w.consecutive_failures} failed attempts in a row (last: ${answer.error ?? `HTTP ${answer.status}`}) on ${now.toISOString()}.`
          : null
      if (reason) {
        await client.query(`UPDATE webhooks SET active = false, disabled_reason = $2, updated_at = now() WHERE id = $1 AND active`, [
          d.webhook_id,
          reason,
        ])
        await client.query(
          `UPDATE webhook_deliveries SET status = 'dead', last_error = $2, updated_at = now() WHERE webhook_id = $1 AND status IN ('pending', 'retrying')`,
          [d.webhook_id, 'webhook disabled'],
        )
      }
    }
    await client.query('COMMIT')
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined)
    throw err
  } finally {
    client.release()
  }
  return { status, statusCode: answer.status, error: answer.error }
}

/** Works off due deliveries (at most `limit`); the job's body. */
export async function deliverDue(db: Pool, { clock = realClock, limit = 200, webhookId = null as string | null } = {}) {
  const out = { attempted: 0, succeeded: 0, retrying: 0, dead: 0 }
  for (let i = 0; i < limit; i++) {
    const d = await claim(db, clock.now(), webhookId)
    if (!d) break
    const r = await attempt(db, d, clock)
    out.attempted++
    if (r.status === 'succeeded') out.succeeded++
    else if (r.status === 'retrying') out.retrying++
    else out.dead++
  }
  return out
}

/** Deliveries left `delivering` by a crashed worker go back to the queue (the receiver dedupes by event id). */
export async function requeueStuck(db: Pool, now: Date) {
  await db.query(`UPDATE webhook_deliveries SET status = 'retrying', updated_at = now() WHERE status = 'delivering' AND updated_at < $1`, [
    new Date(now.getTime() - 5 * 60_000),
  ])
}
