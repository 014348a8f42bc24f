// GET /monaco/vs/…: the admin's code and JSON editor (Monaco) served from the installed
// `monaco-editor` package, so the editor works without internet (Payload's editor loads it from a
// CDN by default; src/components/admin/LocalMonaco.tsx points the loader here).
import { readFile } from 'node:fs/promises'
import path from 'node:path'

export const dynamic = 'force-dynamic'

const root = path.join(process.cwd(), 'node_modules', 'monaco-editor', 'min')
const types: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
}

export async function GET(_req: Request, ctx: { params: Promise<{ path: string[] }> }) {
  const parts = (await ctx.params).path
  const file = path.join(root, ...parts)
  const type = types[path.extname(file)]
  // Only files under the package's min/ folder, and only the kinds Monaco asks for.
  if (!type || !file.startsWith(root + path.sep) || parts.some((p) => p === '..' || p.includes('\0'))) {
    return new Response('Not found', { status: 404 })
  }
  try {
    const body = await readFile(file)
    return new Response(body, { headers: { 'content-type': type, 'cache-control': 'public, max-age=86400' } })
  } catch {
    return new Response('Not found', { status: 404 })
  }
}
