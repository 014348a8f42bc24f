import type { Block } from 'payload'

export const VideoBlock: Block = {
  slug: 'video',
  interfaceName: 'VideoBlock',
  fields: [
    { name: 'title', type: 'text' },
    {
      name: 'source',
      type: 'radio',
      defaultValue: 'url',
      options: [
        { label: 'External URL', value: 'url' },
        { label: 'Uploaded file', value: 'upload' },
      ],
    },
    { name: 'url', type: 'text', admin: { condition: (_, s) => s?.source !== 'upload' } },
    { name: 'file', type: 'upload', relationTo: 'media', admin: { condition: (_, s) => s?.source === 'upload' } },
    { name: 'poster', type: 'upload', relationTo: 'media' },
    { name: 'autoplay', type: 'checkbox', defaultValue: false },
  ],
}
