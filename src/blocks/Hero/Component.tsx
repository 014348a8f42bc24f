import React from 'react'

import type { HeroBlock } from '../../payload-types'
import { Img, safeHref } from '../shared'

export function HeroComponent(b: HeroBlock) {
  return (
    <section className={`block hero hero--${b.align ?? 'center'}`}>
      <Img media={b.image} size="hero" className="hero__image" />
      <div className="hero__text">
        <h1>{b.heading}</h1>
        {b.subheading && <p className="hero__sub">{b.subheading}</p>}
        {b.ctaLabel && b.ctaUrl && (
          <a className="button" href={safeHref(b.ctaUrl)}>
            {b.ctaLabel}
          </a>
        )}
      </div>
    </section>
  )
}
