import type { Block } from 'payload'

/** Escape hatch for a front-end component the CMS does not model: a component key and its props. */
export const CustomBlock: Block = {
  slug: 'custom',
  interfaceName: 'CustomBlock',
  fields: [
    { name: 'component', type: 'text', required: true },
    { name: 'props', type: 'json' },
  ],
}
