import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import React from 'react'

import { SafeRichText } from '../../../../blocks/RichText/SafeRichText'
import { poolOf } from '../../../../db/pool'
import { eventPage, eventPageContent } from '../../../../domain/events/page'
import { formatMoney, formatWhen } from '../../../../domain/ticketing/format'
import { paymentMode } from '../../../../domain/ticketing/buyerOrder'
import { payloadInstance, withVersion } from '../../data'
import { LivePreviewListener } from '../../LivePreviewListener'
import { TicketPicker } from './TicketPicker'
import { WaitlistForm } from './WaitlistForm'

export const dynamic = 'force-dynamic'

type Props = { params: Promise<{ slug: string }> }
const valid = (slug: string) => /^[a-z0-9-]{1,200}$/.test(slug)

/** Content per content version; availability read live on every request. */
async function load(slug: string) {
  const payload = await payloadInstance()
  return eventPage(poolOf(payload), slug, new Date(), (db, s) => withVersion(`event ${s}`, () => eventPageContent(db, s)))
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params
  if (!valid(slug)) return {}
  const e = await load(slug)
  if (!e) return {}
  return {
    title: e.seo.title ? { absolute: e.seo.title } : e.title,
    description: e.seo.description ?? e.shortDescription ?? undefined,
    openGraph: e.image ? { images: [e.image.hero ?? e.image.url] } : undefined,
  }
}

const time = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso))

/** An event's page: when (in its own zone, named), where, the schedule, sponsors, tickets with live availability, and checkout. */
export default async function EventPage({ params }: Props) {
  const { slug } = await params
  if (!valid(slug)) notFound()
  const e = await load(slug)
  if (!e) notFound()
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: e.title,
    description: e.shortDescription ?? undefined,
    startDate: e.startDate,
    endDate: e.endDate,
    eventStatus: 'https://schema.org/EventScheduled',
    eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
    image: e.image ? [e.image.url] : undefined,
    location: e.venue
      ? {
          '@type': 'Place',
          name: e.venue.name,
          address: {
            '@type': 'PostalAddress',
            streetAddress: e.venue.address,
            addressLocality: e.venue.city,
            addressCountry: e.venue.country,
          },
        }
      : undefined,
    offers: e.ticketTypes.map((t) => ({
      '@type': 'Offer',
      name: t.name,
      price: (t.price / 100).toFixed(2),
      priceCurrency: t.currency,
      availability: t.available > 0 ? 'https://schema.org/InStock' : 'https://schema.org/SoldOut',
    })),
  }
  return (
    <article className="event">
      <LivePreviewListener />
      {/* JSON-LD: < escaped so content cannot close the script element. */}
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: JSON.stringify(jsonLd).replace(/</g, '\\u003c') }} />
      {e.image && <img className="hero__image" src={e.image.hero ?? e.image.url} alt={e.image.alt ?? ''} />}
      <h1>{e.title}</h1>
      <p className="when" data-testid="event-when">
        {formatWhen(new Date(e.startDate), new Date(e.endDate), e.timeZone)}
      </p>
      <p>
        <a href={`/events/${e.slug}/calendar.ics`}>Add to calendar</a>
      </p>
      {e.venue && (
        <p className="where">
          {e.venue.name}, {e.venue.address}, {e.venue.city}, {e.venue.country}
        </p>
      )}
      {e.shortDescription && <p>{e.shortDescription}</p>}
      {e.description && <SafeRichText data={e.description} />}
      {e.schedule.length > 0 && (
        <section>
          <h2>Schedule</h2>
          <ul className="schedule">
            {(e.schedule as Array<{ startTime: string; endTime: string; title?: unknown; location?: unknown }>).map((s, i) => (
              <li key={i}>
                {time(s.startTime, e.timeZone)}–{time(s.endTime, e.timeZone)} {String(s.title ?? '')}
                {s.location ? ` · ${String(s.location)}` : ''}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section>
        <h2>Tickets</h2>
        <table className="tickets">
          <tbody>
            {e.ticketTypes.map((t) => (
              <tr key={t.id}>
                <td>{t.name}</td>
                <td>{formatMoney(t.price, t.currency)}</td>
                <td>{!t.onSale ? 'Not on sale' : t.available > 0 ? `${t.available} left` : 'Sold out'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <TicketPicker
          payments={paymentMode()}
          ticketTypes={e.ticketTypes
            .filter((t) => t.onSale)
            .map((t) => ({ id: t.id, name: t.name, price: t.price, currency: t.currency, available: t.available, seated: t.seated }))}
        />
        <WaitlistForm
          eventId={e.id}
          ticketTypes={e.ticketTypes.filter((t) => t.onSale && t.available === 0).map((t) => ({ id: t.id, name: t.name }))}
        />
      </section>
      {e.sponsors.length > 0 && (
        <section>
          <h2>Sponsors</h2>
          <ul className="logos">
            {e.sponsors.map((s) => (
              <li key={s.slug ?? s.name}>{s.name}</li>
            ))}
          </ul>
        </section>
      )}
    </article>
  )
}
