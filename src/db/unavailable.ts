/**
 * Whether an error means the database cannot be reached (down, restarting, connection cut, no
 * connection free within the pool's timeout, DATABASE_CONNECT_TIMEOUT_MS: under a crowd larger
 * than the pool this sheds load) rather than a fault of the request: callers answer 503 with
 * Retry-After for these, never a 500, and the pool reconnects by itself once it is back.
 */
const CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
])
const MESSAGES =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|terminating connection|the database system is (starting up|shutting down|in recovery mode)|Client has encountered a connection error|Connection ended unexpectedly/i

export const DATABASE_RETRY_AFTER = 5

export function isDatabaseUnavailable(err: unknown): boolean {
  for (
    let e = err as { code?: unknown; message?: unknown; cause?: unknown } | undefined, depth = 0;
    e && depth < 6;
    e = e.cause as typeof e, depth++
  ) {
    if (typeof e.code === 'string' && CODES.has(e.code)) return true
    if (typeof e.message === 'string' && MESSAGES.test(e.message)) return true
  }
  return false
}

export const databaseUnavailableBody = (requestId?: string) => ({
  error: 'database_unavailable',
  message:
    'The database cannot be reached right now (it may be restarting); nothing was changed by this request. Try again in a few seconds.',
  retryAfter: DATABASE_RETRY_AFTER,
  ...(requestId ? { requestId } : {}),
})
