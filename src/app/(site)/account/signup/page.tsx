import type { Metadata } from 'next'
import React from 'react'

import { SignupForm } from './SignupForm'

export const metadata: Metadata = { title: 'Create an account', robots: { index: false } }

export default function SignupPage() {
  return (
    <section>
      <h1>Create an account</h1>
      <SignupForm />
      <p>
        Already have one? <a href="/account/login">Sign in</a>.
      </p>
    </section>
  )
}
