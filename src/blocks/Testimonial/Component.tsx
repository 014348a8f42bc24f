import React from 'react'

import type { TestimonialBlock } from '../../payload-types'
import { Img } from '../shared'

export function TestimonialComponent(b: TestimonialBlock) {
  return (
    <figure className="block testimonial">
      <blockquote>{b.quote}</blockquote>
      <figcaption>
        <Img media={b.photo} size="thumbnail" />
        {b.author}
        {b.role ? `, ${b.role}` : ''}
      </figcaption>
    </figure>
  )
}
