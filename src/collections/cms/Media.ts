import path from 'node:path'
import type { CollectionBeforeChangeHook, CollectionConfig } from 'payload'
import { ValidationError } from 'payload'

import { anyOrOwn, anyone, permitted } from '../../access/rules'
import { slugs } from '../../config/slugs'

/** Alt text is required for images (not for audio, video or documents); uploader comes from the session. */
const requireAltAndUploader: CollectionBeforeChangeHook = ({ data, req, operation, originalDoc }) => {
  const mime = String(data.mimeType ?? originalDoc?.mimeType ?? '')
  const alt = data.alt ?? originalDoc?.alt
  if (mime.startsWith('image/') && (!alt || String(alt).trim() === '')) {
    throw new ValidationError({ collection: slugs.media, errors: [{ path: 'alt', message: 'Alt text is required for images.' }] })
  }
  // The uploader is whoever is signed in, never what the client claims.
  if (operation === 'create' && req.user) data.uploadedBy = req.user.id
  return data
}

export const Media: CollectionConfig<'media'> = {
  slug: slugs.media,
  admin: { useAsTitle: 'filename', group: 'Content', defaultColumns: ['filename', 'alt', 'folder', 'mimeType', 'filesize'] },
  access: {
    read: anyone,
    create: permitted(slugs.media, 'create'),
    update: anyOrOwn(slugs.media, 'update', 'uploadedBy'),
    delete: anyOrOwn(slugs.media, 'delete', 'uploadedBy'),
  },
  upload: {
    staticDir: process.env.MEDIA_DIR ?? path.resolve(process.cwd(), '.data/media'),
    mimeTypes: ['image/*', 'video/*', 'audio/*', 'application/pdf'],
    imageSizes: [
      { name: 'thumbnail', width: 320, height: 320, position: 'centre', formatOptions: { format: 'webp', options: { quality: 80 } } },
      { name: 'card', width: 768, height: 512, position: 'centre', formatOptions: { format: 'webp', options: { quality: 82 } } },
      {
        name: 'hero',
        width: 1920,
        height: undefined,
        withoutEnlargement: true,
        formatOptions: { format: 'webp', options: { quality: 85 } },
      },
    ],
    adminThumbnail: 'thumbnail',
    focalPoint: true,
  },
  hooks: { beforeChange: [requireAltAndUploader] },
  fields: [
    { name: 'alt', type: 'text', admin: { description: 'Required for images: what the image shows, for screen readers.' } },
    { name: 'caption', type: 'textarea' },
    { name: 'folder', type: 'text', defaultValue: '/', index: true },
    { name: 'tags', type: 'text', hasMany: true, index: true },
    { name: 'duration', type: 'number', min: 0, admin: { description: 'Seconds, for audio and video.' } },
    {
      name: 'uploadedBy',
      type: 'relationship',
      relationTo: slugs.users,
      index: true,
      admin: { readOnly: true, position: 'sidebar' },
      access: { update: () => false },
    },
    { name: 'metaData', type: 'json' },
  ],
  timestamps: true,
}
