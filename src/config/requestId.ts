/**
 * Every request's id: set by the platform's front (scripts/front.ts) from a well-formed incoming
 * `X-Request-Id` (a balancer's) or a new UUID, sent to the app, returned on every answer, written
 * in the logs and in every JSON error body, so a support request can be traced.
 */
import crypto from 'node:crypto'

export const REQUEST_ID_HEADER = 'x-request-id'

const WELL_FORMED = /^[A-Za-z0-9._:-]{8,128}$/

/** The request's id: the incoming header when well formed, else a new one. */
export function requestIdOf(headers: { get(name: string): string | null } | Record<string, string | string[] | undefined>): string {
  const raw =
    typeof headers.get === 'function'
      ? (headers as { get(n: string): string | null }).get(REQUEST_ID_HEADER)
      : (headers as Record<string, unknown>)[REQUEST_ID_HEADER]
  const v = Array.isArray(raw) ? raw[0] : raw
  return typeof v === 'string' && WELL_FORMED.test(v) ? v : crypto.randomUUID()
}
