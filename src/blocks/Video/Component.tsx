import React from 'react'

import type { VideoBlock } from '../../payload-types'
import { mediaUrl } from '../shared'

/** YouTube and Vimeo links become their privacy-friendly embeds; an upload plays in a video element. */
function embedOf(url: string): string | null {
  const yt = /(?:youtube\.com\/watch\?v=|youtu\.be\/)([\w-]{6,})/.exec(url)
  if (yt) return `https://www.youtube-nocookie.com/embed/${yt[1]}`
  const vimeo = /vimeo\.com\/(\d+)/.exec(url)
  if (vimeo) return `https://player.vimeo.com/video/${vimeo[1]}`
  return null
}

export function VideoComponent(b: VideoBlock) {
  const file = mediaUrl(b.file)
  const embed = b.url ? embedOf(b.url) : null
  return (
    <section className="block video">
      {b.title && <h2>{b.title}</h2>}
      {file && (
        <video src={file} poster={mediaUrl(b.poster) ?? undefined} controls autoPlay={Boolean(b.autoplay)} muted={Boolean(b.autoplay)} />
      )}
      {!file && embed && (
        <iframe src={embed} title={b.title ?? 'Video'} allow="encrypted-media; picture-in-picture" allowFullScreen loading="lazy" />
      )}
    </section>
  )
}
