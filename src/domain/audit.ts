import type { PoolClient, Pool } from 'pg'

/**
 * Audit entries for changes the domain code makes in SQL (checkout, payments, check-in), in the
 * same transaction as the change, in the audit-log plugin's table.
 */
export async function auditInTx(
  tx: PoolClient | Pool,
  entry: {
    action: 'create' | 'update' | 'delete' | 'erasure'
    collection: string
    documentId: string
    summary: string
    changes?: unknown
    actor?: string | null
  },
): Promise<void> {
  await tx.query(`INSERT INTO audit_logs (action, collection, document_id, actor_id, summary, changes) VALUES ($1, $2, $3, $4, $5, $6)`, [
    entry.action,
    entry.collection,
    entry.documentId,
    entry.actor ?? null,
    entry.summary,
    JSON.stringify(entry.changes ?? null),
  ])
}
