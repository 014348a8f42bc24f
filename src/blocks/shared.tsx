/** What the storefront's block components (and its pages) share: media URLs and images, safe links, the event card. */
import React from 'react'

import type { EventCard } from '../domain/events/listing'
import { formatMoney, formatWhen } from '../domain/ticketing/format'

export type MediaLike =
  | {
      url?: string | null
      alt?: string | null
      width?: number | null
      height?: number | null
      sizes?: Record<string, { url?: string | null }>
    }
  | string
  | null
  | undefined

/** The URL of a populated media document (a size when it exists), or null when it is only an id. */
export function mediaUrl(media: MediaLike, size?: string): string | null {
  if (!media || typeof media === 'string') return null
  return (size && media.sizes?.[size]?.url) || media.url || null
}

export function Img({ media, size, className }: { media: MediaLike; size?: string; className?: string }) {
  const src = mediaUrl(media, size)
  if (!src || !media || typeof media === 'string') return null
  return (
    <img
      className={className}
      src={src}
      alt={media.alt ?? ''}
      width={media.width ?? undefined}
      height={media.height ?? undefined}
      loading="lazy"
    />
  )
}

/**
 * A link target an editor typed, made safe to render: a path on this site (`/…`, but not `//…`
 * or `/\\…`, which browsers read as another host), `#…`, or an http(s), mailto or tel URL;
 * anything else (`javascript:`, `data:`, control characters or backslashes browsers strip or
 * rewrite) becomes `#`.
 */
export const safeHref = (url: unknown): string => {
  if (typeof url !== 'string' || url.length > 2048) return '#'
  if (/[\u0000-\u001f\u007f\\]/.test(url)) return '#'
  return /^(\/(?![/\\])|#|https?:\/\/[^/]|mailto:|tel:)/i.test(url) ? url : '#'
}

/** One event as a card: image, title linking to its page, when (in its zone), where, and the lowest price when asked. */
export function EventCardView({
  event: e,
  heading = 'h3',
  showPrice = false,
}: {
  event: EventCard
  heading?: 'h2' | 'h3'
  showPrice?: boolean
}) {
  const H = heading
  return (
    <li className="card">
      {e.image?.card && <img src={e.image.card} alt={e.image.alt ?? ''} loading="lazy" />}
      <H>
        <a href={`/events/${e.slug}`}>{e.title}</a>
      </H>
      <p className="when">{formatWhen(new Date(e.startDate), new Date(e.endDate), e.timeZone)}</p>
      {e.venue && (
        <p className="where">
          {e.venue.name}, {e.venue.city}
        </p>
      )}
      {showPrice && e.priceFrom && <p>From {formatMoney(e.priceFrom.amount, e.priceFrom.currency)}</p>}
    </li>
  )
}
