'use client'
/**
 * In the admin's live preview (an iframe of this page, signed-in editors in draft mode), the
 * page re-renders on the server whenever the editor's draft is saved (pages autosave), so an
 * unsaved-to-published change shows as it is typed.
 */
import { RefreshRouteOnSave } from '@payloadcms/live-preview-react'
import { useRouter } from 'next/navigation'
import React from 'react'

export function LivePreviewListener() {
  const router = useRouter()
  const serverURL = typeof window === 'undefined' ? '' : window.location.origin
  return <RefreshRouteOnSave refresh={() => router.refresh()} serverURL={serverURL} />
}
