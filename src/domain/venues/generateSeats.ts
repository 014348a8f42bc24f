/**
 * Generating a section's seats by rows and numbers, instead of entering them one by one: rows
 * lettered from `firstRow` (A, B, ... Z, AA, AB ...), seats numbered from `firstNumber`, laid
 * out on the floor plan from `origin` with `seatSpacing` along a row and `rowSpacing` between
 * rows (row A nearest the stage, which is at the top of the map). One INSERT; seats that exist
 * already (same row and number) are kept as they are.
 */
import type { Principal } from '../../access/principal'
import { can } from '../../access/principal'
import type { Db } from '../../db/transaction'
import { num } from '../../db/transaction'
import { ForbiddenError, NotFoundError, UnprocessableError } from '../ticketing/errors'

export type SeatGrid = {
  rows: number
  seatsPerRow: number
  firstRow?: string
  firstNumber?: number
  seatSpacing?: number
  rowSpacing?: number
  origin?: { x: number; y: number }
}

/** Row labels: A..Z, then AA, AB ... (spreadsheet style), starting at `first`. */
export function rowLabels(first: string, count: number): string[] {
  const toIndex = (s: string) => [...s.toUpperCase()].reduce((n, c) => n * 26 + (c.charCodeAt(0) - 64), 0)
  const toLabel = (n: number) => {
    let s = ''
    for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s
    return s
  }
  const start = toIndex(first)
  return Array.from({ length: count }, (_, i) => toLabel(start + i))
}

export async function generateSeats(
  db: Db,
  principal: Principal | null,
  sectionId: string,
  grid: SeatGrid,
): Promise<{ created: number; seats: number }> {
  if (!principal || !can(principal, 'venue-seats', 'create')) throw new ForbiddenError('Generating seats needs venue-seats:create.')
  const {
    rows: [section],
  } = await db.query<{ manager_id: string | null; capacity: string | null; coordinates: { x?: unknown; y?: unknown } | null }>(
    `SELECT v.manager_id, s.capacity, s.coordinates FROM venue_sections s JOIN venues v ON v.id = s.venue_id WHERE s.id = $1`,
    [sectionId],
  )
  if (!section) throw new NotFoundError('unknown_section', 'No such section.')
  if (!can(principal, 'venue-seats', 'update') && section.manager_id !== String(principal.id))
    throw new ForbiddenError('Only the venue’s manager generates its seats.')
  const total = grid.rows * grid.seatsPerRow
  if (section.capacity != null && total > num(section.capacity))
    throw new UnprocessableError('over_capacity', `The section holds ${num(section.capacity)}; ${total} seats do not fit.`, {
      capacity: num(section.capacity),
    })
  const shape = section.coordinates ?? {}
  const origin = grid.origin ?? { x: typeof shape.x === 'number' ? shape.x : 0, y: typeof shape.y === 'number' ? shape.y : 0 }
  const labels = rowLabels(grid.firstRow ?? 'A', grid.rows)
  const { rowCount } = await db.query(
    `INSERT INTO venue_seats (section_id, row_name, seat_number, label, status, coordinates)
     SELECT $1, r.label, (($3::int) + n - 1)::text, r.label || '-' || (($3::int) + n - 1)::text, 'available',
            jsonb_build_object('x', $4::numeric + (n - 1) * $6::numeric, 'y', $5::numeric + (r.i - 1) * $7::numeric)
       FROM unnest($2::text[]) WITH ORDINALITY AS r(label, i), generate_series(1, $8::int) AS n
     ON CONFLICT (section_id, row_name, seat_number) DO NOTHING`,
    [sectionId, labels, grid.firstNumber ?? 1, origin.x, origin.y, grid.seatSpacing ?? 30, grid.rowSpacing ?? 40, grid.seatsPerRow],
  )
  return { created: rowCount ?? 0, seats: total }
}
