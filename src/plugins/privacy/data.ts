/**
 * What the platform holds about one person, and how it is erased. Plain SQL over the whole
 * schema the person appears in, in one transaction for erasure.
 */
import crypto from 'node:crypto'

import type { Pool, PoolClient } from 'pg'

import { auditInTx } from '../../domain/audit'
import { decryptValue } from '../field-encryption/crypto'

type Row = Record<string, unknown>

const decryptRow = (r: Row, cols: string[]) => {
  for (const c of cols) if (c in r) r[c] = decryptValue(r[c])
  return r
}

export async function exportPerson(db: Pool, userId: string) {
  const q = async (sql: string, params: unknown[] = [userId]) => (await db.query(sql, params)).rows as Row[]
  const [account] = await q(
    `SELECT id, email, full_name, phone, user_type, status, email_verified, phone_verified, two_factor_enabled, last_login, created_at, updated_at,
            profile_bio, profile_company, profile_position, profile_location, profile_website, profile_preferences,
            profile_notification_settings_email, profile_notification_settings_sms, profile_notification_settings_push,
            profile_notification_settings_marketing
       FROM users WHERE id = $1`,
  )
  if (!account) return null
  decryptRow(account, ['phone'])
  const email = String(account.email)
  const roles = (await q(`SELECT r.name FROM users_rels ur JOIN roles r ON r.id = ur.roles_id WHERE ur.parent_id = $1 AND ur.path = 'roles'`)).map((r) => r.name)
  const socialLinks = await q(`SELECT platform, url FROM users_profile_social_links WHERE _parent_id = $1 ORDER BY _order`)
  const interests = (await q(`SELECT text FROM users_texts WHERE parent_id = $1 AND path = 'profile.interests' ORDER BY "order"`)).map((r) => r.text)
  const orders = (await q(
    `SELECT o.id, o.status, o.subtotal, o.discount, o.tax, o.total, o.currency, o.billing_email, o.billing_name, o.billing_phone, o.billing_address,
            o.ip_address, o.user_agent, o.created_at, o.completed_at, o.refunded_at, e.title AS event,
            COALESCE((SELECT json_agg(json_build_object('ticketType', tt.name, 'quantity', oi.quantity, 'unitPrice', oi.unit_price, 'finalPrice', oi.final_price))
                        FROM order_items oi JOIN ticket_types tt ON tt.id = oi.ticket_type_id WHERE oi.order_id = o.id), '[]') AS items
       FROM orders o JOIN events e ON e.id = o.event_id
      WHERE o.buyer_id = $1 OR lower(o.billing_email) = lower($2) ORDER BY o.created_at`,
    [userId, email],
  )).map((r) => decryptRow(r, ['billing_phone', 'billing_address']))
  const tickets = await q(
    `SELECT t.code, t.status, t.attendee_name, t.attendee_email, t.checked_in_at, tt.name AS ticket_type, e.title AS event
       FROM tickets t JOIN orders o ON o.id = t.order_id JOIN ticket_types tt ON tt.id = t.ticket_type_id JOIN events e ON e.id = t.event_id
      WHERE o.buyer_id = $1 OR lower(o.billing_email) = lower($2) OR lower(t.attendee_email) = lower($2)`,
    [userId, email],
  )
  const requests = await q(`SELECT type, status, details, submitted_at, completed_at, due_at FROM data_subject_requests WHERE user_id = $1 ORDER BY submitted_at`)
  const activity = await q(`SELECT action, collection, document_id, summary, ip, user_agent, created_at FROM audit_logs WHERE actor_id = $1 ORDER BY created_at DESC LIMIT 1000`)
  const apiKeys = await q(`SELECT name, prefix, active, expires_at, last_used_at, created_at FROM api_keys WHERE owner_id = $1`)
  // The marketing layer's records of the person, when that layer is installed.
  const has = async (table: string) => (await q(`SELECT to_regclass($1) IS NOT NULL AS ok`, [`public.${table}`]))[0].ok === true
  const tracked = (await has('user_engagement'))
    ? await q(`SELECT type, source, event_id, session_id, data, ip, user_agent, occurred_at FROM user_engagement WHERE user_id = $1 ORDER BY occurred_at DESC LIMIT 5000`)
    : []
  const emails = (await has('email_sends'))
    ? await q(
        `SELECT c.subject, s.email, s.status, s.sent_at, s.opened_at, s.clicked_at, s.unsubscribed_at
           FROM email_sends s JOIN email_campaigns c ON c.id = s.email_campaign_id WHERE s.user_id = $1 ORDER BY s.created_at`,
      )
    : []
  const segments = (await has('marketing_segments_rels'))
    ? (await q(`SELECT ms.name FROM marketing_segments_rels r JOIN marketing_segments ms ON ms.id = r.parent_id WHERE r.users_id = $1 AND r.path = 'members'`)).map((r) => r.name)
    : []
  return {
    exportedAt: new Date().toISOString(),
    account: { ...account, roles, socialLinks, interests },
    consents: {
      notifications: {
        email: account.profile_notification_settings_email,
        sms: account.profile_notification_settings_sms,
        push: account.profile_notification_settings_push,
        marketingEmail: account.profile_notification_settings_marketing,
      },
      preferences: account.profile_preferences ?? null,
    },
    orders,
    tickets,
    dataSubjectRequests: requests,
    engagement: { activity, apiKeys, tracked, emails, segments },
  }
}

