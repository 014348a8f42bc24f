/**
 * Access rule factories. Every collection composes its rules from these, so the decision
 * logic lives in one place and every row rule is a Payload `Where` (filtered in SQL).
 */
import type { Access, FieldAccess, PayloadRequest, Where } from 'payload'

import { can, getPrincipal, mayActAsOwner } from './principal'

type Req = { req: PayloadRequest }

/** Allowed when the principal holds `resource:action`. */
export const permitted =
  (resource: string, action: string): Access =>
  async ({ req }: Req) =>
    can(await getPrincipal(req), resource, action)

/** Field-level form of `permitted` (field rules must answer yes or no). */
export const fieldPermitted =
  (resource: string, action: string): FieldAccess =>
  async ({ req }) =>
    can(await getPrincipal(req), resource, action)

/** Anyone, signed in or not. */
export const anyone: Access = () => true

/** Nobody through the API (the platform writes these rows itself, with overrideAccess). */
export const nobody: Access = () => false

/** Any signed-in user. */
export const signedIn: Access = ({ req }) => Boolean(req.user)

const ownWhere = (ownerPath: string, id: string | number): Where => ({ [ownerPath]: { equals: id } })

/**
 * `resource:action` for every row, else `resource:action-own` for the rows whose
 * `ownerPath` (a field, or a path through a relation such as `event.organizer`) is the user.
 */
export const anyOrOwn =
  (resource: string, action: 'read' | 'update' | 'delete', ownerPath: string): Access =>
  async ({ req }: Req) => {
    const principal = await getPrincipal(req)
    if (!principal) return false
    if (can(principal, resource, action)) return true
    if (can(principal, resource, `${action}-own`)) return ownWhere(ownerPath, principal.id)
    return false
  }

/**
 * Reading: `resource:read` sees every row; everyone else sees the public rows, plus
 * (when `ownerPath` is given) the rows they own.
 */
export const publicOrPermitted =
  (resource: string, publicWhere: Where | ((req: PayloadRequest) => Where), ownerPath?: string): Access =>
  async ({ req }: Req) => {
    const principal = await getPrincipal(req)
    if (can(principal, resource, 'read')) return true
    const base = typeof publicWhere === 'function' ? publicWhere(req) : publicWhere
    if (principal && ownerPath && mayActAsOwner(principal, resource)) return { or: [base, ownWhere(ownerPath, principal.id)] }
    return base
  }

/**
 * The user's own record (`id` equals theirs), or every record with `resource:action`. The "own
 * record" branch is a signed-in person's only: an API key reaches its owner's account only
 * through a scope that names it (and account actions not at all: users' refuseKeyAccountActions).
 */
export const selfOrPermitted =
  (resource: string, action: string): Access =>
  async ({ req }: Req) => {
    const principal = await getPrincipal(req)
    if (!principal) return false
    if (can(principal, resource, action)) return true
    if (principal.kind !== 'user') return false
    return { id: { equals: principal.id } }
  }

/**
 * `resource:action` for every row; any signed-in user for the rows they are linked to by
 * `ownerPath` (a person's own profile, whatever their role).
 */
export const permittedOrLinked =
  (resource: string, action: string, ownerPath: string): Access =>
  async ({ req }: Req) => {
    const principal = await getPrincipal(req)
    if (!principal) return false
    if (can(principal, resource, action)) return true
    if (!mayActAsOwner(principal, resource)) return false
    return ownWhere(ownerPath, principal.id)
  }

/**
 * Ticketing rows (orders, tickets, their items and payments): `resource:read` sees every row;
 * otherwise the buyer sees theirs and the organizer those of their events; with
 * `resource:read-assigned`, door staff also see the rows of the events they are assigned to
 * (`staffPath`, the event's staff list), and no other event's.
 */
export const buyerOrganizerOrPermitted =
  (resource: string, buyerPath: string, organizerPath: string, staffPath?: string) =>
  async ({ req }: { req: Parameters<typeof getPrincipal>[0] }): Promise<boolean | Where> => {
    const principal = await getPrincipal(req)
    if (!principal) return false
    if (can(principal, resource, 'read')) return true
    const or: Where[] = []
    if (staffPath && can(principal, resource, 'read-assigned')) or.push({ [staffPath]: { equals: principal.id } })
    if (mayActAsOwner(principal, resource))
      or.push({ [buyerPath]: { equals: principal.id } }, { [organizerPath]: { equals: principal.id } })
    return or.length ? { or } : false
  }
