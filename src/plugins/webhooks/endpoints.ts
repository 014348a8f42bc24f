import type { Endpoint, PayloadRequest } from 'payload'
import { z } from 'zod'

import type { Roles } from './collections'
import { deliverDue } from './deliver'
import { answer as json, poolOf, problem as errorBody } from './sql'

const uuid = z.uuid()
const idParam = (req: PayloadRequest) => {
  const r = uuid.safeParse(req.routeParams?.id)
  return r.success ? r.data : null
}

/** Unexpected failures answer 500 with a log line, never an unhandled rejection. */
const guarded =
  (fn: (req: PayloadRequest) => Promise<Response>) =>
  async (req: PayloadRequest): Promise<Response> => {
    try {
      return await fn(req)
    } catch (err) {
      req.payload.logger.error({ err, msg: `webhooks endpoint ${req.method} ${req.url} failed` })
      return errorBody(500, 'internal_error', 'Something went wrong on our side.')
    }
  }

/** The webhook if the caller may manage it (an administrator, or its owner allowed to manage webhooks). */
async function manageable(req: PayloadRequest, webhookId: string, roles: Roles) {
  if (!req.user) return { error: errorBody(401, 'unauthorized', 'Sign in or send an API key with webhooks:manage.') }
  const {
    rows: [w],
  } = await poolOf(req.payload).query(`SELECT id, owner_id, active FROM webhooks WHERE id = $1`, [webhookId])
  const mine = w && ((await roles.isAdministrator(req)) || ((await roles.canManage(req)) && String(w.owner_id) === String(req.user.id)))
  if (!mine) return { error: errorBody(404, 'unknown_webhook', 'No such webhook.') }
  return { webhook: w as { id: string; owner_id: string; active: boolean } }
}

const result = async (req: PayloadRequest, deliveryId: string) => {
  const {
    rows: [d],
  } = await poolOf(req.payload).query(
    `SELECT d.id, d.status, d.attempts::int AS attempts, d.last_status_code::int AS "statusCode", d.last_error AS error, d.next_attempt_at AS "nextAttemptAt", d.event_id AS "eventId" FROM webhook_deliveries d WHERE d.id = $1`,
    [deliveryId],
  )
  return d
}

/** POST /api/webhooks/:id/test: sends a `webhook.test` event to this hook now and answers with the attempt's outcome. */
export const testEndpoint = (roles: Roles): Endpoint => ({
  path: '/:id/test',
  method: 'post',
  handler: guarded(async (req) => {
    const id = idParam(req)
    if (!id) return errorBody(400, 'invalid_request', 'Invalid id: must be a uuid')
    const found = await manageable(req, id, roles)
    if (found.error) return found.error
    if (!found.webhook.active) return errorBody(409, 'webhook_disabled', 'The webhook is disabled; enable it first.')
    const db = poolOf(req.payload)
    const {
      rows: [d],
    } = await db.query(
      `WITH ev AS (INSERT INTO webhook_events (type, data, audience_public) VALUES ('webhook.test', $2::jsonb, false) RETURNING id)
       INSERT INTO webhook_deliveries (webhook_id, event_id, status, attempts, next_attempt_at) SELECT $1, ev.id, 'pending', 0, now() FROM ev RETURNING id`,
      [id, JSON.stringify({ message: 'A test event from Fashionistas.', webhook: id })],
    )
    await deliverDue(db, { webhookId: id, limit: 1 })
    return json(200, { delivery: await result(req, d.id) })
  }),
})

/** POST /api/webhook-deliveries/:id/replay: sends the delivery's event to its webhook again, as a new delivery. */
export const replayEndpoint = (roles: Roles): Endpoint => ({
  path: '/:id/replay',
  method: 'post',
  handler: guarded(async (req) => {
    const id = idParam(req)
    if (!id) return errorBody(400, 'invalid_request', 'Invalid id: must be a uuid')
    const db = poolOf(req.payload)
    const {
      rows: [orig],
    } = await db.query(`SELECT id, webhook_id, event_id FROM webhook_deliveries WHERE id = $1`, [id])
    if (!orig) return errorBody(404, 'unknown_delivery', 'No such delivery.')
    const found = await manageable(req, orig.webhook_id, roles)
    if (found.error) return errorBody(404, 'unknown_delivery', 'No such delivery.')
    if (!found.webhook.active) return errorBody(409, 'webhook_disabled', 'The webhook is disabled; enable it first.')
    const {
      rows: [d],
    } = await db.query(
      `INSERT INTO webhook_deliveries (webhook_id, event_id, status, attempts, next_attempt_at, replay_of_id) VALUES ($1, $2, 'pending', 0, now(), $3) RETURNING id`,
      [orig.webhook_id, orig.event_id, orig.id],
    )
    await deliverDue(db, { webhookId: orig.webhook_id, limit: 1 })
    return json(201, { delivery: await result(req, d.id) })
  }),
})
