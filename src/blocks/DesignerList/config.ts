import type { Block } from 'payload'

import { resolveDesigners } from './resolve'

/**
 * Designers on a page: `featured` resolves to GET /api/designers/featured (featured active
 * designers with their latest collections); `manual` lists the designers picked here.
 */
export const DesignerListBlock: Block = {
  slug: 'designerList',
  interfaceName: 'DesignerListBlock',
  fields: [
    { name: 'title', type: 'text' },
    { name: 'mode', type: 'select', defaultValue: 'featured', options: ['featured', 'manual'] },
    {
      name: 'designers',
      type: 'relationship',
      relationTo: 'designers',
      hasMany: true,
      admin: { condition: (_, s) => s?.mode === 'manual' },
    },
    { name: 'limit', type: 'number', defaultValue: 6, min: 1, max: 50 },
    {
      name: 'resolvedDesigners',
      type: 'json',
      virtual: true,
      admin: { readOnly: true, hidden: true },
      hooks: { afterRead: [resolveDesigners] },
    },
  ],
}
