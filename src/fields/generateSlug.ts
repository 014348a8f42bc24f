import type { FieldHook, PayloadRequest } from 'payload'

import { nextFreeSlug, slugify } from './slugify'

export type SlugSource = string | ((data: Record<string, unknown>, req: PayloadRequest) => string | Promise<string>)

/**
 * Field hook for slug fields. A slug is generated only when it is empty: on create without
 * one, or when an editor clears it. A title change leaves an existing slug alone, so links
 * stay stable. An editor's own slug is normalised and de-duplicated the same way.
 * Collisions get -1, -2, ... ; the unique index on the column is the final guard under races.
 */
export const generateSlug =
  (collection: string, source: SlugSource): FieldHook =>
  async ({ value, data, originalDoc, operation, req }) => {
    const merged = { ...(originalDoc ?? {}), ...(data ?? {}) } as Record<string, unknown>
    let wanted: string
    if (typeof value === 'string' && value.trim() !== '') {
      wanted = slugify(value)
      if (operation === 'update' && originalDoc?.slug === wanted) return wanted
    } else if (operation === 'update' && value === undefined) {
      return originalDoc?.slug
    } else {
      const raw = typeof source === 'function' ? await source(merged, req) : String(merged[source] ?? '')
      wanted = slugify(raw)
    }
    if (!wanted) wanted = collection.replace(/s$/, '')
    const existing = await req.payload.find({
      collection: collection as never,
      where: {
        and: [
          { or: [{ slug: { equals: wanted } }, { slug: { like: `${wanted}-` } }] },
          ...(originalDoc?.id ? [{ id: { not_equals: originalDoc.id } }] : []),
        ],
      },
      select: { slug: true } as never,
      pagination: false,
      depth: 0,
      overrideAccess: true,
      draft: false,
      req,
    })
    const taken = existing.docs
      .map((d) => (d as { slug?: string }).slug)
      .filter((s): s is string => typeof s === 'string' && (s === wanted || /^-\d+$/.test(s.slice(wanted.length))))
    return nextFreeSlug(wanted, taken)
  }