const ERASED = 'Erased person'

/** Anonymizes a person everywhere they appear; keeps orders (amounts) for accounting. One transaction. */
export async function erasePerson(client: PoolClient, userId: string, actorId: string | null): Promise<{ orders: number }> {
  const { rows: [u] } = await client.query(`SELECT email, full_name FROM users WHERE id = $1 FOR UPDATE`, [userId])
  if (!u) return { orders: 0 }
  const email = String(u.email)
  const placeholder = `erased+${userId}@invalid.example`
  const orders = await client.query(
    `UPDATE orders SET billing_email = $2, billing_name = $3, billing_phone = NULL, billing_address = NULL, ip_address = NULL, user_agent = NULL, updated_at = now()
      WHERE buyer_id = $1 OR lower(billing_email) = lower($4) RETURNING id`,
    [userId, placeholder, ERASED, email],
  )
  await client.query(`UPDATE tickets SET attendee_name = $2, attendee_email = NULL, updated_at = now() WHERE order_id = ANY($1::uuid[]) OR lower(attendee_email) = lower($3)`, [orders.rows.map((r) => r.id), ERASED, email])
  await client.query(`UPDATE discount_redemptions SET buyer_email = $2, buyer_key = NULL WHERE buyer_id = $1 OR lower(buyer_email) = lower($3)`, [userId, placeholder, email])
  await client.query(`DELETE FROM users_profile_social_links WHERE _parent_id = $1`, [userId])
  await client.query(`DELETE FROM users_texts WHERE parent_id = $1`, [userId])
  await client.query(`DELETE FROM users_sessions WHERE _parent_id = $1`, [userId])
  await client.query(
    `UPDATE users SET email = $2, full_name = $3, phone = NULL, profile_image_id = NULL, profile_bio = NULL, profile_company = NULL, profile_position = NULL,
            profile_location = NULL, profile_website = NULL, profile_preferences = NULL, status = 'inactive', email_verified = false, phone_verified = false,
            hash = $4, salt = $4, reset_password_token = NULL, reset_password_expiration = NULL, updated_at = now()
      WHERE id = $1`,
    [userId, placeholder, ERASED, crypto.randomBytes(32).toString('hex')],
  )
  // Past log lines about the person lose what identifies them (the entries themselves stay).
  await client.query(
    `UPDATE audit_logs SET actor_email = NULL, ip = NULL, user_agent = NULL,
            summary = replace(replace(summary, $2, '[erased]'), $3, '[erased]'),
            changes = CASE WHEN changes::text ILIKE '%' || $2 || '%' OR changes::text ILIKE '%' || $3 || '%' THEN '"[erased]"'::jsonb ELSE changes END
      WHERE actor_id = $1 OR document_id = $1::text OR summary ILIKE '%' || $2 || '%' OR changes::text ILIKE '%' || $2 || '%' OR changes::text ILIKE '%' || $3 || '%'`,
    [userId, email, String(u.full_name)],
  )
  await client.query(`UPDATE usage_logs SET ip = NULL, user_agent = NULL WHERE key_prefix IN (SELECT prefix FROM api_keys WHERE owner_id = $1)`, [userId])
  // Webhook payloads already queued or sent keep their type and ids, not the person.
  const { rows: [w] } = await client.query(`SELECT to_regclass('public.webhook_events') IS NOT NULL AS ok`)
  if (w.ok) {
    await client.query(
      `UPDATE webhook_events SET data = jsonb_build_object('erased', true) WHERE data::text ILIKE '%' || $1 || '%' OR data::text ILIKE '%' || $2 || '%' OR data::text ILIKE '%' || $3 || '%'`,
      [email, String(u.full_name), userId],
    )
  }
  // Ticketing e-mail to or about the person (sent or not) goes: it holds their address.
  const { rows: [n] } = await client.query(`SELECT to_regclass('public.notifications') IS NOT NULL AS ok`)
  if (n.ok) {
    await client.query(`DELETE FROM notifications WHERE lower(recipient) = lower($1) OR order_id = ANY($2::uuid[])`, [email, orders.rows.map((r) => r.id)])
  }
  // Marketing: tracked behaviour goes, list memberships go, consent goes; the campaign's
  // counts stay (email_sends rows keep their status without the address).
  const { rows: [m] } = await client.query(`SELECT to_regclass('public.user_engagement') IS NOT NULL AS ok`)
  if (m.ok) {
    await client.query(`DELETE FROM user_engagement WHERE user_id = $1`, [userId])
    await client.query(`UPDATE email_sends SET email = $2, error = NULL WHERE user_id = $1`, [userId, placeholder])
    await client.query(`DELETE FROM marketing_segments_rels WHERE users_id = $1`, [userId])
    await client.query(`UPDATE users SET profile_notification_settings_marketing = false WHERE id = $1`, [userId])
  }
  await auditInTx(client, { action: 'erasure', collection: 'users', documentId: userId, actor: actorId, summary: `personal data of user ${userId} erased (${orders.rowCount} order(s) anonymized)` })
  return { orders: orders.rowCount ?? 0 }
}
