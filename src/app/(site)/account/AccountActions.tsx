'use client'
/** The account's own switches: marketing consent, the GDPR export and erasure, signing out. */
import React, { useState } from 'react'

export function AccountActions({ userId, marketing }: { userId: string; marketing: boolean }) {
  const [consent, setConsent] = useState(marketing)
  const [message, setMessage] = useState<string | null>(null)
  const call = (path: string, method: string, body?: unknown) =>
    fetch(`/api${path}`, {
      method,
      credentials: 'include',
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  const toggle = async (next: boolean) => {
    const res = await call(`/users/${userId}`, 'PATCH', { profile: { notificationSettings: { marketing: next } } })
    if (res.ok) setConsent(next)
    setMessage(res.ok ? (next ? 'You will receive our news.' : 'No more marketing e-mail.') : 'That did not work; try again.')
  }
  const erase = async () => {
    if (!window.confirm('Erase your account and personal data? Orders stay for accounting, without your name. This cannot be undone.'))
      return
    const res = await call('/privacy/erase', 'POST', { confirm: true })
    if (!res.ok) return setMessage('Erasure failed; contact us.')
    window.location.assign('/')
  }
  const signOut = async () => {
    await call('/users/logout', 'POST')
    window.location.assign('/')
  }
  return (
    <section>
      <h2>Your account</h2>
      <label>
        <input type="checkbox" checked={consent} onChange={(e) => void toggle(e.target.checked)} /> Send me news and offers by e-mail
      </label>
      <p>
        <a href="/api/privacy/export" download="my-fashionistas-data.json">
          Download my data
        </a>{' '}
        ·{' '}
        <button type="button" className="button button--outline" onClick={() => void erase()}>
          Erase my account
        </button>{' '}
        ·{' '}
        <button type="button" className="button button--secondary" onClick={() => void signOut()}>
          Sign out
        </button>
      </p>
      {message && <p role="status">{message}</p>}
    </section>
  )
}
