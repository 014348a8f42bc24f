import { describe, expect, it } from 'vitest'

import { can, type Principal } from '../../src/access/principal'
import { DEFAULT_GRANTS, ALL_PERMISSIONS, RESOURCES } from '../../src/access/vocabulary'

const principal = (permissions: string[], roles: string[] = ['x']): Principal => ({
  id: 'u1',
  roles,
  permissions: new Set(permissions as `${string}:${string}`[]),
  superuser: roles.includes('admin'),
  kind: 'user',
})

describe('can', () => {
  it('answers from the permission set', () => {
    const p = principal(['events:create'])
    expect(can(p, 'events', 'create')).toBe(true)
    expect(can(p, 'events', 'delete')).toBe(false)
    expect(can(null, 'events', 'create')).toBe(false)
  })
  it('lets the admin role do everything, including permissions added later', () => {
    expect(can(principal([], ['admin']), 'anything', 'at-all')).toBe(true)
  })
})

describe('the default grants', () => {
  it('only grant permissions that exist in the vocabulary', () => {
    const known = new Set(ALL_PERMISSIONS)
    for (const [role, g] of Object.entries(DEFAULT_GRANTS)) {
      for (const p of g.permissions) expect(known.has(p), `${role} -> ${p}`).toBe(true)
    }
  })
  it('keep front-end roles out of the admin UI', () => {
    for (const role of ['attendee', 'designer', 'sponsor'] as const) expect(DEFAULT_GRANTS[role].permissions).not.toContain('admin:access')
    for (const role of ['organizer', 'editor', 'staff', 'marketing'] as const)
      expect(DEFAULT_GRANTS[role].permissions).toContain('admin:access')
    expect(Object.keys(RESOURCES)).toContain('admin')
  })
})
