'use client'
/** Email campaign edit view: "Send now" queues the campaign for the send job (POST /api/email-campaigns/:id/send). */
import { Button, useConfig, useDocumentInfo, useFormFields } from '@payloadcms/ui'
import React, { useState } from 'react'

export function SendEmailNow() {
  const { id } = useDocumentInfo()
  const { config } = useConfig()
  const status = useFormFields(([fields]) => fields.status?.value as string | undefined)
  const [message, setMessage] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  if (!id || !['draft', 'scheduled'].includes(status ?? '')) return null
  const send = async () => {
    if (!window.confirm('Send this email to its segment now?')) return
    setBusy(true)
    const res = await fetch(`${config.serverURL}${config.routes.api}/email-campaigns/${id}/send`, {
      method: 'POST',
      credentials: 'include',
    })
    const body = await res.json()
    setBusy(false)
    setMessage(res.ok ? `Queued for ${body.recipients} recipient(s); the send job delivers it within a minute.` : body.message)
  }
  return (
    <div className="send-email-now">
      <Button buttonStyle="secondary" size="small" disabled={busy} onClick={send}>
        {busy ? 'Queuing…' : 'Send now'}
      </Button>
      {message && <span style={{ marginLeft: 8 }}>{message}</span>}
    </div>
  )
}
