/**
 * Where this app keeps a person's data, for the privacy plugin's export and erasure, and its
 * retention rules. A collection that starts holding personal data adds its source here.
 */
import crypto from 'node:crypto'

import type { Pool, PoolClient } from 'pg'

import { isApiKeyRequest, ScopeRequiredError, scopeRequiredBody, SESSION_SCOPE } from '../access/accountActions'
import { SUPERUSER_ROLE } from '../access/vocabulary'
import { can, getPrincipal } from '../access/principal'
import { slugs } from '../config/slugs'
import { auditInTx } from '../domain/audit'
import { decryptValue } from '../plugins/field-encryption'
import type { PersonalDataSource, PrivacyOptions, RetentionTask } from '../plugins/privacy'

type Row = Record<string, unknown>
const ERASED = 'Erased person'
const rows = async (db: Pool, sql: string, params: unknown[]) => (await db.query(sql, params)).rows as Row[]
const decryptRow = (r: Row, cols: string[]) => {
  for (const c of cols) if (c in r) r[c] = decryptValue(r[c])
  return r
}
/**
 * The account's address when it is verified, else null: guest purchases and tickets made with an
 * address are this person's only once they proved the address (review finding 2).
 */
const verifiedEmailOf = async (db: Pool | PoolClient, userId: string): Promise<string | null> => {
  const [u] = (await db.query(`SELECT email, email_verified FROM users WHERE id = $1`, [userId])).rows as Row[]
  return u && u.email_verified ? String(u.email) : null
}

/** The account: profile, roles, consents; erased last-resort fields, sessions and password. */
const account: PersonalDataSource = {
  name: 'account',
  export: async (userId, db) => {
    const [a] = await rows(
      db,
      `SELECT id, email, full_name, phone, user_type, status, email_verified, phone_verified, two_factor_enabled, last_login, created_at, updated_at,
              profile_bio, profile_company, profile_position, profile_location, profile_website, profile_preferences,
              profile_notification_settings_email, profile_notification_settings_sms, profile_notification_settings_push,
              profile_notification_settings_marketing
         FROM users WHERE id = $1`,
      [userId],
    )
    if (!a) return { account: null }
    decryptRow(a, ['phone'])
    const roles = (
      await rows(db, `SELECT r.name FROM users_rels ur JOIN roles r ON r.id = ur.roles_id WHERE ur.parent_id = $1 AND ur.path = 'roles'`, [
        userId,
      ])
    ).map((r) => r.name)
    const socialLinks = await rows(db, `SELECT platform, url FROM users_profile_social_links WHERE _parent_id = $1 ORDER BY _order`, [
      userId,
    ])
    const interests = (
      await rows(db, `SELECT text FROM users_texts WHERE parent_id = $1 AND path = 'profile.interests' ORDER BY "order"`, [userId])
    ).map((r) => r.text)
    return {
      account: { ...a, roles, socialLinks, interests },
      consents: {
        notifications: {
          email: a.profile_notification_settings_email,
          sms: a.profile_notification_settings_sms,
          push: a.profile_notification_settings_push,
          marketingEmail: a.profile_notification_settings_marketing,
        },
        preferences: a.profile_preferences ?? null,
      },
    }
  },
  erase: async (p, tx) => {
    await tx.query(`DELETE FROM users_profile_social_links WHERE _parent_id = $1`, [p.id])
    await tx.query(`DELETE FROM users_texts WHERE parent_id = $1`, [p.id])
    await tx.query(`DELETE FROM users_sessions WHERE _parent_id = $1`, [p.id])
    await tx.query(
      `UPDATE users SET email = $2, full_name = $3, phone = NULL, profile_image_id = NULL, profile_bio = NULL, profile_company = NULL, profile_position = NULL,
              profile_location = NULL, profile_website = NULL, profile_preferences = NULL, status = 'inactive', email_verified = false, phone_verified = false,
              profile_notification_settings_marketing = false,
              hash = $4, salt = $4, reset_password_token = NULL, reset_password_expiration = NULL, updated_at = now()
        WHERE id = $1`,
      [p.id, p.placeholder, ERASED, crypto.randomBytes(32).toString('hex')],
    )
  },
}

