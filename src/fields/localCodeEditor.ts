/**
 * Puts the app's JSON field component (Monaco served by this app, not a CDN) on every JSON field
 * of the given collections and globals, nested ones included, unless a field already has its own.
 * Applied once to the whole config, so plugins' JSON fields are covered too.
 */
import type { Config, Field } from 'payload'

const COMPONENT = '/src/components/admin/JsonField#JsonField'

function visit(fields: Field[]): void {
  for (const f of fields) {
    if (f.type === 'json') {
      const admin = (f.admin ??= {})
      const components = (admin.components ??= {})
      components.Field ??= COMPONENT
    }
    if ('fields' in f && Array.isArray(f.fields)) visit(f.fields as Field[])
    if (f.type === 'tabs') for (const tab of f.tabs) visit(tab.fields)
    if (f.type === 'blocks') for (const block of f.blocks) if (typeof block === 'object') visit(block.fields)
  }
}

export const localCodeEditor = (config: Config): Config => {
  for (const c of config.collections ?? []) visit(c.fields)
  for (const g of config.globals ?? []) visit(g.fields)
  return config
}
