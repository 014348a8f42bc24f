import React from 'react'

import type { RichTextBlock } from '../../payload-types'
import { SafeRichText } from './SafeRichText'

export function RichTextComponent(b: RichTextBlock) {
  return (
    <section className="block rich-text">
      {b.title && <h2>{b.title}</h2>}
      <SafeRichText data={b.content} />
    </section>
  )
}
