'use client'
/** Order edit view: a refund action for completed paid orders (the Stripe webhook finishes it). */
import { Button, useConfig, useDocumentInfo, useFormFields } from '@payloadcms/ui'
import React, { useState } from 'react'

export function RefundOrder() {
  const { id } = useDocumentInfo()
  const { config } = useConfig()
  const status = useFormFields(([fields]) => fields.status?.value as string | undefined)
  const [message, setMessage] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  if (!id || (status !== 'completed' && status !== 'partially_refunded')) return null
  const refund = async () => {
    if (!window.confirm('Refund everything left on this order through Stripe? Its remaining tickets will be voided.')) return
    setBusy(true)
    const res = await fetch(`${config.serverURL}${config.routes.api}/orders/${id}/refund`, { method: 'POST', credentials: 'include' })
    const body = await res.json()
    setBusy(false)
    setMessage(
      res.ok
        ? `Refund ${body.refund.id} of ${body.refund.amount} (minor units): ${body.refund.status}; the order is now ${body.order.status}.`
        : body.message,
    )
  }
  return (
    <div className="field-type refund-order" style={{ marginBottom: 'var(--base)' }}>
      <Button buttonStyle="secondary" disabled={busy} onClick={refund}>
        {busy ? 'Refunding…' : 'Refund order'}
      </Button>
      {message && <p>{message}</p>}
    </div>
  )
}
