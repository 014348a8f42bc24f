import React from 'react'

import type { CallToActionBlock } from '../../payload-types'
import { safeHref } from '../shared'

export function CallToActionComponent(b: CallToActionBlock) {
  return (
    <section className="block cta">
      <h2>{b.heading}</h2>
      {b.text && <p>{b.text}</p>}
      <a className={`button button--${b.style ?? 'primary'}`} href={safeHref(b.buttonUrl)}>
        {b.buttonLabel}
      </a>
    </section>
  )
}
