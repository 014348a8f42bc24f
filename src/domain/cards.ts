/** What the site's listings share: a keyset cursor (the sort key and the id of a page's last row) and media file URLs. */
import { DomainError } from './ticketing/errors'

const UUID = /^[0-9a-f-]{36}$/i

/** An opaque cursor for `(key, id)`. */
export const encodeCursor = (key: string, id: string) => Buffer.from(JSON.stringify([key, id])).toString('base64url')

/** The `(key, id)` of a cursor this API issued (`validKey` checks the key), or a 400 naming `cursor`. */
export function decodeCursor(cursor: string, validKey: (key: string) => boolean = () => true): { key: string; id: string } {
  try {
    const [key, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown]
    if (typeof key !== 'string' || !validKey(key) || typeof id !== 'string' || !UUID.test(id)) throw new Error('shape')
    return { key, id }
  } catch {
    throw new DomainError('invalid_request', 'Invalid cursor: pass back the nextCursor of a previous page unchanged.', 400, {
      issues: [{ path: 'cursor', message: 'not a cursor this API issued' }],
    })
  }
}

/** The URL Payload serves an uploaded file at, or null when there is none. */
export const mediaFileUrl = (filename: unknown) =>
  typeof filename === 'string' && filename ? `/api/media/file/${encodeURIComponent(filename)}` : null
