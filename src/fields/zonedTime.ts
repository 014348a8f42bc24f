/**
 * Wall-clock time in an IANA zone and back, from the platform's own time-zone data (Intl).
 * Dates are stored in UTC; people enter and read them in the event's zone. 19:00 in Paris is
 * 17:00Z in summer and 18:00Z in winter, whichever zone the editor's browser is in.
 */

const formats = new Map<string, Intl.DateTimeFormat>()
function partsFormat(zone: string): Intl.DateTimeFormat {
  let f = formats.get(zone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
    formats.set(zone, f)
  }
  return f
}

/** The UTC offset of `zone` at `at`, in minutes east of UTC. */
export function offsetMinutes(zone: string, at: Date): number {
  const parts = partsFormat(zone).formatToParts(at)
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value)
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'))
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000)
}

/** `at` as the zone's wall-clock time, in the form of an `<input type="datetime-local">`: `2030-06-15T19:00`. */
export function toWallTime(at: Date | string, zone: string): string {
  const d = typeof at === 'string' ? new Date(at) : at
  return new Date(d.getTime() + offsetMinutes(zone, d) * 60_000).toISOString().slice(0, 16)
}

const WALL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/
const HOUR = 3_600_000

/**
 * The instant at which the zone's clocks read `wall` (`YYYY-MM-DDTHH:mm`), or null when `wall` is
 * not such a time. Across a change of offset it resolves as Temporal's "compatible" rule does: a
 * time that occurs twice (clocks going back) is its first occurrence; a time that never occurs
 * (clocks going forward) moves forward by the gap (02:30 on Paris's spring change is 03:30 CEST).
 */
export function fromWallTime(wall: string, zone: string): Date | null {
  const m = WALL.exec(wall)
  if (!m) return null
  const [y, mo, d, h, mi, s] = m.slice(1).map((v) => Number(v ?? 0))
  const naive = Date.UTC(y, mo - 1, d, h, mi, s)
  if (Number.isNaN(naive) || new Date(naive).getUTCDate() !== d || h > 23 || mi > 59) return null
  // Offsets in force either side of the wall time (changes are months apart, never within a day).
  const before = offsetMinutes(zone, new Date(naive - 12 * HOUR))
  const after = offsetMinutes(zone, new Date(naive + 12 * HOUR))
  const wanted = wall.length === 16 ? wall : wall.slice(0, 16)
  const candidates = [...new Set([before, after])].map((o) => naive - o * 60_000).sort((a, b) => a - b)
  for (const t of candidates) if (toWallTime(new Date(t), zone) === wanted) return new Date(t)
  // In the gap: read with the offset before the change, which lands after the gap.
  return new Date(naive - before * 60_000)
}

/** The zone as people read it at `at`: "CEST, UTC+02:00". */
export function zoneLabel(zone: string, at: Date = new Date()): string {
  // Each locale knows its own region's abbreviations (en-GB: CET, BST; en-US: EST, PDT); others read "GMT+1".
  const abbr = ['en-GB', 'en-US']
    .map(
      (locale) =>
        new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'short' }).formatToParts(at).find((p) => p.type === 'timeZoneName')
          ?.value,
    )
    .find((v) => v && !/^(GMT|UTC)/.test(v))
  const o = offsetMinutes(zone, at)
  const hhmm = `${String(Math.floor(Math.abs(o) / 60)).padStart(2, '0')}:${String(Math.abs(o) % 60).padStart(2, '0')}`
  const utc = `UTC${o < 0 ? '−' : '+'}${hhmm}`
  return abbr ? `${abbr}, ${utc}` : utc
}
