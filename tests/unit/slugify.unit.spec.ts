import { describe, expect, it } from 'vitest'

import { nextFreeSlug, slugify } from '../../src/fields/slugify'

describe('slugify', () => {
  it('folds accents, lower-cases and dashes', () => {
    expect(slugify('Défilé Été 2027!')).toBe('defile-ete-2027')
    expect(slugify('  Rock & Roll  ')).toBe('rock-and-roll')
    expect(slugify('---')).toBe('')
  })
  it('caps the length without a trailing dash', () => {
    const s = slugify('a'.repeat(79) + ' b', 80)
    expect(s.length).toBeLessThanOrEqual(80)
    expect(s.endsWith('-')).toBe(false)
  })
})

describe('nextFreeSlug', () => {
  it('returns the base when free, else the first free suffix', () => {
    expect(nextFreeSlug('show', [])).toBe('show')
    expect(nextFreeSlug('show', ['show'])).toBe('show-1')
    expect(nextFreeSlug('show', ['show', 'show-1', 'show-3'])).toBe('show-2')
  })
})
