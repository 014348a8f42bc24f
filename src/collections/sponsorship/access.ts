/**
 * Row rules of the sponsorship layer. A sponsor user is linked to their sponsor profile
 * (`sponsors.owner`); an organizer to the events they organize. Both are `Where`s, so every
 * list is filtered in SQL.
 */
import type { Access, Where } from 'payload'

import { can, getPrincipal } from '../../access/principal'
import { slugs } from '../../config/slugs'

const eq = (path: string, id: string | number): Where => ({ [path]: { equals: id } })

/**
 * `resource:read` sees every row; otherwise the rows linked to the user through `sponsorPath`
 * (their sponsor profile) and, with `resource:<ownAction>`, through `organizerPath` (their events).
 */
export const sponsorOrOrganizer =
  (resource: string, action: string, sponsorPath: string | null, organizerPath: string | null, ownAction = `${action}-own`): Access =>
  async ({ req }) => {
    const principal = await getPrincipal(req)
    if (!principal) return false
    if (can(principal, resource, action)) return true
    const or: Where[] = []
    if (sponsorPath) or.push(eq(sponsorPath, principal.id))
    if (organizerPath && can(principal, resource, ownAction)) or.push(eq(organizerPath, principal.id))
    return or.length ? { or } : false
  }

/** Whether the user may review (approve or reject) the assets of a sponsorship of `eventOrganizer`'s event. */
export async function mayReview(req: Parameters<Access>[0]['req'], eventOrganizer: string | null): Promise<boolean> {
  const principal = await getPrincipal(req)
  if (!principal) return false
  if (can(principal, slugs.sponsorshipAssets, 'review')) return true
  return can(principal, slugs.sponsorshipAssets, 'review-own') && eventOrganizer !== null && String(eventOrganizer) === String(principal.id)
}
