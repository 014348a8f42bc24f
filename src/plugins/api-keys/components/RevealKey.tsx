'use client'
/** Shows a new key once, right after it is created, with a copy button. */
import { Button, useConfig, useDocumentInfo } from '@payloadcms/ui'
import React, { useEffect, useState } from 'react'

export function RevealKey() {
  const { id } = useDocumentInfo()
  const { config } = useConfig()
  const [key, setKey] = useState<string | null>(null)
  const [copied, setCopied] = useState(false)
  useEffect(() => {
    if (!id) return
    void fetch(`${config.serverURL}${config.routes.api}/api-keys/${id}/reveal`, { method: 'POST', credentials: 'include' })
      .then((r) => (r.ok ? r.json() : null))
      .then((b: { key?: string } | null) => b?.key && setKey(b.key))
  }, [id, config.serverURL, config.routes.api])
  if (!key) return null
  return (
    <div
      className="field-type api-key-reveal"
      style={{ marginBottom: 'var(--base)', padding: 'calc(var(--base) / 2)', border: '1px solid var(--theme-success-500)' }}
    >
      <p>
        <strong>Your new key.</strong> Copy it now: it is not stored and will not be shown again.
      </p>
      <code className="api-key-reveal__key" style={{ wordBreak: 'break-all' }}>
        {key}
      </code>
      <div>
        <Button buttonStyle="secondary" size="small" onClick={() => void navigator.clipboard.writeText(key).then(() => setCopied(true))}>
          {copied ? 'Copied' : 'Copy key'}
        </Button>
      </div>
    </div>
  )
}
