/**
 * npm run generate:graphql: writes the GraphQL schema (collections plus the custom operations)
 * to src/graphql/schema.graphql, the committed contract for frontends. A test fails when the
 * committed file differs from what the config produces.
 */
import fs from 'node:fs'

import { configToSchema } from '@payloadcms/graphql'
import { printSchema } from 'graphql'

const { default: configPromise } = await import('../payload.config')
const config = await configPromise
const out = process.env.GRAPHQL_SCHEMA_OUT || config.graphQL.schemaOutputFile
fs.writeFileSync(out, `${printSchema(configToSchema(config).schema)}\n`)
console.log(`GraphQL schema written to ${out}`)
process.exit(0)
