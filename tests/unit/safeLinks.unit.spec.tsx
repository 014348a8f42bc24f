/**
 * Links from content on the storefront (review finding 9): `safeHref` and the rich-text link
 * converter keep site paths and http(s), mailto and tel links, and turn everything a browser
 * would follow elsewhere or run (`javascript:`, `data:`, `//host`, `/\host`, control characters)
 * into `#`.
 */
import React from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'

import { SafeRichText } from '../../src/blocks/RichText/SafeRichText'
import { safeHref } from '../../src/blocks/shared'

const kept = [
  '/events/paris',
  '/',
  '#tickets',
  'https://example.com/x',
  'http://example.com',
  'mailto:press@example.com',
  'tel:+33123456789',
]
const dropped = [
  '/\\evil.com',
  '//evil.com',
  '/\t/evil.com',
  ' /evil',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  'java\nscript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:x',
  'https:///evil.com',
  'https:/\\evil.com',
  'evil.com',
  '',
  null,
  42,
]

describe('safeHref', () => {
  it('keeps site paths and http(s), mailto and tel links', () => {
    expect(kept.map(safeHref)).toEqual(kept)
  })
  it('turns every other target into #', () => {
    expect(dropped.map(safeHref)).toEqual(dropped.map(() => '#'))
  })
})

const doc = (links: Array<{ url?: string; linkType?: string; doc?: unknown }>) => ({
  root: {
    type: 'root',
    version: 1,
    direction: null,
    format: '',
    indent: 0,
    children: [
      {
        type: 'paragraph',
        version: 1,
        direction: null,
        format: '',
        indent: 0,
        children: links.map((fields, i) => ({
          type: 'link',
          version: 3,
          direction: null,
          format: '',
          indent: 0,
          fields: { linkType: 'custom', newTab: false, ...fields },
          children: [{ type: 'text', version: 1, text: `link ${i}`, format: 0, detail: 0, mode: 'normal', style: '' }],
        })),
      },
    ],
  },
})

describe('rich text on the storefront', () => {
  it('renders javascript:, data: and /\\ links from an editor as #, and keeps safe ones', () => {
    const html = renderToStaticMarkup(
      <SafeRichText
        data={doc([
          { url: 'javascript:alert(document.cookie)' },
          { url: 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==' },
          { url: '/\\evil.com' },
          { url: 'https://example.com/lookbook' },
          { linkType: 'internal', doc: { relationTo: 'events', value: { slug: 'paris-runway-night' } } },
        ])}
      />,
    )
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1])
    expect(hrefs).toEqual(['#', '#', '#', 'https://example.com/lookbook', '/events/paris-runway-night'])
  })
})
