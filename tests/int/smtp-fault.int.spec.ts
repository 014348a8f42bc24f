// The mail server is down, then back: e-mail waits in the outbox (retried with backoff, nothing
// lost) and is sent once it is back, exactly once even with two senders at once. A real SMTP
// server (smtp-server) and the real nodemailer adapter (SMTP_URL), not the local outbox folder.
import type { Payload } from 'payload'
import type { Pool } from 'pg'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { ensureDatabase, freePort } from '../../src/db/embedded'
import { poolOf } from '../../src/db/pool'
import { sendNotifications } from '../../src/domain/ticketing/notifications'
import { closePayload, getTestPayload, unique } from '../helpers/payload'
import { startSmtpServer } from '../helpers/smtp'

let payload: Payload
let pool: Pool
let port: number

beforeAll(async () => {
  port = await freePort()
  // Read when the config is loaded: this file's Payload sends through SMTP.
  process.env.SMTP_URL = `smtp://127.0.0.1:${port}`
  // A database of its own: the sender below would otherwise send (by SMTP) other files' queued mail.
  const url = new URL(inject('databaseUrl'))
  const admin = new URL(url)
  admin.pathname = '/postgres'
  const name = `smtp_fault_${process.pid}_${Date.now()}`
  await ensureDatabase(admin.toString(), name)
  url.pathname = `/${name}`
  payload = await getTestPayload(url.toString())
  pool = poolOf(payload)
})
afterAll(async () => {
  delete process.env.SMTP_URL
  await closePayload(payload)
})

describe('the mail server is down', () => {
  it('keeps the mail, retries it, and sends it once when the server is back', async () => {
    const to = `${unique('smtp')}@example.com`
    const key = unique('smtp-fault')
    await pool.query(
      `INSERT INTO notifications (kind, dedupe_key, recipient, data, status, attempts, next_attempt_at) VALUES ('event_reminder', $1, $2, '{}', 'pending', 0, now())`,
      [key, to],
    )
    const row = async () =>
      (await pool.query(`SELECT status, attempts::int, last_error, sent_at FROM notifications WHERE dedupe_key = $1`, [key])).rows[0]

    expect(await sendNotifications(payload, pool)).toEqual({ sent: 0, retried: 1, failed: 0 })
    const waiting = await row()
    expect([waiting.status, waiting.attempts, waiting.sent_at]).toEqual(['pending', 1, null])
    expect(waiting.last_error).toMatch(/ECONNREFUSED|connect/i)

    const smtp = await startSmtpServer(port)
    try {
      await pool.query(`UPDATE notifications SET next_attempt_at = now() WHERE dedupe_key = $1`, [key])
      const runs = await Promise.all([sendNotifications(payload, pool), sendNotifications(payload, pool)])
      expect(runs.reduce((n, r) => n + r.sent, 0)).toBe(1)
      expect(smtp.received.filter((m) => m.to.includes(to))).toHaveLength(1)
      expect((await row()).status).toBe('sent')
      // Nothing is sent twice afterwards.
      expect((await sendNotifications(payload, pool)).sent).toBe(0)
      expect(smtp.received.filter((m) => m.to.includes(to))).toHaveLength(1)
    } finally {
      await smtp.close()
    }
  })
})
