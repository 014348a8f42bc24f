import type { Metadata } from 'next'
import { redirect } from 'next/navigation'
import React from 'react'

import { poolOf } from '../../../db/pool'
import { myTickets } from '../../../domain/ticketing/myTickets'
import { formatWhen } from '../../../domain/ticketing/format'
import { payloadInstance, viewer } from '../data'
import { qrSvg } from '../../../domain/ticketing/qr'
import { AccountActions } from './AccountActions'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'My tickets', robots: { index: false } }

/** "My tickets": every ticket of the signed-in person with its QR code and seat, and the account's own switches. */
export default async function AccountPage() {
  const payload = await payloadInstance()
  const user = await viewer(payload)
  if (!user) redirect('/account/login')
  const tickets = await myTickets(poolOf(payload), String(user.id))
  const codes = await Promise.all(tickets.map((t) => qrSvg(t.code)))
  const marketing = Boolean(
    (user as { profile?: { notificationSettings?: { marketing?: boolean } } }).profile?.notificationSettings?.marketing,
  )
  return (
    <>
      <h1>My tickets</h1>
      {tickets.length === 0 && (
        <p>
          No tickets yet. <a href="/events">Find an event</a>.
        </p>
      )}
      <ul className="cards">
        {tickets.map((t, i) => (
          <li key={t.code} className="card" data-testid="my-ticket">
            <h2>{t.event.title}</h2>
            <p className="when">{formatWhen(new Date(t.event.startDate), new Date(t.event.endDate), t.event.timeZone)}</p>
            {t.event.venue && <p className="where">{t.event.venue}</p>}
            <p>
              {t.ticketType}
              {t.seat ? ` · ${t.seat.section}, row ${t.seat.row}, seat ${t.seat.number}` : ''} · {t.status.replace('_', ' ')}
            </p>
            <div aria-label={`QR code of ticket ${t.code}`} role="img" dangerouslySetInnerHTML={{ __html: codes[i] }} />
            <p>
              <a href={`/tickets/${t.code}`}>
                <code>{t.code}</code>
              </a>{' '}
              · <a href={`/events/${t.event.slug}/calendar.ics`}>Add to calendar</a>
            </p>
          </li>
        ))}
      </ul>
      <AccountActions userId={String(user.id)} marketing={marketing} />
    </>
  )
}