/** Orders (kept for accounting, personal fields blanked), tickets, discount redemptions, ticketing e-mail. */
const ticketing: PersonalDataSource = {
  name: 'ticketing',
  export: async (userId, db) => {
    const email = await verifiedEmailOf(db, userId)
    const orders = (
      await rows(
        db,
        `SELECT o.id, o.status, o.subtotal, o.discount, o.tax, o.total, o.currency, o.billing_email, o.billing_name, o.billing_phone, o.billing_address,
                o.ip_address, o.user_agent, o.created_at, o.completed_at, o.refunded_at, e.title AS event,
                COALESCE((SELECT json_agg(json_build_object('ticketType', tt.name, 'quantity', oi.quantity, 'unitPrice', oi.unit_price, 'finalPrice', oi.final_price))
                            FROM order_items oi JOIN ticket_types tt ON tt.id = oi.ticket_type_id WHERE oi.order_id = o.id), '[]') AS items
           FROM orders o JOIN events e ON e.id = o.event_id
          WHERE o.buyer_id = $1 OR lower(o.billing_email) = lower($2) ORDER BY o.created_at`,
        [userId, email],
      )
    ).map((r) => decryptRow(r, ['billing_phone', 'billing_address']))
    const tickets = await rows(
      db,
      `SELECT t.code, t.status, t.attendee_name, t.attendee_email, t.checked_in_at, tt.name AS ticket_type, e.title AS event
         FROM tickets t JOIN orders o ON o.id = t.order_id JOIN ticket_types tt ON tt.id = t.ticket_type_id JOIN events e ON e.id = t.event_id
        WHERE o.buyer_id = $1 OR lower(o.billing_email) = lower($2) OR lower(t.attendee_email) = lower($2)`,
      [userId, email],
    )
    const waitlists = await rows(
      db,
      `SELECT w.email, w.name, w.quantity, w.status, w.created_at, w.offered_at, tt.name AS ticket_type, e.title AS event
         FROM waitlist_entries w JOIN ticket_types tt ON tt.id = w.ticket_type_id JOIN events e ON e.id = w.event_id
        WHERE w.user_id = $1 OR w.email = lower($2) ORDER BY w.created_at`,
      [userId, email],
    )
    return { orders, tickets, waitlists }
  },
  erase: async (p, tx) => {
    const byEmail = await verifiedEmailOf(tx, p.id)
    const orders = await tx.query(
      `UPDATE orders SET billing_email = $2, billing_name = $3, billing_phone = NULL, billing_address = NULL, ip_address = NULL, user_agent = NULL, updated_at = now()
        WHERE buyer_id = $1 OR lower(billing_email) = lower($4) RETURNING id`,
      [p.id, p.placeholder, ERASED, byEmail],
    )
    const ids = orders.rows.map((r) => r.id)
    await tx.query(
      `UPDATE tickets SET attendee_name = $2, attendee_email = NULL, updated_at = now() WHERE order_id = ANY($1::uuid[]) OR lower(attendee_email) = lower($3)`,
      [ids, ERASED, byEmail],
    )
    await tx.query(
      `UPDATE discount_redemptions SET buyer_email = $2, buyer_key = NULL WHERE buyer_id = $1 OR lower(buyer_email) = lower($3)`,
      [p.id, p.placeholder, byEmail],
    )
    // Their places in waitlists: left, name and address blanked (the line's order stays).
    await tx.query(
      `UPDATE waitlist_entries SET email = 'erased-' || id || '@invalid', name = $2, user_id = NULL,
              status = CASE WHEN status IN ('waiting', 'offered') THEN 'left'::enum_waitlist_entries_status ELSE status END, updated_at = now()
        WHERE user_id = $1 OR email = lower($3)`,
      [p.id, ERASED, byEmail],
    )
    // Ticketing e-mail to or about the person (sent or not) goes: it holds their address.
    await tx.query(`DELETE FROM notifications WHERE lower(recipient) = lower($1) OR order_id = ANY($2::uuid[])`, [byEmail, ids])
    return { orders: orders.rowCount ?? 0 }
  },
}

