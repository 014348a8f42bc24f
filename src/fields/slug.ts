import type { TextField } from 'payload'

import { generateSlug, type SlugSource } from './generateSlug'

type Options = { collection: string; from: SlugSource; overrides?: Partial<TextField> }

/** A unique, indexed slug generated from `from` when left empty. */
export function slugField({ collection, from, overrides = {} }: Options): TextField {
  return {
    name: 'slug',
    type: 'text',
    unique: true,
    index: true,
    admin: {
      position: 'sidebar',
      description: 'Generated from the title when left empty; kept when the title changes.',
    },
    hooks: { beforeValidate: [generateSlug(collection, from)] },
    ...overrides,
  } as TextField
}
