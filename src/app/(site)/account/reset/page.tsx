'use client'
/** /account/reset?token=…: choose a new password (the password policy applies, with its message). */
import React, { useState } from 'react'

export default function ResetPage() {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null)
  const submit = async (password: string) => {
    const token = new URLSearchParams(window.location.search).get('token') ?? ''
    const res = await fetch('/api/users/reset-password', {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token, password }),
    })
    const body = await res.json().catch(() => ({}))
    if (res.ok) return setMessage({ ok: true, text: 'Your password is changed and you are signed in.' })
    setMessage({ ok: false, text: body.errors?.[0]?.data?.errors?.[0]?.message ?? body.errors?.[0]?.message ?? 'That link did not work.' })
  }
  return (
    <section>
      <h1>Choose a new password</h1>
      {message?.ok ? (
        <p className="notice" role="status">
          {message.text} <a href="/account">My tickets</a>
        </p>
      ) : (
        <form
          aria-label="Reset password"
          onSubmit={(e) => {
            e.preventDefault()
            void submit(String(new FormData(e.currentTarget).get('password') ?? ''))
          }}
        >
          <label style={{ display: 'block' }}>
            New password <input name="password" type="password" required autoComplete="new-password" />
          </label>
          <button className="button" type="submit">
            Change my password
          </button>
          {message && (
            <p className="error" role="alert">
              {message.text}
            </p>
          )}
        </form>
      )}
    </section>
  )
}
