'use client'
/** "Analytics" in the admin navigation, after the collections. */
import { useConfig } from '@payloadcms/ui'
import Link from 'next/link'
import React from 'react'

export function AnalyticsNavLink() {
  const { config } = useConfig()
  return (
    <Link
      href={`${config.routes.admin}/analytics`}
      className="nav__link"
      id="nav-analytics"
      style={{ display: 'block', padding: '4px 0', fontWeight: 600 }}
    >
      Analytics
    </Link>
  )
}
