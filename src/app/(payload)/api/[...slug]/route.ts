import config from '@payload-config'
import '@payloadcms/next/css'
import { REST_DELETE, REST_GET, REST_OPTIONS, REST_PATCH, REST_POST, REST_PUT } from '@payloadcms/next/routes'
import { getPayload } from 'payload'

import { withApiKeyGate } from '../../../../plugins/api-keys'

// API keys: 401 for bad keys, 429 over limits, usage logs; everything else is Payload's own handler.
const payload = () => getPayload({ config })

export const GET = withApiKeyGate(payload, REST_GET(config))
export const POST = withApiKeyGate(payload, REST_POST(config))
export const DELETE = withApiKeyGate(payload, REST_DELETE(config))
export const PATCH = withApiKeyGate(payload, REST_PATCH(config))
export const PUT = withApiKeyGate(payload, REST_PUT(config))
export const OPTIONS = REST_OPTIONS(config)
