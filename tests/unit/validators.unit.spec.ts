import { describe, expect, it } from 'vitest'

import { endAfterStart, inRange, insideRange, isValidTimeZone } from '../../src/fields/validators'

describe('validators', () => {
  it('knows IANA time zones', () => {
    expect(isValidTimeZone('Europe/Paris')).toBe(true)
    expect(isValidTimeZone('America/New_York')).toBe(true)
    expect(isValidTimeZone('Mars/Olympus')).toBe(false)
    expect(isValidTimeZone('')).toBe(false)
  })
  it('wants the end strictly after the start', () => {
    expect(endAfterStart('2027-01-01T10:00Z', '2027-01-01T11:00Z')).toBe(true)
    expect(endAfterStart('2027-01-01T10:00Z', '2027-01-01T10:00Z')).toMatch(/after/)
    expect(endAfterStart(null, '2027-01-01T10:00Z')).toBe(true)
  })
  it('keeps an item inside its outer range', () => {
    const [a, b] = ['2027-01-01T10:00Z', '2027-01-01T18:00Z']
    expect(insideRange('2027-01-01T11:00Z', '2027-01-01T12:00Z', a, b)).toBe(true)
    expect(insideRange('2027-01-01T09:00Z', '2027-01-01T12:00Z', a, b)).toMatch(/start within/)
    expect(insideRange('2027-01-01T11:00Z', '2027-01-01T19:00Z', a, b)).toMatch(/end within/)
  })
  it('checks numeric ranges', () => {
    expect(inRange(45, -90, 90, 'Latitude')).toBe(true)
    expect(inRange(-91, -90, 90, 'Latitude')).toMatch(/between -90 and 90/)
    expect(inRange(undefined, -90, 90, 'Latitude')).toBe(true)
  })
})
