import type { Metadata } from 'next'
import React from 'react'

import { poolOf } from '../../../../db/pool'
import { verifyEmail } from '../../../../domain/auth/emailVerification'
import { payloadInstance } from '../../data'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Confirm your e-mail', robots: { index: false } }

/** /account/verify?token=…: the link from the sign-up e-mail; confirms the address once and activates the account. */
export default async function VerifyPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = (await searchParams).token
  const token = Array.isArray(raw) ? raw[0] : raw
  const ok =
    token && token.length >= 20 && token.length <= 200
      ? await verifyEmail(poolOf(await payloadInstance()), token).then(
          () => true,
          () => false,
        )
      : false
  return (
    <section className="notice" role="status">
      {ok ? (
        <>
          <h1>Your e-mail is confirmed</h1>
          <p>
            Your account is active. <a href="/account/login">Sign in</a> to see your tickets.
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
