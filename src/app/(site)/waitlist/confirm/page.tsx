import type { Metadata } from 'next'
import React from 'react'

import { poolOf } from '../../../../db/pool'
import { confirmWaitlist } from '../../../../domain/ticketing/waitlistLine'
import { payloadInstance } from '../../data'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Confirm your place on the waitlist', robots: { index: false } }

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)

/** /waitlist/confirm?event=…&entry=…&token=…: the link from the waitlist e-mail; takes the place in line once. */
export default async function ConfirmWaitlistPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>
}) {
  const q = await searchParams
  const [event, entry, token] = [one(q.event), one(q.entry), one(q.token)]
  const valid = event && entry && token && UUID.test(event) && UUID.test(entry) && token.length >= 20 && token.length <= 200
  const done = valid
    ? await confirmWaitlist(poolOf(await payloadInstance()), event, entry, token).then(
        (r) => r,
        () => null,
      )
    : null
  return (
    <section className="notice" role="status">
      {done ? (
        <>
          <h1>You are in line</h1>
          <p>
            You are number {done.position} in line for {done.quantity} ticket{done.quantity === 1 ? '' : 's'}. If tickets free up, we hold
            them for you and e-mail you a link to pay.
          </p>
        </>
      ) : (
        <>
          <h1>This link did not work</h1>
          <p>It was used already or is too old. Join the waitlist again from the event page.</p>
        </>
      )}
    </section>
  )
}
