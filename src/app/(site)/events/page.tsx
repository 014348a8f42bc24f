import type { Metadata } from 'next'
import React from 'react'

import { poolOf } from '../../../db/pool'
import { listEvents, type ListingFilter } from '../../../domain/events/listing'
import { EventCardView } from '../../../blocks/shared'
import { EVENT_TYPES } from '../../../config/vocabularies'
import { payloadInstance } from '../data'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Events', description: 'Upcoming fashion shows, exhibitions, workshops and parties.' }

type Search = Record<string, string | string[] | undefined>
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined
const date = (v: string | undefined) =>
  v && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)) ? new Date(`${v}T00:00:00Z`) : undefined

/** The event listing: upcoming by default, or a date range; category, type, city and words; a page at a time. */
export default async function EventsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const sp = await searchParams
  const payload = await payloadInstance()
  const filter: ListingFilter = {
    limit: 12,
    from: date(one(sp.from)),
    to: date(one(sp.to)),
    category: one(sp.category)?.slice(0, 100),
    type: EVENT_TYPES.includes(one(sp.type) as (typeof EVENT_TYPES)[number]) ? one(sp.type) : undefined,
    city: one(sp.city)?.slice(0, 100),
    q: one(sp.q)?.slice(0, 100),
    cursor: one(sp.cursor)?.slice(0, 600),
  }
  let result: Awaited<ReturnType<typeof listEvents>> = { events: [], nextCursor: null }
  let problem: string | null = null
  try {
    result = await listEvents(poolOf(payload), filter, new Date())
  } catch {
    problem = 'That page of results is no longer valid; start again from the first page.'
  }
  const { docs: categories } = await payload.find({
    collection: 'event-categories',
    limit: 100,
    depth: 0,
    sort: 'name',
    overrideAccess: false,
  })
  const next = new URLSearchParams(Object.entries(sp).flatMap(([k, v]) => (k !== 'cursor' && one(v) ? [[k, one(v)!]] : [])))
  if (result.nextCursor) next.set('cursor', result.nextCursor)
  return (
    <>
      <h1>Events</h1>
      <form className="filters" method="get" role="search">
        <label>
          From <input type="date" name="from" defaultValue={one(sp.from)} />
        </label>
        <label>
          To <input type="date" name="to" defaultValue={one(sp.to)} />
        </label>
        <label>
          Category
          <select name="category" defaultValue={one(sp.category) ?? ''}>
            <option value="">Any</option>
            {categories.map((c) => (
              <option key={c.id} value={String(c.slug ?? c.id)}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Type
          <select name="type" defaultValue={one(sp.type) ?? ''}>
            <option value="">Any</option>
            {EVENT_TYPES.map((t) => (
              <option key={t} value={t}>
                {t.replace(/_/g, ' ')}
              </option>
            ))}
          </select>
        </label>
        <label>
          City <input name="city" defaultValue={one(sp.city)} />
        </label>
        <label>
          Words <input name="q" defaultValue={one(sp.q)} />
        </label>
        <button className="button" type="submit">
          Show
        </button>
      </form>
      {problem && <p className="error">{problem}</p>}
      {result.events.length === 0 && !problem && <p>No events match.</p>}
      <ul className="cards">
        {result.events.map((e) => (
          <EventCardView key={e.id} event={e} heading="h2" showPrice />
        ))}
      </ul>
      {result.nextCursor && (
        <p>
          <a href={`/events?${next}`} rel="next">
            More events
          </a>
        </p>
      )}
    </>
  )
}