/** What the security plugins logged about the person: audit entries, API keys and their usage, webhook payloads. */
const security: PersonalDataSource = {
  name: 'security',
  export: async (userId, db) => ({
    engagement: {
      activity: await rows(
        db,
        `SELECT action, collection, document_id, summary, ip, user_agent, created_at FROM audit_logs WHERE actor_id = $1 ORDER BY created_at DESC LIMIT 1000`,
        [userId],
      ),
      apiKeys: await rows(db, `SELECT name, prefix, active, expires_at, last_used_at, created_at FROM api_keys WHERE owner_id = $1`, [
        userId,
      ]),
    },
  }),
  erase: async (p, tx) => {
    // Past log lines about the person lose what identifies them (the entries themselves stay).
    await tx.query(
      `UPDATE audit_logs SET actor_email = NULL, ip = NULL, user_agent = NULL,
              summary = replace(replace(summary, $2, '[erased]'), $3, '[erased]'),
              changes = CASE WHEN changes::text ILIKE '%' || $2 || '%' OR changes::text ILIKE '%' || $3 || '%' THEN '"[erased]"'::jsonb ELSE changes END
        WHERE actor_id = $1 OR document_id = $1::text OR summary ILIKE '%' || $2 || '%' OR changes::text ILIKE '%' || $2 || '%' OR changes::text ILIKE '%' || $3 || '%'`,
      [p.id, p.email, p.name],
    )
    await tx.query(
      `UPDATE usage_logs SET ip = NULL, user_agent = NULL WHERE key_prefix IN (SELECT prefix FROM api_keys WHERE owner_id = $1)`,
      [p.id],
    )
    // Webhook payloads already queued or sent keep their type and ids, not the person.
    await tx.query(
      `UPDATE webhook_events SET data = jsonb_build_object('erased', true) WHERE data::text ILIKE '%' || $1 || '%' OR data::text ILIKE '%' || $2 || '%' OR data::text ILIKE '%' || $3 || '%'`,
      [p.email, p.name, p.id],
    )
  },
}

/** Marketing: tracked behaviour goes, list memberships go; campaign counts stay (sends keep their status without the address). */
const marketing: PersonalDataSource = {
  name: 'marketing',
  export: async (userId, db) => ({
    engagement: {
      tracked: await rows(
        db,
        `SELECT type, source, event_id, session_id, data, ip, user_agent, occurred_at FROM user_engagement WHERE user_id = $1 ORDER BY occurred_at DESC LIMIT 5000`,
        [userId],
      ),
      emails: await rows(
        db,
        `SELECT c.subject, s.email, s.status, s.sent_at, s.opened_at, s.clicked_at, s.unsubscribed_at
           FROM email_sends s JOIN email_campaigns c ON c.id = s.email_campaign_id WHERE s.user_id = $1 ORDER BY s.created_at`,
        [userId],
      ),
      segments: (
        await rows(
          db,
          `SELECT ms.name FROM marketing_segments_rels r JOIN marketing_segments ms ON ms.id = r.parent_id WHERE r.users_id = $1 AND r.path = 'members'`,
          [userId],
        )
      ).map((r) => r.name),
    },
  }),
  erase: async (p, tx) => {
    await tx.query(`DELETE FROM user_engagement WHERE user_id = $1`, [p.id])
    await tx.query(`UPDATE email_sends SET email = $2, error = NULL WHERE user_id = $1`, [p.id, p.placeholder])
    await tx.query(`DELETE FROM marketing_segments_rels WHERE users_id = $1`, [p.id])
  },
}

