import type { MetadataRoute } from 'next'

import { siteOrigin } from './siteUrl'

export const dynamic = 'force-dynamic'

/** /robots.txt: the storefront is public; the admin and the API are not for crawlers. */
export default async function robots(): Promise<MetadataRoute.Robots> {
  return {
    rules: [{ userAgent: '*', allow: '/', disallow: ['/admin', '/api/', '/preview'] }],
    sitemap: `${await siteOrigin()}/sitemap.xml`,
  }
}
