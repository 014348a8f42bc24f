import type { Block } from 'payload'

export const RichTextBlock: Block = {
  slug: 'richText',
  interfaceName: 'RichTextBlock',
  fields: [
    { name: 'title', type: 'text' },
    { name: 'content', type: 'richText', required: true },
  ],
}
