/**
 * The calendar file keeps local time across daylight-saving changes: 19:00 in the event's zone
 * is written as 19:00 with the zone's id, and the VTIMEZONE carries the zone's real offset
 * changes for those years (Paris and New York spring forward and fall back on different days;
 * Sydney's seasons are the other way round).
 */
import { describe, expect, it } from 'vitest'

import { icsCalendar, localStamp } from '../../src/domain/events/ics'
import { offsetMinutes } from '../../src/fields/zonedTime'

const at = (iso: string) => new Date(iso)
const event = (start: string, end: string, timeZone: string) =>
  icsCalendar([{ uid: 'x@test', title: 'Show, with; commas', start: at(start), end: at(end), timeZone, stamp: at('2030-01-01T00:00:00Z') }])

describe('icsCalendar', () => {
  it.each([
    // [UTC start, zone, local wall clock]: the days after each change, 19:00 local.
    ['2030-03-31T17:00:00Z', 'Europe/Paris', '20300331T190000'], // after spring forward (UTC+2)
    ['2030-03-30T18:00:00Z', 'Europe/Paris', '20300330T190000'], // the day before (UTC+1)
    ['2030-10-27T18:00:00Z', 'Europe/Paris', '20301027T190000'], // after fall back (UTC+1)
    ['2030-03-10T23:00:00Z', 'America/New_York', '20300310T190000'], // after spring forward (UTC-4)
    ['2030-11-04T00:00:00Z', 'America/New_York', '20301103T190000'], // after fall back (UTC-5)
    ['2030-04-07T09:00:00Z', 'Australia/Sydney', '20300407T190000'], // after DST ends (UTC+10)
    ['2030-10-06T08:00:00Z', 'Australia/Sydney', '20301006T190000'], // after DST starts (UTC+11)
  ])('writes %s in %s as 19:00 local (%s)', (start, zone, local) => {
    const end = new Date(at(start).getTime() + 3 * 3_600_000).toISOString()
    const ics = event(start, end, zone)
    expect(ics).toContain(`DTSTART;TZID=${zone}:${local}`)
    expect(localStamp(zone, at(start))).toBe(local)
    expect(ics).toContain(`TZID:${zone}`)
  })

  it('carries each zone’s real offset changes in its VTIMEZONE', () => {
    const paris = event('2030-06-01T17:00:00Z', '2030-06-01T20:00:00Z', 'Europe/Paris')
    expect(paris).toContain('BEGIN:DAYLIGHT\r\nDTSTART:20300331T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nEND:DAYLIGHT')
    expect(paris).toContain('BEGIN:STANDARD\r\nDTSTART:20301027T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nEND:STANDARD')
    const ny = event('2030-06-01T23:00:00Z', '2030-06-02T02:00:00Z', 'America/New_York')
    expect(ny).toContain('DTSTART:20300310T020000\r\nTZOFFSETFROM:-0500\r\nTZOFFSETTO:-0400')
    expect(ny).toContain('DTSTART:20301103T020000\r\nTZOFFSETFROM:-0400\r\nTZOFFSETTO:-0500')
    const sydney = event('2030-06-01T09:00:00Z', '2030-06-01T12:00:00Z', 'Australia/Sydney')
    expect(sydney).toContain('BEGIN:STANDARD\r\nDTSTART:20300407T030000\r\nTZOFFSETFROM:+1100\r\nTZOFFSETTO:+1000')
    expect(sydney).toContain('BEGIN:DAYLIGHT\r\nDTSTART:20301006T020000\r\nTZOFFSETFROM:+1000\r\nTZOFFSETTO:+1100')
    const tokyo = event('2030-06-01T10:00:00Z', '2030-06-01T13:00:00Z', 'Asia/Tokyo')
    expect(tokyo).toContain('BEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nTZOFFSETFROM:+0900\r\nTZOFFSETTO:+0900')
    expect(offsetMinutes('Asia/Kolkata', at('2030-01-01T00:00:00Z'))).toBe(330)
  })

  it('escapes text, uses CRLF and folds long lines', () => {
    const ics = icsCalendar([
      {
        uid: 'y@test',
        title: 'A'.repeat(120),
        description: 'Line one\nline two; with, punctuation',
        start: at('2030-06-01T17:00:00Z'),
        end: at('2030-06-01T20:00:00Z'),
        timeZone: 'Europe/Paris',
        stamp: at('2030-01-01T00:00:00Z'),
      },
    ])
    expect(ics).toContain('DESCRIPTION:Line one\\nline two\\; with\\, punctuation')
    expect(ics.split('\r\n').every((l) => Buffer.byteLength(l) <= 75)).toBe(true)
    expect(ics).toContain('\r\n A')
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true)
  })
})
