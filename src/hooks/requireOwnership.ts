import { Forbidden, type CollectionBeforeChangeHook, type PayloadRequest } from 'payload'

import { can, getPrincipal } from '../access/principal'

/**
 * For creates (and re-parenting updates) by users who only hold `resource:*-own`: the parent
 * they attach the row to must be theirs. Row-level `update` rules cover existing rows; this
 * covers the row being created, which no `Where` can.
 */
export const requireOwnership =
  (
    resource: string,
    ownsParent: (data: Record<string, unknown>, req: PayloadRequest, userId: string) => Promise<boolean>,
  ): CollectionBeforeChangeHook =>
  async ({ data, originalDoc, req }) => {
    if (!req.user) return data
    const principal = await getPrincipal(req)
    if (can(principal, resource, 'update')) return data
    const merged = { ...(originalDoc ?? {}), ...data }
    if (!(await ownsParent(merged, req, String(req.user.id)))) throw new Forbidden(req.t)
    return data
  }
