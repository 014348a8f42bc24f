import type { PayloadRequest } from 'payload'

import { dbFor, queryFor, rowsOf, sql } from '../../db/sql'
import { organizerOf } from '../../domain/ticketing/organizer'
import { idOf } from '../../fields/idOf'

type Check = (data: Record<string, unknown>, req: PayloadRequest, userId: string) => Promise<boolean>

const exists = async (req: PayloadRequest, query: ReturnType<typeof sql>) => rowsOf(await (await dbFor(req)).execute(query)).length > 0

export const ownsDesigner: Check = (d, req, user) =>
  exists(req, sql`SELECT 1 FROM designers WHERE id = ${idOf(d.designer) ?? null}::uuid AND user_id = ${user}::uuid`)

export const ownsCollection: Check = (d, req, user) =>
  exists(
    req,
    sql`SELECT 1 FROM fashion_collections c JOIN designers d ON d.id = c.designer_id
                  WHERE c.id = ${idOf(d.collection) ?? null}::uuid AND d.user_id = ${user}::uuid`,
  )

export const ownsItem: Check = (d, req, user) =>
  exists(
    req,
    sql`SELECT 1 FROM fashion_items i JOIN fashion_collections c ON c.id = i.collection_id JOIN designers d ON d.id = c.designer_id
                  WHERE i.id = ${idOf(d.item) ?? null}::uuid AND d.user_id = ${user}::uuid`,
  )

export const organizesEventOf: Check = async (d, req, user) => {
  const event = idOf(d.event)
  return Boolean(event) && (await organizerOf(await queryFor(req), String(event))) === user
}

export const organizesShow: Check = (d, req, user) =>
  exists(
    req,
    sql`SELECT 1 FROM runway_shows s JOIN events e ON e.id = s.event_id WHERE s.id = ${idOf(d.show) ?? null}::uuid AND e.organizer_id = ${user}::uuid`,
  )

export const organizesSegment: Check = (d, req, user) =>
  exists(
    req,
    sql`SELECT 1 FROM runway_segments g JOIN runway_shows s ON s.id = g.show_id JOIN events e ON e.id = s.event_id
                  WHERE g.id = ${idOf(d.segment) ?? null}::uuid AND e.organizer_id = ${user}::uuid`,
  )

export const managesVenueOf: Check = (d, req, user) =>
  exists(req, sql`SELECT 1 FROM venues WHERE id = ${idOf(d.venue) ?? null}::uuid AND manager_id = ${user}::uuid`)

export const managesSectionOf: Check = (d, req, user) =>
  exists(
    req,
    sql`SELECT 1 FROM venue_sections s JOIN venues v ON v.id = s.venue_id WHERE s.id = ${idOf(d.section) ?? null}::uuid AND v.manager_id = ${user}::uuid`,
  )
