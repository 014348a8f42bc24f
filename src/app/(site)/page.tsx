import type { Metadata } from 'next'
import React from 'react'

import { RenderBlocks } from '../../blocks/RenderBlocks'
import { poolOf } from '../../db/pool'
import { loadPage, payloadInstance } from './data'
import { LivePreviewListener } from './LivePreviewListener'

export const dynamic = 'force-dynamic'

export async function generateMetadata(): Promise<Metadata> {
  const { page } = await loadPage('_home')
  return { title: { absolute: page?.meta?.title ?? 'Fashionistas' }, description: page?.meta?.description ?? undefined }
}

/** The homepage: the page marked as homepage, block by block. */
export default async function Home() {
  const { page } = await loadPage('_home')
  const db = poolOf(await payloadInstance())
  if (!page)
    return (
      <section className="notice">
        <h1>Fashionistas</h1>
        <p>
          No homepage is published yet. <a href="/events">See the events</a>.
        </p>
      </section>
    )
  return (
    <>
      <LivePreviewListener />
      <RenderBlocks blocks={page.layout} db={db} />
    </>
  )
}
