import React from 'react'

import type { CustomBlock } from '../../payload-types'

/** A custom block names a component the site does not ship: it renders as a labelled placeholder, never as raw props. */
export function CustomComponent(b: CustomBlock) {
  return <section className="block custom" data-component={b.component} aria-hidden="true" />
}
