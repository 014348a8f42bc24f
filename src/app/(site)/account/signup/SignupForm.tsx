'use client'
/** Sign up on the storefront: the account starts pending; a confirmation e-mail activates it. */
import React, { useState } from 'react'

export function SignupForm() {
  const [done, setDone] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const submit = async (form: FormData) => {
    setError(null)
    const res = await fetch('/api/users', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ fullName: form.get('fullName'), email: form.get('email'), password: form.get('password') }),
    })
    const body = await res.json().catch(() => ({}))
    if (!res.ok)
      return setError(body.errors?.[0]?.data?.errors?.[0]?.message ?? body.errors?.[0]?.message ?? body.message ?? 'Sign-up failed.')
    setDone(true)
  }
  if (done)
    return (
      <p className="notice" role="status">
        Almost there: we sent you an e-mail with a link to confirm your address. Your account is active once you follow it.
      </p>
    )
  return (
    <form
      aria-label="Sign up"
      onSubmit={(e) => {
        e.preventDefault()
        void submit(new FormData(e.currentTarget))
      }}
    >
      <label style={{ display: 'block' }}>
        Name <input name="fullName" required autoComplete="name" />
      </label>
      <label style={{ display: 'block' }}>
        E-mail <input name="email" type="email" required autoComplete="email" />
      </label>
      <label style={{ display: 'block' }}>
        Password <input name="password" type="password" required autoComplete="new-password" minLength={10} />
      </label>
      <button className="button" type="submit">
        Create my account
      </button>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </form>
  )
}
