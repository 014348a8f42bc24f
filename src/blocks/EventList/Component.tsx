import React from 'react'

import type { EventCard } from '../../domain/events/listing'
import { formatWhen } from '../../domain/ticketing/format'
import type { EventListBlock } from '../../payload-types'

/** The event list block with its events already loaded (RenderBlocks asks the listing for them). */
export function EventListComponent({ block, events }: { block: EventListBlock; events: EventCard[] }) {
  return (
    <section className="block event-list">
      {block.title && <h2>{block.title}</h2>}
      {events.length === 0 && <p>No events to show yet.</p>}
      <ul className="cards">
        {events.map((e) => (
          <li key={e.id} className="card">
            {e.image?.card && <img src={e.image.card} alt={e.image.alt ?? ''} loading="lazy" />}
            <h3>
              <a href={`/events/${e.slug}`}>{e.title}</a>
            </h3>
            <p className="when">{formatWhen(new Date(e.startDate), new Date(e.endDate), e.timeZone)}</p>
            {e.venue && (
              <p className="where">
                {e.venue.name}, {e.venue.city}
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  )
}
