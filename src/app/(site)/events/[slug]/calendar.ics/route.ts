import { poolOf } from '../../../../../db/pool'
import { eventPageContent } from '../../../../../domain/events/page'
import { icsCalendar } from '../../../../../domain/events/ics'
import { payloadInstance } from '../../../data'

export const dynamic = 'force-dynamic'

/** GET /events/:slug/calendar.ics: the event for a calendar, in its own zone with the zone's rules. */
export async function GET(req: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params
  if (!/^[a-z0-9-]{1,200}$/.test(slug)) return new Response('Not found', { status: 404 })
  const e = await eventPageContent(poolOf(await payloadInstance()), slug)
  if (!e) return new Response('Not found', { status: 404 })
  const origin = new URL(req.url).origin
  const body = icsCalendar([
    {
      uid: `event-${e.id}@fashionistas`,
      title: e.title,
      start: new Date(e.startDate),
      end: new Date(e.endDate),
      timeZone: e.timeZone,
      description: e.shortDescription,
      location: e.venue ? `${e.venue.name}, ${e.venue.address}, ${e.venue.city}, ${e.venue.country}` : null,
      url: `${origin}/events/${e.slug}`,
    },
  ])
  return new Response(body, {
    headers: {
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': `attachment; filename="${e.slug}.ics"`,
      'cache-control': 'public, max-age=0, s-maxage=60',
    },
  })
}
