'use client'
/** Sign in on the storefront (Payload's login sets the session cookie); a two-factor code when the account has it on. */
import React, { useState } from 'react'

export function LoginForm() {
  const [error, setError] = useState<string | null>(null)
  const submit = async (form: FormData) => {
    setError(null)
    const totp = String(form.get('totp') ?? '').trim()
    const res = await fetch('/api/users/login', {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: form.get('email'), password: form.get('password'), ...(totp ? { totp } : {}) }),
    })
    const body = await res.json().catch(() => ({}))
    if (!res.ok) return setError(body.errors?.[0]?.message ?? body.message ?? 'Those details did not work.')
    window.location.assign('/account')
  }
  return (
    <form
      aria-label="Sign in"
      onSubmit={(e) => {
        e.preventDefault()
        void submit(new FormData(e.currentTarget))
      }}
    >
      <label style={{ display: 'block' }}>
        E-mail <input name="email" type="email" required autoComplete="username" />
      </label>
      <label style={{ display: 'block' }}>
        Password <input name="password" type="password" required autoComplete="current-password" />
      </label>
      <label style={{ display: 'block' }}>
        Two-factor code (if you turned it on) <input name="totp" inputMode="numeric" autoComplete="one-time-code" />
      </label>
      <button className="button" type="submit">
        Sign in
      </button>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </form>
  )
}
