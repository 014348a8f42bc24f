import { RichText } from '@payloadcms/richtext-lexical/react'
import React from 'react'

import type { RichTextBlock } from '../../payload-types'

export function RichTextComponent(b: RichTextBlock) {
  return (
    <section className="block rich-text">
      {b.title && <h2>{b.title}</h2>}
      <RichText data={b.content as never} />
    </section>
  )
}
