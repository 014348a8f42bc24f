import config from '@payload-config'
import { draftMode } from 'next/headers'
import { redirect } from 'next/navigation'
import { getPayload } from 'payload'

import { can, getPrincipal } from '../../../access/principal'

export const dynamic = 'force-dynamic'

/**
 * GET /preview?path=/some-page: the storefront in draft mode (latest drafts instead of what is
 * published), for signed-in editors only; anyone else gets 403 and no draft cookie. The admin's
 * live preview and its preview links open pages through here.
 */
export async function GET(req: Request) {
  const url = new URL(req.url)
  const path = url.searchParams.get('path') ?? '/'
  if (!/^\/(?!\/)[\w\-/]*$/.test(path)) return new Response('Bad path', { status: 400 })
  const payload = await getPayload({ config })
  const { user } = await payload.auth({ headers: req.headers })
  const principal = user ? await getPrincipal({ payload, user } as never) : null
  if (!principal || !can(principal, 'pages', 'update')) return new Response('Only signed-in editors may preview drafts.', { status: 403 })
  ;(await draftMode()).enable()
  redirect(path)
}
