/**
 * /admin/analytics: the sales, marketing and sponsorship dashboard. A server view in the admin
 * layout; the charts are drawn in the browser from the same /api/reports endpoints partners use.
 */
import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import type { AdminViewServerProps } from 'payload'
import React from 'react'

import { can, getPrincipal } from '../../../access/principal'
import { AnalyticsDashboard } from './AnalyticsDashboard'

export async function AnalyticsView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req, permissions, visibleEntities, locale } = initPageResult
  const principal = await getPrincipal(req)
  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={locale}
      params={params}
      payload={req.payload}
      permissions={permissions}
      searchParams={searchParams}
      user={req.user || undefined}
      visibleEntities={visibleEntities}
    >
      <Gutter>
        <h1 style={{ marginBottom: 'var(--base)' }}>Analytics</h1>
        {can(principal, 'reports', 'read') ? (
          <AnalyticsDashboard />
        ) : (
          <p>The analytics dashboard is for administrators and the marketing team (reports:read).</p>
        )}
      </Gutter>
    </DefaultTemplate>
  )
}
