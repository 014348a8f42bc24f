/** What the storefront's block components share: a media document's URL and an image tag for it. */
import React from 'react'

export type MediaLike =
  | {
      url?: string | null
      alt?: string | null
      width?: number | null
      height?: number | null
      sizes?: Record<string, { url?: string | null }>
    }
  | string
  | null
  | undefined

/** The URL of a populated media document (a size when it exists), or null when it is only an id. */
export function mediaUrl(media: MediaLike, size?: string): string | null {
  if (!media || typeof media === 'string') return null
  return (size && media.sizes?.[size]?.url) || media.url || null
}

export function Img({ media, size, className }: { media: MediaLike; size?: string; className?: string }) {
  const src = mediaUrl(media, size)
  if (!src || !media || typeof media === 'string') return null
  return (
    <img
      className={className}
      src={src}
      alt={media.alt ?? ''}
      width={media.width ?? undefined}
      height={media.height ?? undefined}
      loading="lazy"
    />
  )
}

/** Only links the storefront should follow: site paths and http(s) URLs (no javascript: URLs from content). */
export const safeHref = (url: unknown) => (typeof url === 'string' && /^(\/(?!\/)|https?:\/\/)/.test(url) ? url : '#')