export type RetentionPeriods = {
  inactiveUserDays: number
  orderDays: number
  usageLogDays: number
  auditDays: number
  engagementDays: number
}
export const DEFAULT_RETENTION: RetentionPeriods = {
  inactiveUserDays: 3 * 365,
  orderDays: 7 * 365,
  usageLogDays: 90,
  auditDays: 2 * 365,
  engagementDays: 2 * 365,
}

const before = (now: Date, days: number) => new Date(now.getTime() - days * 86_400_000)
const count = async (db: Pool, sql: string, params: unknown[]) => (await db.query(sql, params)).rowCount ?? 0

function retentionTasks(p: RetentionPeriods): RetentionTask[] {
  return [
    {
      name: 'ordersAnonymized',
      run: (db, now) =>
        count(
          db,
          `UPDATE orders SET billing_email = 'erased+' || id || '@invalid.example', billing_name = 'Erased person', billing_phone = NULL, billing_address = NULL,
                  ip_address = NULL, user_agent = NULL, updated_at = now()
            WHERE created_at < $1 AND billing_email NOT LIKE 'erased+%'`,
          [before(now, p.orderDays)],
        ),
    },
    {
      name: 'usageLogsDeleted',
      run: (db, now) => count(db, `DELETE FROM usage_logs WHERE created_at < $1`, [before(now, p.usageLogDays)]),
    },
    {
      name: 'auditEntriesDeleted',
      run: (db, now) => count(db, `DELETE FROM audit_logs WHERE created_at < $1`, [before(now, p.auditDays)]),
    },
    {
      name: 'engagementDeleted',
      run: (db, now) => count(db, `DELETE FROM user_engagement WHERE created_at < $1`, [before(now, p.engagementDays)]),
    },
    {
      name: 'rateLimitWindowsDeleted',
      run: (db, now) => count(db, `DELETE FROM rate_limit_counters WHERE window_start < $1`, [before(now, 1)]),
    },
  ]
}

export function privacyOptions(periods: Partial<RetentionPeriods> = {}): PrivacyOptions {
  const p = { ...DEFAULT_RETENTION, ...periods }
  return {
    userCollection: slugs.users,
    // Ticketing before the account: it reads whether the address is verified before the account is blanked.
    sources: [ticketing, account, security, marketing],
    identify: async (userId, tx) => {
      const {
        rows: [u],
      } = await tx.query(`SELECT email, full_name FROM users WHERE id = $1 FOR UPDATE`, [userId])
      return u ? { email: String(u.email), name: String(u.full_name ?? '') } : null
    },
    onErased: (person, actorId, counts, tx) =>
      auditInTx(tx, {
        action: 'erasure',
        collection: slugs.users,
        documentId: person.id,
        actor: actorId,
        summary: `personal data of user ${person.id} erased (${counts.orders ?? 0} order(s) anonymized)`,
      }),
    // Export and erasure are account actions: never through an API key.
    refuse: (req) =>
      isApiKeyRequest(req)
        ? { status: 403, body: scopeRequiredBody(new ScopeRequiredError(SESSION_SCOPE, 'Exporting or erasing personal data')) }
        : null,
    isManager: async (req) => can(await getPrincipal(req), slugs.users, 'manage'),
    handlesRequests: async (req, action) => can(await getPrincipal(req), slugs.dataSubjectRequests, action),
    inactiveUsers: {
      days: p.inactiveUserDays,
      // Administrators are never anonymized for inactivity.
      find: async (db, cutoff) =>
        (
          await db.query<{ id: string }>(
            `SELECT u.id FROM users u
              WHERE u.email NOT LIKE 'erased+%' AND COALESCE(u.last_login, u.created_at) < $1
                AND NOT EXISTS (SELECT 1 FROM users_rels ur JOIN roles r ON r.id = ur.roles_id WHERE ur.parent_id = u.id AND r.name = $2)`,
            [cutoff, SUPERUSER_ROLE],
          )
        ).rows.map((r) => r.id),
    },
    retention: retentionTasks(p),
  }
}
