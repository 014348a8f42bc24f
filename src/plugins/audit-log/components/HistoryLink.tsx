'use client'
/** Sidebar link from an audited document's edit view to its audit history. */
import { Link, useConfig, useDocumentInfo } from '@payloadcms/ui'
import React from 'react'

export function HistoryLink({ auditSlug = 'audit-logs' }: { auditSlug?: string }) {
  const { id, collectionSlug } = useDocumentInfo()
  const { config } = useConfig()
  if (!id) return null
  const where = `where[and][0][collection][equals]=${collectionSlug}&where[and][1][documentId][equals]=${id}`
  return (
    <div className="field-type audit-history" style={{ marginBottom: 'var(--base)' }}>
      <Link href={`${config.routes.admin}/collections/${auditSlug}?${where}`}>View change history</Link>
    </div>
  )
}
