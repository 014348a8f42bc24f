'use client'
/**
 * Below the admin login form: the authenticator code for accounts with two-factor on. It is
 * handed to the login request as a short-lived, same-site cookie (Payload's form sends only
 * email and password), and cleared when the page goes.
 */
import React, { useEffect } from 'react'

const NAME = 'fsh-totp'

export function TwoFactorCode() {
  useEffect(() => () => void (document.cookie = `${NAME}=; Max-Age=0; Path=/; SameSite=Strict`), [])
  return (
    <div className="field-type two-factor-code" style={{ marginTop: 'var(--base)' }}>
      <label className="field-label" htmlFor="field-totp">
        Two-factor code (if enabled)
      </label>
      <input
        id="field-totp"
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
        pattern="\d{6}"
        onChange={(e) => {
          const v = e.target.value.replace(/\D/g, '')
          document.cookie = `${NAME}=${v}; Max-Age=120; Path=/api/users/login; SameSite=Strict${location.protocol === 'https:' ? '; Secure' : ''}`
        }}
        style={{ width: '100%', padding: '8px' }}
      />
    </div>
  )
}
