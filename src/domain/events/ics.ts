/**
 * iCalendar (RFC 5545) for an event or a ticket: start and end in the event's own zone
 * (`DTSTART;TZID=Europe/Paris:20301026T190000`) with a VTIMEZONE that carries the zone's rules
 * for the years the event spans (its actual offset changes, found from the platform's time-zone
 * data), so a calendar shows 19:00 Paris time as 19:00 in Paris, whichever side of a
 * daylight-saving change the event falls, and converts it right anywhere else.
 */

import { offsetMinutes } from '../../fields/zonedTime'

export type IcsEvent = {
  uid: string
  title: string
  start: Date
  end: Date
  timeZone: string
  description?: string | null
  location?: string | null
  url?: string | null
  /** When the calendar entry was made (DTSTAMP). */
  stamp?: Date
}

/** Local wall-clock time of `at` in `zone` as iCalendar's floating form (YYYYMMDDTHHMMSS). */
export function localStamp(zone: string, at: Date): string {
  const shifted = new Date(at.getTime() + offsetMinutes(zone, at) * 60_000)
  return shifted
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, '')
}

const utcStamp = (at: Date) =>
  at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z')
const fmtOffset = (min: number) =>
  `${min < 0 ? '-' : '+'}${String(Math.floor(Math.abs(min) / 60)).padStart(2, '0')}${String(Math.abs(min) % 60).padStart(2, '0')}`

/** The instants in [from, to) where the zone's offset changes (found day by day, then to the minute; changes are months apart). */
export function transitions(zone: string, from: Date, to: Date): Array<{ at: Date; before: number; after: number }> {
  const out: Array<{ at: Date; before: number; after: number }> = []
  const step = 86_400_000
  let t = from.getTime()
  let prev = offsetMinutes(zone, new Date(t))
  for (t += step; t < to.getTime(); t += step) {
    const now = offsetMinutes(zone, new Date(t))
    if (now === prev) continue
    let lo = t - step
    let hi = t
    while (hi - lo > 60_000) {
      const mid = lo + Math.floor((hi - lo) / 2 / 60_000) * 60_000
      if (offsetMinutes(zone, new Date(mid)) === prev) lo = mid
      else hi = mid
    }
    out.push({ at: new Date(hi), before: prev, after: now })
    prev = now
  }
  return out
}

/** A VTIMEZONE for `zone` covering the years from `start` to `end` (one observance per offset change, or one standard time). */
export function vtimezone(zone: string, start: Date, end: Date): string[] {
  const from = new Date(Date.UTC(start.getUTCFullYear() - 1, 0, 1))
  const to = new Date(Date.UTC(end.getUTCFullYear() + 1, 11, 31))
  const changes = transitions(zone, from, to)
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`]
  if (changes.length === 0) {
    const off = offsetMinutes(zone, start)
    lines.push(
      'BEGIN:STANDARD',
      'DTSTART:19700101T000000',
      `TZOFFSETFROM:${fmtOffset(off)}`,
      `TZOFFSETTO:${fmtOffset(off)}`,
      'END:STANDARD',
    )
  }
  for (const c of changes) {
    const kind = c.after > c.before ? 'DAYLIGHT' : 'STANDARD'
    // DTSTART of an observance is the local time just before the change, in the old offset.
    const localBefore = new Date(c.at.getTime() + c.before * 60_000)
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d{3}Z$/, '')
    lines.push(
      `BEGIN:${kind}`,
      `DTSTART:${localBefore}`,
      `TZOFFSETFROM:${fmtOffset(c.before)}`,
      `TZOFFSETTO:${fmtOffset(c.after)}`,
      `END:${kind}`,
    )
  }
  lines.push('END:VTIMEZONE')
  return lines
}

/** Escapes text values (RFC 5545 3.3.11) and folds lines at 75 octets. */
const text = (s: string) => s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n')
function fold(line: string): string {
  const bytes = Buffer.from(line, 'utf8')
  if (bytes.length <= 75) return line
  const parts: string[] = []
  let chunk = ''
  for (const ch of line) {
    if (Buffer.byteLength(chunk + ch, 'utf8') > (parts.length ? 74 : 75)) {
      parts.push(chunk)
      chunk = ''
    }
    chunk += ch
  }
  parts.push(chunk)
  return parts.join('\r\n ')
}

export function icsCalendar(events: IcsEvent[]): string {
  const zones = [...new Set(events.map((e) => e.timeZone))]
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Fashionistas//Events//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH']
  for (const z of zones) {
    const of = events.filter((e) => e.timeZone === z)
    lines.push(
      ...vtimezone(z, new Date(Math.min(...of.map((e) => e.start.getTime()))), new Date(Math.max(...of.map((e) => e.end.getTime())))),
    )
  }
  for (const e of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${e.uid}`,
      `DTSTAMP:${utcStamp(e.stamp ?? new Date())}`,
      `DTSTART;TZID=${e.timeZone}:${localStamp(e.timeZone, e.start)}`,
      `DTEND;TZID=${e.timeZone}:${localStamp(e.timeZone, e.end)}`,
      `SUMMARY:${text(e.title)}`,
    )
    if (e.description) lines.push(`DESCRIPTION:${text(e.description)}`)
    if (e.location) lines.push(`LOCATION:${text(e.location)}`)
    if (e.url) lines.push(`URL:${e.url}`)
    lines.push('END:VEVENT')
  }
  lines.push('END:VCALENDAR')
  return lines.map(fold).join('\r\n') + '\r\n'
}
