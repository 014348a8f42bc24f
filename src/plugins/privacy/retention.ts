import type { Pool } from 'pg'

import { withTransaction } from '../../db/transaction'
import { erasePerson } from './data'
import type { RetentionPeriods } from './types'

export const DEFAULT_RETENTION: RetentionPeriods = { inactiveUserDays: 3 * 365, orderDays: 7 * 365, usageLogDays: 90, auditDays: 2 * 365, engagementDays: 2 * 365 }

const daysAgo = (now: Date, days: number) => new Date(now.getTime() - days * 86_400_000)

/** One pass of the retention policy. Each user's anonymization is its own transaction. */
export async function runRetention(db: Pool, periods: RetentionPeriods, now = new Date()) {
  const { rows: stale } = await db.query<{ id: string }>(
    `SELECT u.id FROM users u
      WHERE u.email NOT LIKE 'erased+%'
        AND COALESCE(u.last_login, u.created_at) < $1
        AND NOT EXISTS (SELECT 1 FROM users_rels ur JOIN roles r ON r.id = ur.roles_id WHERE ur.parent_id = u.id AND r.name = 'admin')`,
    [daysAgo(now, periods.inactiveUserDays)],
  )
  for (const u of stale) await withTransaction(db, (tx) => erasePerson(tx, u.id, null))
  const usersAnonymized = stale.length
  const orders = await db.query(
    `UPDATE orders SET billing_email = 'erased+' || id || '@invalid.example', billing_name = 'Erased person', billing_phone = NULL, billing_address = NULL,
            ip_address = NULL, user_agent = NULL, updated_at = now()
      WHERE created_at < $1 AND billing_email NOT LIKE 'erased+%'`,
    [daysAgo(now, periods.orderDays)],
  )
  const usage = await db.query(`DELETE FROM usage_logs WHERE created_at < $1`, [daysAgo(now, periods.usageLogDays)])
  const audit = await db.query(`DELETE FROM audit_logs WHERE created_at < $1`, [daysAgo(now, periods.auditDays)])
  // Per-person engagement records (the marketing layer's table, once it exists).
  const { rows: [has] } = await db.query(`SELECT to_regclass('public.user_engagement') IS NOT NULL AS ok`)
  const engagement = has.ok ? await db.query(`DELETE FROM user_engagement WHERE created_at < $1`, [daysAgo(now, periods.engagementDays)]) : { rowCount: 0 }
  const counters = await db.query(`DELETE FROM rate_limit_counters WHERE window_start < $1`, [daysAgo(now, 1)])
  return {
    usersAnonymized,
    ordersAnonymized: orders.rowCount ?? 0,
    usageLogsDeleted: usage.rowCount ?? 0,
    auditEntriesDeleted: audit.rowCount ?? 0,
    engagementDeleted: engagement.rowCount ?? 0,
    rateLimitWindowsDeleted: counters.rowCount ?? 0,
  }
}
