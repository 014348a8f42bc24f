import React from 'react'

import type { EventCard } from '../../domain/events/listing'
import type { EventListBlock } from '../../payload-types'
import { EventCardView } from '../shared'

/** The event list block with its events already loaded (RenderBlocks asks the listing for them). */
export function EventListComponent({ block, events }: { block: EventListBlock; events: EventCard[] }) {
  return (
    <section className="block event-list">
      {block.title && <h2>{block.title}</h2>}
      {events.length === 0 && <p>No events to show yet.</p>}
      <ul className="cards">
        {events.map((e) => (
          <EventCardView key={e.id} event={e} />
        ))}
      </ul>
    </section>
  )
}
