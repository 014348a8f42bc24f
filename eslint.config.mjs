// ESLint (typescript-eslint) with one project rule, `layers/direction`, that keeps imports
// pointing one way (see CONVENTIONS in the README):
//   app -> graphql/openapi/seed -> endpoints/collections/plugins/jobs/hooks/blocks/components
//       -> domain -> db/access/fields/email -> config
// Plugins import only payload, npm packages and their own folder; everyone else imports a
// plugin through its index.ts. One endpoint does not import another (endpoints/http.ts is the
// shared edge). Prettier owns the formatting (eslint-config-prettier turns off what it decides).
import path from 'node:path'

import prettier from 'eslint-config-prettier'
import tseslint from 'typescript-eslint'

const SRC = path.resolve(import.meta.dirname, 'src')

const RANK = {
  config: 0,
  db: 1,
  access: 1,
  fields: 1,
  email: 1,
  domain: 2,
  hooks: 3,
  collections: 3,
  blocks: 3,
  components: 3,
  plugins: 3,
  jobs: 3,
  endpoints: 3,
  graphql: 4,
  openapi: 4,
  seed: 4,
  dev: 4,
  app: 5,
}
/** Same-rank imports that are wiring, not a reversed direction. */
const SIDEWAYS = {
  collections: ['hooks', 'endpoints', 'blocks', 'plugins', 'components'],
  blocks: ['hooks'],
  endpoints: ['plugins'],
  jobs: ['plugins'],
  hooks: ['plugins'],
  components: [],
  plugins: [],
  // The principal (access/principal.ts) loads a user's roles and permissions in one statement.
  access: ['db'],
}

function layerOf(file) {
  const rel = path.relative(SRC, file)
  if (rel.startsWith('..')) return null
  const parts = rel.split(path.sep)
  return { layer: parts[0], parts }
}

const direction = {
  meta: { type: 'problem', schema: [], messages: { bad: '{{why}}' } },
  create(context) {
    const from = layerOf(context.filename)
    if (!from || !(from.layer in RANK)) return {}
    const check = (node, source) => {
      if (typeof source !== 'string') return
      let target
      if (source.startsWith('.')) target = path.resolve(path.dirname(context.filename), source)
      else if (source.startsWith('@/')) target = path.join(SRC, source.slice(2))
      else if (source === '@payload-config') target = path.join(SRC, 'app', 'payload.config')
      else return
      const to = layerOf(target)
      if (!to) return context.report({ node, messageId: 'bad', data: { why: `src/ does not import from outside src/ (${source})` } })
      if (to.layer === from.layer && from.layer !== 'plugins' && from.layer !== 'endpoints') return
      const report = (why) => context.report({ node, messageId: 'bad', data: { why } })
      if (from.layer === 'plugins') {
        if (to.layer !== 'plugins' || to.parts[1] !== from.parts[1])
          return report(`a plugin imports only payload, npm packages and its own folder, not ${source}`)
        return
      }
      if (to.layer === 'plugins') {
        const inner = to.parts
          .slice(2)
          .join('/')
          .replace(/\.(ts|tsx)$/, '')
        if (inner !== '' && inner !== 'index')
          return report(`import what plugins/${to.parts[1]}/index.ts exports, not its inner file ${source}`)
        // Domain code emits webhook events and reads encrypted fields through the plugins' public index.
        if (from.layer === 'domain') return
      }
      if (from.layer === 'endpoints' && to.layer === 'endpoints') {
        const shared = to.parts[1]?.replace(/\.(ts|tsx)$/, '') === 'http'
        const sameFolder = path.dirname(target) === path.dirname(context.filename)
        if (!shared && !sameFolder)
          return report(`one endpoint does not import another (${source}); move the shared part to domain/ or endpoints/http.ts`)
        return
      }
      const a = RANK[from.layer]
      const b = RANK[to.layer]
      if (b === undefined) return
      if (b < a) return
      if (b === a && (SIDEWAYS[from.layer] ?? []).includes(to.layer)) return
      report(`${from.layer}/ does not import ${to.layer}/ (${source}): imports point from app towards config`)
    }
    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
    }
  },
}

export default tseslint.config(
  {
    ignores: [
      '.next/**',
      '.next-*/**',
      'node_modules/**',
      '.data/**',
      'src/payload-types.ts',
      'src/app/(payload)/admin/importMap.js',
      'bench/results/**',
      'migrations/*.json',
    ],
  },
  ...tseslint.configs.recommended,
  prettier,
  {
    plugins: { layers: { rules: { direction } } },
    rules: {
      'layers/direction': 'error',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['tests/**', 'bench/**', 'scripts/**', 'migrations/**'],
    rules: { '@typescript-eslint/no-unused-vars': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
)
