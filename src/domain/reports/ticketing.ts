/** Ticketing reports: sales per day and capacity per event. */
import { z } from 'zod'

import { liveHeld } from '../ticketing/holds'
import { define, inWindow, range, rows, utcDay, utcEnd, utcStart, uuid, window, type Report } from './define'

export const ticketingReports: Record<string, Report> = {
  'ticket-sales': define({
    description:
      'Completed orders per event and day over [from, to] (default: last 30 days): orders, tickets and revenue (after discounts; refunded orders count on the day they were paid).',
    params: range(30).and(z.object({ event: uuid('event').optional() })),
    run: (db, p) =>
      rows(
        db,
        `SELECT o.day::text AS day, e.id AS "eventId", e.title AS event, o.currency,
                count(*)::int AS orders, sum(o.tickets)::int AS tickets, sum(o.total)::float8 AS revenue
           FROM (SELECT o.event_id, o.currency, o.total, ${utcDay('o.completed_at')} AS day,
                        (SELECT COALESCE(sum(oi.quantity), 0) FROM order_items oi WHERE oi.order_id = o.id) AS tickets
                   FROM orders o
                  WHERE o.status IN ('completed', 'refunded') AND o.completed_at >= ${utcStart('$1')} AND o.completed_at < ${utcEnd('$2')}
                    AND ($3::uuid IS NULL OR o.event_id = $3)) o
           JOIN events e ON e.id = o.event_id
       GROUP BY o.day, e.id, o.currency
       ORDER BY o.day, event`,
        [p.from, p.to, p.event ?? null],
      ),
  }),
  capacity: define({
    description:
      'Per ticket type (optionally of one event; from/to keep events starting in that window): capacity, sold, held (unexpired holds) and left.',
    params: z.object({ event: uuid('event').optional(), ...window }),
    run: (db, p) =>
      rows(
        db,
        `SELECT id, name, "eventId", event, capacity, sold, held, greatest(capacity - sold - held, 0) AS left, "soldPercent"
           FROM (SELECT tt.id, tt.name, e.id AS "eventId", e.title AS event, tt.capacity::int AS capacity, tt.sold::int AS sold,
                        ${liveHeld('tt')}::int AS held, tt.price,
                        CASE WHEN tt.capacity > 0 THEN round(tt.sold::numeric * 100 / tt.capacity, 1)::float8 ELSE 0 END AS "soldPercent"
                   FROM ticket_types tt JOIN events e ON e.id = tt.event_id
                  WHERE ($1::uuid IS NULL OR tt.event_id = $1) AND ${inWindow('e.start_date', '$2', '$3')}) r
       ORDER BY event, price, name`,
        [p.event ?? null, p.from ?? null, p.to ?? null],
      ),
  }),
}
