/** Small validators shared by collections. Each returns true or a message naming the rule. */

export function isValidTimeZone(tz: unknown): boolean {
  if (typeof tz !== 'string' || tz === '') return false
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz })
    return true
  } catch {
    // Intl throws a RangeError for an unknown zone: that is the answer, not an error to surface.
    return false
  }
}

const toTime = (v: unknown): number | null => {
  if (v == null || v === '') return null
  const t = new Date(v as string).getTime()
  return Number.isNaN(t) ? null : t
}

/** `end` must be strictly after `start` (both optional; only checked when both are present). */
export function endAfterStart(start: unknown, end: unknown, label = 'End'): true | string {
  const s = toTime(start)
  const e = toTime(end)
  if (s === null || e === null) return true
  return e > s ? true : `${label} must be after the start.`
}

/** `[start, end]` must lie inside `[outerStart, outerEnd]`. */
export function insideRange(start: unknown, end: unknown, outerStart: unknown, outerEnd: unknown, what = 'The item'): true | string {
  const s = toTime(start)
  const e = toTime(end)
  const os = toTime(outerStart)
  const oe = toTime(outerEnd)
  if (os === null || oe === null) return true
  if (s !== null && (s < os || s > oe))
    return `${what} must start within the event (${new Date(os).toISOString()} – ${new Date(oe).toISOString()}).`
  if (e !== null && (e < os || e > oe))
    return `${what} must end within the event (${new Date(os).toISOString()} – ${new Date(oe).toISOString()}).`
  return true
}

export function inRange(value: unknown, min: number, max: number, label: string): true | string {
  if (value == null || value === '') return true
  const n = Number(value)
  if (!Number.isFinite(n) || n < min || n > max) return `${label} must be between ${min} and ${max}.`
  return true
}
