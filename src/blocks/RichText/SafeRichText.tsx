import type { SerializedLexicalNode } from '@payloadcms/richtext-lexical/lexical'
import { RichText, type JSXConvertersFunction } from '@payloadcms/richtext-lexical/react'
import React from 'react'

import { safeHref } from '../shared'

type LinkFields = {
  url?: string | null
  newTab?: boolean | null
  linkType?: string | null
  doc?: { relationTo?: string; value?: unknown } | null
}
type LinkNode = SerializedLexicalNode & { fields: LinkFields; children?: SerializedLexicalNode[] }

/** Where an internal link (to a document) points on the storefront. */
function internalHref(fields: LinkFields): string {
  const doc = fields.doc
  const value = doc?.value as { slug?: string | null } | string | undefined
  const slug = typeof value === 'object' && value ? value.slug : null
  if (!slug) return '#'
  if (doc?.relationTo === 'events') return `/events/${encodeURIComponent(slug)}`
  if (doc?.relationTo === 'pages') return `/${encodeURIComponent(slug)}`
  return '#'
}

/**
 * Lexical rich text on the storefront with links made safe: an editor's `javascript:` or
 * `data:` link, or a `/\evil.com` that browsers read as another host, renders as `#`
 * (Payload's own link converter passes the URL through as typed).
 */
const converters: JSXConvertersFunction = ({ defaultConverters }) => {
  const link = ({ node, nodesToJSX }: { node: LinkNode; nodesToJSX: (a: { nodes: SerializedLexicalNode[] }) => React.ReactNode[] }) => {
    const children = nodesToJSX({ nodes: node.children ?? [] })
    const href = node.fields.linkType === 'internal' ? internalHref(node.fields) : safeHref(node.fields.url ?? '')
    const newTab = Boolean(node.fields.newTab)
    return (
      <a href={href} rel={newTab ? 'noopener noreferrer' : undefined} target={newTab ? '_blank' : undefined}>
        {children}
      </a>
    )
  }
  return { ...defaultConverters, link: link as never, autolink: link as never }
}

export function SafeRichText({ data, className }: { data: unknown; className?: string }) {
  return <RichText data={data as never} converters={converters} className={className} />
}
