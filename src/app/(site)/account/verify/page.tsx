import type { Metadata } from 'next'
import React from 'react'

import { poolOf } from '../../../../db/pool'
import { confirmEmailChange } from '../../../../domain/auth/emailChange'
import { verifyEmail } from '../../../../domain/auth/emailVerification'
import { payloadInstance } from '../../data'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Confirm your e-mail', robots: { index: false } }

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)
const wellFormed = (t: string | undefined): t is string => Boolean(t && t.length >= 20 && t.length <= 200)

/**
 * /account/verify?token=…: the link from the sign-up e-mail; confirms the address once and
 * activates the account. /account/verify?change=…: the link sent to a new address; the account
 * takes that address, verified.
 */
export default async function VerifyPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const q = await searchParams
  const token = one(q.token)
  const change = one(q.change)
  const db = poolOf(await payloadInstance())
  const outcome: 'verified' | 'changed' | 'failed' = wellFormed(change)
    ? await confirmEmailChange(db, change).then(
        () => 'changed' as const,
        () => 'failed' as const,
      )
    : wellFormed(token)
      ? await verifyEmail(db, token).then(
          () => 'verified' as const,
          () => 'failed' as const,
        )
      : 'failed'
  return (
    <section className="notice" role="status">
      {outcome === 'verified' ? (
        <>
          <h1>Your e-mail is confirmed</h1>
          <p>
            Your account is active. <a href="/account/login">Sign in</a> to see your tickets.
          </p>
        </>
      ) : outcome === 'changed' ? (
        <>
          <h1>Your new e-mail is confirmed</h1>
          <p>
            Your account now uses this address. <a href="/account">Open your account</a>.
          </p>
        </>
      ) : (
        <>
          <h1>This link did not work</h1>
          <p>It was used already or is too old. Sign in, or sign up again.</p>
        </>
      )}
    </section>
  )
}
