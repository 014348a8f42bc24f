import config from '@payload-config'
import { GRAPHQL_POST, REST_OPTIONS } from '@payloadcms/next/routes'
import { getPayload } from 'payload'

import { withApiKeyGate } from '../../../../plugins/api-keys'

const graphql = GRAPHQL_POST(config)
export const POST = withApiKeyGate(() => getPayload({ config }), (req: Request, _ctx: { params: Promise<Record<string, never>> }) => graphql(req))
export const OPTIONS = REST_OPTIONS(config)
