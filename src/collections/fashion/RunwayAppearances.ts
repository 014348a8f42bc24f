import type { Access, CollectionBeforeChangeHook, CollectionConfig, Where } from 'payload'
import { ValidationError } from 'payload'

import { can, getPrincipal } from '../../access/principal'
import { anyOrOwn, permitted } from '../../access/rules'
import { dbFor, rowsOf, sql } from '../../db/sql'
import { idOf } from '../../fields/idOf'
import { requireOwnership } from '../../hooks/requireOwnership'
import { slugs } from '../../config/slugs'
import { organizesSegment } from './access'

/**
 * A model cannot walk twice at overlapping times in one show (the same segment always
 * overlaps; other segments by their start and duration). Decided under a row lock on the
 * show, so two concurrent bookings of one model cannot both pass.
 */
const refuseOverlap: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const merged = { ...(originalDoc ?? {}), ...data }
  const segment = idOf(merged.segment)
  const model = idOf(merged.model)
  if (!segment || !model) return data
  const db = await dbFor(req)
  const [seg] = rowsOf<{ show_id: string; start_time: string | null; duration_minutes: number | null }>(
    await db.execute(sql`SELECT show_id, start_time, duration_minutes FROM runway_segments WHERE id = ${segment}::uuid`),
  )
  if (!seg) return data
  await db.execute(sql`SELECT id FROM runway_shows WHERE id = ${seg.show_id}::uuid FOR UPDATE`)
  const clash = rowsOf<{ name: string }>(
    await db.execute(sql`
      SELECT g.name FROM runway_appearances a JOIN runway_segments g ON g.id = a.segment_id
       WHERE g.show_id = ${seg.show_id}::uuid AND a.model_id = ${model}::uuid AND a.id IS DISTINCT FROM ${originalDoc?.id ?? null}::uuid
         AND (g.id = ${segment}::uuid OR (g.start_time IS NOT NULL AND ${seg.start_time}::timestamptz IS NOT NULL AND
              tstzrange(g.start_time, g.start_time + make_interval(mins => COALESCE(g.duration_minutes, 1)::int)) &&
              tstzrange(${seg.start_time}::timestamptz, ${seg.start_time}::timestamptz + make_interval(mins => ${Number(seg.duration_minutes ?? 1)}::int))))
       LIMIT 1`),
  )
  if (clash.length) {
    throw new ValidationError({
      collection: slugs.runwayAppearances,
      errors: [{ path: 'model', message: `This model already walks in "${clash[0].name}" at an overlapping time in this show.` }],
    })
  }
  return data
}

/** The show's organizer and `runway-appearances:read` see every appearance; a model sees their own. */
const readAppearances: Access = async ({ req }) => {
  const principal = await getPrincipal(req)
  if (!principal) return false
  if (can(principal, slugs.runwayAppearances, 'read')) return true
  const mine: Where[] = [{ 'segment.show.event.organizer': { equals: principal.id } }, { 'model.user': { equals: principal.id } }]
  return { or: mine }
}

export const RunwayAppearances: CollectionConfig<'runway-appearances'> = {
  slug: slugs.runwayAppearances,
  admin: { group: 'Fashion', defaultColumns: ['segment', 'order', 'model', 'item'] },
  access: {
    read: readAppearances,
    create: permitted(slugs.runwayShows, 'create'),
    update: anyOrOwn(slugs.runwayShows, 'update', 'segment.show.event.organizer'),
    delete: anyOrOwn(slugs.runwayShows, 'delete', 'segment.show.event.organizer'),
  },
  hooks: { beforeChange: [requireOwnership(slugs.runwayShows, organizesSegment), refuseOverlap] },
  indexes: [{ fields: ['segment', 'order'], unique: true }],
  defaultSort: 'order',
  fields: [
    { name: 'segment', type: 'relationship', relationTo: slugs.runwaySegments, required: true, index: true },
    { name: 'order', type: 'number', required: true, min: 0 },
    { name: 'model', type: 'relationship', relationTo: slugs.models, required: true, index: true },
    { name: 'item', type: 'relationship', relationTo: slugs.fashionItems, index: true },
    { name: 'notes', type: 'textarea' },
  ],
  timestamps: true,
}
