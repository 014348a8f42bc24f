import config from '@payload-config'
import { GRAPHQL_POST, REST_OPTIONS } from '@payloadcms/next/routes'
import { getPayload } from 'payload'

import { addressKey, clientAddress } from '../../../../config/clientAddress'
import { apiBounds } from '../../../../config/env'
import { withApiKeyGate } from '../../../../plugins/api-keys'
import { withRequestGuard } from '../../../../plugins/request-guard'
import { measured } from '../restHandlers'

const graphql = GRAPHQL_POST(config)
export const POST = measured(
  withApiKeyGate(
    () => getPayload({ config }),
    withRequestGuard(config, (req: Request, _ctx: { params: Promise<Record<string, never>> }) => graphql(req), {
      ...apiBounds(),
      graphql: true,
    }),
    { clientAddress: (req: Request) => clientAddress(req.headers), addressKey },
  ),
)
export const OPTIONS = REST_OPTIONS(config)
