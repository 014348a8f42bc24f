import { sanitizeConfig, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { closePayload, getTestPayload } from '../helpers/payload'

let payload: Payload
beforeAll(async () => {
  payload = await getTestPayload()
})
afterAll(async () => closePayload(payload))

/** The access functions Payload fills in when a collection states none: taken from a probe collection. */
async function payloadDefaults() {
  const probe = await sanitizeConfig({
    secret: 'probe',
    db: payload.config.db,
    collections: [{ slug: 'probe', fields: [] }],
  } as never)
  const access = probe.collections.find((c) => (c.slug as string) === 'probe')!.access
  return new Set([access.read, access.create, access.update, access.delete])
}

describe('collection access rules', () => {
  it("every collection states read, create, update and delete itself (none falls back to Payload's default)", async () => {
    const defaults = await payloadDefaults()
    expect(defaults.size).toBeGreaterThan(0)
    const offenders: string[] = []
    for (const c of payload.config.collections) {
      // Payload's own bookkeeping collections (jobs, preferences, locks, migrations, kv) keep Payload's rules.
      if (c.slug.startsWith('payload-')) continue
      for (const op of ['read', 'create', 'update', 'delete'] as const) {
        if (!c.access[op] || defaults.has(c.access[op] as never)) offenders.push(`${c.slug}.${op}`)
      }
    }
    expect(offenders).toEqual([])
  })

  it('would flag a collection that relies on the default', async () => {
    const defaults = await payloadDefaults()
    const probe = await sanitizeConfig({ secret: 'p', db: payload.config.db, collections: [{ slug: 'careless', fields: [] }] } as never)
    const careless = probe.collections.find((c) => (c.slug as string) === 'careless')!
    expect(defaults.has(careless.access.read as never)).toBe(true)
  })
})
