import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import React from 'react'

import { RenderBlocks } from '../../../blocks/RenderBlocks'
import { poolOf } from '../../../db/pool'
import { loadPage, payloadInstance } from '../data'
import { LivePreviewListener } from '../LivePreviewListener'

export const dynamic = 'force-dynamic'

type Props = { params: Promise<{ slug: string }> }

const valid = (slug: string) => /^[a-z0-9-]{1,200}$/.test(slug)

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params
  if (!valid(slug)) return {}
  const { page } = await loadPage(slug)
  const image = page?.meta?.image && typeof page.meta.image === 'object' ? page.meta.image.url : undefined
  return {
    title: page?.meta?.title ? { absolute: page.meta.title } : page?.title,
    description: page?.meta?.description ?? undefined,
    openGraph: image ? { images: [image] } : undefined,
  }
}

/** Any published page by its slug; members-only pages ask the visitor to sign in. */
export default async function SitePage({ params }: Props) {
  const { slug } = await params
  if (!valid(slug)) notFound()
  const { page, membersOnly } = await loadPage(slug)
  if (membersOnly)
    return (
      <section className="notice">
        <h1>Members only</h1>
        <p>Sign in to read this page.</p>
      </section>
    )
  if (!page) notFound()
  return (
    <>
      <LivePreviewListener />
      <RenderBlocks blocks={page.layout} db={poolOf(await payloadInstance())} />
    </>
  )
}
