'use client'
/** Webhook delivery edit view: replay the delivery (POST /api/webhook-deliveries/:id/replay). */
import { Button, useConfig, useDocumentInfo } from '@payloadcms/ui'
import React, { useState } from 'react'

export function Replay() {
  const { id } = useDocumentInfo()
  const { config } = useConfig()
  const [message, setMessage] = useState<string | null>(null)
  if (!id) return null
  const replay = async () => {
    const res = await fetch(`${config.serverURL}${config.routes.api}/webhook-deliveries/${id}/replay`, {
      method: 'POST',
      credentials: 'include',
    })
    const body = await res.json()
    setMessage(
      res.ok ? `Replayed: ${body.delivery.status}${body.delivery.statusCode ? ` (HTTP ${body.delivery.statusCode})` : ''}` : body.message,
    )
  }
  return (
    <div className="webhook-replay">
      <Button buttonStyle="secondary" size="small" onClick={replay}>
        Replay
      </Button>
      {message && <span style={{ marginLeft: 8 }}>{message}</span>}
    </div>
  )
}
