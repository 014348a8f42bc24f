import React from 'react'

import type { FeatureBlock } from '../../payload-types'
import { Img } from '../shared'

export function FeatureComponent(b: FeatureBlock) {
  return (
    <section className="block feature">
      {b.title && <h2>{b.title}</h2>}
      <ul className="features">
        {(b.items ?? []).map((i, n) => (
          <li key={i.id ?? n}>
            <Img media={i.image} size="thumbnail" />
            <h3>{i.title}</h3>
            {i.text && <p>{i.text}</p>}
          </li>
        ))}
      </ul>
    </section>
  )
}
