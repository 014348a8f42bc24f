// Event-local time: 19:00 entered in the event's zone is stored as the right UTC instant on
// both sides of the spring and autumn changes, and reads back as 19:00, whatever zone the
// process (or the editor's browser) is in.
import { describe, expect, it } from 'vitest'

import { fromWallTime, toWallTime, zoneLabel } from '../../src/fields/zonedTime'

const cases: Array<[zone: string, wall: string, utc: string]> = [
  // Europe/Paris: summer time from 31 March 2030, back on 27 October 2030.
  ['Europe/Paris', '2030-03-30T19:00', '2030-03-30T18:00:00.000Z'],
  ['Europe/Paris', '2030-03-31T19:00', '2030-03-31T17:00:00.000Z'],
  ['Europe/Paris', '2030-10-26T19:00', '2030-10-26T17:00:00.000Z'],
  ['Europe/Paris', '2030-10-27T19:00', '2030-10-27T18:00:00.000Z'],
  // America/New_York: from 10 March 2030, back on 3 November 2030.
  ['America/New_York', '2030-03-09T19:00', '2030-03-10T00:00:00.000Z'],
  ['America/New_York', '2030-03-10T19:00', '2030-03-10T23:00:00.000Z'],
  ['America/New_York', '2030-11-02T19:00', '2030-11-02T23:00:00.000Z'],
  ['America/New_York', '2030-11-03T19:00', '2030-11-04T00:00:00.000Z'],
  // Australia/Sydney (southern hemisphere): summer time ends 7 April 2030, starts 6 October 2030.
  ['Australia/Sydney', '2030-04-06T19:00', '2030-04-06T08:00:00.000Z'],
  ['Australia/Sydney', '2030-04-07T19:00', '2030-04-07T09:00:00.000Z'],
  ['Australia/Sydney', '2030-10-05T19:00', '2030-10-05T09:00:00.000Z'],
  ['Australia/Sydney', '2030-10-06T19:00', '2030-10-06T08:00:00.000Z'],
  // A zone without daylight saving and one with a half-hour offset.
  ['Asia/Kolkata', '2030-06-15T19:00', '2030-06-15T13:30:00.000Z'],
  ['UTC', '2030-06-15T19:00', '2030-06-15T19:00:00.000Z'],
]

describe('event-local wall time', () => {
  it.each(cases)('%s %s is %s and reads back the same', (zone, wall, utc) => {
    expect(fromWallTime(wall, zone)?.toISOString()).toBe(utc)
    expect(toWallTime(utc, zone)).toBe(wall)
  })

  it('takes the first of a time that occurs twice and moves a time that never occurs past the gap', () => {
    // Paris, 27 October 2030: 02:30 happens at 00:30Z (CEST) and again at 01:30Z (CET).
    expect(fromWallTime('2030-10-27T02:30', 'Europe/Paris')?.toISOString()).toBe('2030-10-27T00:30:00.000Z')
    // Paris, 31 March 2030: clocks jump from 02:00 to 03:00; 02:30 is read as 03:30 CEST.
    const gap = fromWallTime('2030-03-31T02:30', 'Europe/Paris')
    expect(gap?.toISOString()).toBe('2030-03-31T01:30:00.000Z')
    expect(toWallTime(gap!, 'Europe/Paris')).toBe('2030-03-31T03:30')
  })

  it('refuses what is not a wall time', () => {
    for (const bad of ['', '2030-02-30T19:00', '2030-06-15 19:00', '2030-06-15T24:00', '19:00', '2030-06-15T19:60'])
      expect(fromWallTime(bad, 'Europe/Paris')).toBeNull()
  })

  it('names the zone with its offset at that date', () => {
    expect(zoneLabel('Europe/Paris', new Date('2030-07-01T12:00:00Z'))).toBe('CEST, UTC+02:00')
    expect(zoneLabel('Europe/Paris', new Date('2030-12-01T12:00:00Z'))).toBe('CET, UTC+01:00')
    expect(zoneLabel('Asia/Kolkata', new Date('2030-12-01T12:00:00Z'))).toMatch(/UTC\+05:30$/)
    expect(zoneLabel('America/New_York', new Date('2030-12-01T12:00:00Z'))).toBe('EST, UTC−05:00')
  })
})
