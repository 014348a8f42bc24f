'use client'
/** /account/forgot: asks for a reset link by e-mail (the answer is the same whether or not the address has an account). */
import React, { useState } from 'react'

export default function ForgotPage() {
  const [sent, setSent] = useState(false)
  return (
    <section>
      <h1>Forgot your password?</h1>
      {sent ? (
        <p className="notice" role="status">
          If that address has an account, a reset link is on its way.
        </p>
      ) : (
        <form
          aria-label="Forgot password"
          onSubmit={(e) => {
            e.preventDefault()
            const email = String(new FormData(e.currentTarget).get('email') ?? '')
            void fetch('/api/users/forgot-password', {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ email }),
            }).finally(() => setSent(true))
          }}
        >
          <label style={{ display: 'block' }}>
            E-mail <input name="email" type="email" required autoComplete="email" />
          </label>
          <button className="button" type="submit">
            Send me a link
          </button>
        </form>
      )}
    </section>
  )
}
