/**
 * Renders a page's blocks on the storefront, each by the Component.tsx beside its config.ts.
 * Server-rendered; the event list block's events are read from the listing (published only).
 */
import type { Pool } from 'pg'
import React from 'react'

import { listEvents } from '../domain/events/listing'
import type { Page } from '../payload-types'
import { CallToActionComponent } from './CallToAction/Component'
import { CustomComponent } from './Custom/Component'
import { DesignerListComponent } from './DesignerList/Component'
import { EventListComponent } from './EventList/Component'
import { FeatureComponent } from './Feature/Component'
import { GalleryComponent } from './Gallery/Component'
import { HeroComponent } from './Hero/Component'
import { ImageComponent } from './Image/Component'
import { RichTextComponent } from './RichText/Component'
import { SponsorListComponent } from './SponsorList/Component'
import { TestimonialComponent } from './Testimonial/Component'
import { VideoComponent } from './Video/Component'

type Block = NonNullable<Page['layout']>[number]

async function OneBlock({ block, db }: { block: Block; db: Pool }) {
  switch (block.blockType) {
    case 'hero':
      return <HeroComponent {...block} />
    case 'cta':
      return <CallToActionComponent {...block} />
    case 'custom':
      return <CustomComponent {...block} />
    case 'designerList':
      return <DesignerListComponent {...block} />
    case 'eventList': {
      const categories = (block.categories ?? []).map((c) => (typeof c === 'string' ? c : c.id))
      const { events } = await listEvents(
        db,
        {
          limit: Math.min(50, Number(block.limit ?? 6)),
          featured: block.featuredOnly ? true : undefined,
          category: categories[0],
          type: block.eventTypes?.[0] ?? undefined,
          from: block.upcomingOnly === false ? new Date(0) : undefined,
        },
        new Date(),
      )
      return <EventListComponent block={block} events={events} />
    }
    case 'feature':
      return <FeatureComponent {...block} />
    case 'gallery':
      return <GalleryComponent {...block} />
    case 'image':
      return <ImageComponent {...block} />
    case 'richText':
      return <RichTextComponent {...block} />
    case 'sponsorList':
      return <SponsorListComponent {...block} />
    case 'testimonial':
      return <TestimonialComponent {...block} />
    case 'video':
      return <VideoComponent {...block} />
    default:
      return null
  }
}

export function RenderBlocks({ blocks, db }: { blocks: Page['layout']; db: Pool }) {
  return (
    <>
      {(blocks ?? []).map((b, i) => (
        <OneBlock key={b.id ?? i} block={b} db={db} />
      ))}
    </>
  )
}
