import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import React from 'react'

import { poolOf } from '../../../../db/pool'
import { formatWhen } from '../../../../domain/ticketing/format'
import { ticketByCode } from '../../../../domain/ticketing/myTickets'
import { payloadInstance } from '../../data'
import { qrSvg } from '../../../../domain/ticketing/qr'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Ticket', robots: { index: false } }

/** /tickets/<code>: the ticket to show at the door, its QR code large; no personal data (the code is the secret). */
export default async function TicketPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params
  if (!/^[A-Z0-9-]{8,60}$/.test(code)) notFound()
  const t = await ticketByCode(poolOf(await payloadInstance()), code)
  if (!t) notFound()
  return (
    <section className="notice" style={{ textAlign: 'center' }}>
      <h1>{t.title}</h1>
      <p className="when">{formatWhen(new Date(t.start_date), new Date(t.end_date), t.time_zone)}</p>
      <p>
        {t.ticket_type}
        {t.seat_section ? ` · ${t.seat_section}, row ${t.seat_row}, seat ${t.seat_number}` : ''}
      </p>
      <div role="img" aria-label={`QR code of ticket ${t.code}`} dangerouslySetInnerHTML={{ __html: await qrSvg(t.code) }} />
      <p>
        <code>{t.code}</code> · {String(t.status).replace('_', ' ')}
      </p>
    </section>
  )
}
