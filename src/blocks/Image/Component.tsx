import React from 'react'

import type { ImageBlock } from '../../payload-types'
import { Img } from '../shared'

export function ImageComponent(b: ImageBlock) {
  return (
    <figure className={`block image image--${b.size ?? 'card'}`}>
      <Img media={b.image} size={b.size === 'original' ? undefined : (b.size ?? 'card')} />
      {b.caption && <figcaption>{b.caption}</figcaption>}
    </figure>
  )
}
