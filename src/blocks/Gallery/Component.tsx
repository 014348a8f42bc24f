import React from 'react'

import type { GalleryBlock } from '../../payload-types'
import { Img } from '../shared'

export function GalleryComponent(b: GalleryBlock) {
  return (
    <section className="block gallery">
      {b.title && <h2>{b.title}</h2>}
      <div className="gallery__grid" style={{ gridTemplateColumns: `repeat(${b.columns ?? 3}, 1fr)` }}>
        {(b.images ?? []).map((m, n) => (
          <Img key={typeof m === 'string' ? m : (m.id ?? n)} media={m} size="card" />
        ))}
      </div>
    </section>
  )
}
