import type { Metadata } from 'next'
import React from 'react'

import { LoginForm } from './LoginForm'

export const metadata: Metadata = { title: 'Sign in', robots: { index: false } }

export default function LoginPage() {
  return (
    <section>
      <h1>Sign in</h1>
      <LoginForm />
      <p>
        New here? <a href="/account/signup">Create an account</a>. <a href="/account/forgot">Forgot your password?</a>
      </p>
    </section>
  )
}
