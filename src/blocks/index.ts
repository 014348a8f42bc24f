import { CallToActionBlock } from './CallToAction/config'
import { CustomBlock } from './Custom/config'
import { DesignerListBlock } from './DesignerList/config'
import { EventListBlock } from './EventList/config'
import { FeatureBlock } from './Feature/config'
import { GalleryBlock } from './Gallery/config'
import { HeroBlock } from './Hero/config'
import { ImageBlock } from './Image/config'
import { RichTextBlock } from './RichText/config'
import { SponsorListBlock } from './SponsorList/config'
import { TestimonialBlock } from './Testimonial/config'
import { VideoBlock } from './Video/config'

/** Every block a page layout may hold, in the order the editor offers them. */
export const pageBlocks = [
  HeroBlock,
  RichTextBlock,
  ImageBlock,
  GalleryBlock,
  VideoBlock,
  CallToActionBlock,
  TestimonialBlock,
  FeatureBlock,
  EventListBlock,
  DesignerListBlock,
  SponsorListBlock,
  CustomBlock,
]
