import type { Block } from 'payload'

/** Featured or hand-picked designers; the fashion layer resolves it to designer records. */
export const DesignerListBlock: Block = {
  slug: 'designerList',
  interfaceName: 'DesignerListBlock',
  fields: [
    { name: 'title', type: 'text' },
    { name: 'mode', type: 'select', defaultValue: 'featured', options: ['featured', 'latest'] },
    { name: 'limit', type: 'number', defaultValue: 6, min: 1, max: 50 },
  ],
}
