/**
 * The permission vocabulary: every (resource, action) pair the platform knows, and which
 * role gets which by default. Roles and permissions live in the database (collections
 * `roles` and `permissions`); this file is what `ensureAccessModel` syncs into it at start-up.
 *
 * Actions:
 * - `read`                 read every row of the resource, whatever its status (public rows need no permission)
 * - `create`               create rows
 * - `update` / `delete`    change or remove any row
 * - `read-own` / `update-own` / `delete-own`  the same, for rows the user owns (the owner path is set per collection)
 * - `manage`               fields only administrators set (roles, user type, status, ...)
 * - `admin:access`         enter the admin UI
 * The same `resource:action` strings are the scopes of partner API keys.
 */
import { slugs } from '../config/slugs'

export const ACTIONS = ['read', 'create', 'update', 'update-own', 'delete', 'delete-own', 'manage'] as const
export type Action = (typeof ACTIONS)[number] | 'access' | (string & {})

export type PermissionKey = `${string}:${string}`

export const key = (resource: string, action: string): PermissionKey => `${resource}:${action}`

/** Resources and the actions that mean something for each. */
export const RESOURCES: Record<string, readonly string[]> = {
  admin: ['access'],
  [slugs.users]: ['read', 'create', 'update', 'delete', 'manage'],
  [slugs.roles]: ['read', 'create', 'update', 'delete'],
  [slugs.permissions]: ['read', 'create', 'update', 'delete'],
  [slugs.events]: ['read', 'create', 'update', 'update-own', 'delete', 'delete-own'],
  [slugs.eventSchedules]: ['create', 'update', 'update-own', 'delete', 'delete-own'],
  [slugs.eventCategories]: ['create', 'update', 'delete'],
  [slugs.venues]: ['read', 'create', 'update', 'update-own', 'delete', 'delete-own'],
  [slugs.venueSections]: ['create', 'update', 'update-own', 'delete', 'delete-own'],
  [slugs.venueSeats]: ['create', 'update', 'update-own', 'delete', 'delete-own'],
  [slugs.pages]: ['read', 'create', 'update', 'delete'],
  [slugs.media]: ['create', 'update', 'update-own', 'delete', 'delete-own'],
  [slugs.ticketTypes]: ['read', 'create', 'update', 'update-own', 'delete', 'delete-own'],
  [slugs.orders]: ['read', 'update', 'refund', 'refund-own', 'cancel', 'cancel-own'],
  // read: every ticket; read-assigned: the tickets (attendees) of the events one is door staff of.
  // check-in-any: every event; check-in: the events one is assigned to as staff; check-in-own: the events one organizes.
  [slugs.tickets]: ['read', 'read-assigned', 'update', 'check-in-any', 'check-in', 'check-in-own'],
  [slugs.discountCodes]: ['read', 'read-own', 'create', 'update', 'update-own', 'delete', 'delete-own'],
  [slugs.holds]: ['read'],
  [slugs.paymentEvents]: ['read'],
  [slugs.refunds]: ['read'],
  [slugs.notifications]: ['read'],
  [slugs.designers]: ['read', 'create', 'update', 'update-own', 'delete', 'manage'],
  [slugs.fashionCollections]: ['read', 'create', 'update', 'update-own', 'delete', 'delete-own'],
  [slugs.runwayShows]: ['read', 'create', 'update', 'update-own', 'delete', 'delete-own'],
  [slugs.models]: ['read', 'create', 'update', 'delete'],
  [slugs.runwayAppearances]: ['read'],
  [slugs.designerCollaborations]: ['create', 'update', 'delete'],
  [slugs.designerAnalytics]: ['read'],
  [slugs.sponsors]: ['read', 'create', 'update', 'update-own', 'delete', 'manage'],
  [slugs.sponsorshipTiers]: ['create', 'update', 'delete'],
  [slugs.sponsorBenefits]: ['create', 'update', 'delete'],
  [slugs.sponsorships]: ['read', 'read-own', 'create', 'update', 'update-own', 'delete', 'delete-own'],
  [slugs.sponsorshipAssets]: ['read', 'create', 'update', 'delete', 'review', 'review-own'],
  [slugs.sponsorAnalytics]: ['read', 'read-own', 'update'],
  [slugs.marketingCampaigns]: ['read', 'create', 'update', 'delete'],
  [slugs.campaignAssets]: ['read', 'create', 'update', 'delete'],
  [slugs.emailCampaigns]: ['read', 'create', 'update', 'delete', 'send'],
  [slugs.emailSends]: ['read'],
  [slugs.socialPosts]: ['read', 'create', 'update', 'delete'],
  [slugs.marketingSegments]: ['read', 'create', 'update', 'delete'],
  [slugs.campaignAnalytics]: ['read', 'create', 'update', 'delete'],
  [slugs.emailAnalytics]: ['read'],
  [slugs.socialAnalytics]: ['read', 'create', 'update', 'delete'],
  [slugs.userEngagement]: ['read'],
  // The analytics reports under /api/reports/<name> (and the admin dashboard built on them).
  reports: ['read'],
  [slugs.auditLogs]: ['read'],
  [slugs.apiKeys]: ['read', 'read-own', 'create', 'update', 'update-own', 'delete', 'delete-own'],
  [slugs.encryptionKeys]: ['read'],
  [slugs.dataSubjectRequests]: ['read', 'update', 'delete'],
  // Partners' webhooks (their own; admins see every hook).
  webhooks: ['manage'],
}

export const ALL_PERMISSIONS: PermissionKey[] = Object.entries(RESOURCES).flatMap(([resource, actions]) =>
  actions.map((action) => key(resource, action)),
)

export const ROLE_NAMES = ['admin', 'organizer', 'editor', 'designer', 'sponsor', 'staff', 'attendee', 'marketing', 'auditor'] as const
export type RoleName = (typeof ROLE_NAMES)[number]

/** The superuser role: holds every permission, including ones added later. */
export const SUPERUSER_ROLE: RoleName = 'admin'

const own = (resource: string) => [key(resource, 'create'), key(resource, 'update-own'), key(resource, 'delete-own')]

export const DEFAULT_GRANTS: Record<RoleName, { description: string; permissions: PermissionKey[] }> = {
  admin: { description: 'Everything, including users and roles.', permissions: ALL_PERMISSIONS },
  organizer: {
    description: 'Creates events and venues and manages their own.',
    permissions: [
      'admin:access',
      ...own(slugs.events),
      ...own(slugs.eventSchedules),
      ...own(slugs.venues),
      ...own(slugs.venueSections),
      ...own(slugs.venueSeats),
      ...own(slugs.media),
      ...own(slugs.ticketTypes),
      ...own(slugs.discountCodes),
      key(slugs.discountCodes, 'read-own'),
      key(slugs.orders, 'refund-own'),
      key(slugs.orders, 'cancel-own'),
      key(slugs.tickets, 'check-in-own'),
      ...own(slugs.runwayShows),
      key(slugs.models, 'create'),
      ...own(slugs.apiKeys),
      key(slugs.apiKeys, 'read-own'),
      key(slugs.sponsors, 'read'),
      ...own(slugs.sponsorships),
      key(slugs.sponsorships, 'read-own'),
      key(slugs.sponsorshipAssets, 'review-own'),
      key(slugs.sponsorAnalytics, 'read-own'),
      // Their own partner webhooks (orders and check-ins of their events, public changes).
      key('webhooks', 'manage'),
    ],
  },
  editor: {
    description: 'Builds pages, curates media and categories; reads every event.',
    permissions: [
      'admin:access',
      key(slugs.events, 'read'),
      key(slugs.venues, 'read'),
      key(slugs.pages, 'read'),
      key(slugs.pages, 'create'),
      key(slugs.pages, 'update'),
      key(slugs.pages, 'delete'),
      key(slugs.media, 'create'),
      key(slugs.media, 'update'),
      key(slugs.media, 'delete'),
      key(slugs.eventCategories, 'create'),
      key(slugs.eventCategories, 'update'),
      key(slugs.eventCategories, 'delete'),
      key(slugs.designers, 'read'),
      key(slugs.fashionCollections, 'read'),
      key(slugs.designerCollaborations, 'create'),
      key(slugs.designerCollaborations, 'update'),
      key(slugs.designerCollaborations, 'delete'),
    ],
  },
  marketing: {
    description: 'Campaign staff: campaigns, email, social posts, segments and promotional codes; reads sponsorships and every report.',
    permissions: [
      'admin:access',
      key(slugs.events, 'read'),
      key(slugs.pages, 'read'),
      key(slugs.pages, 'create'),
      key(slugs.pages, 'update'),
      ...own(slugs.media),
      key(slugs.discountCodes, 'read'),
      key(slugs.discountCodes, 'create'),
      key(slugs.discountCodes, 'update'),
      ...[
        slugs.marketingCampaigns,
        slugs.campaignAssets,
        slugs.emailCampaigns,
        slugs.socialPosts,
        slugs.marketingSegments,
        slugs.campaignAnalytics,
        slugs.socialAnalytics,
      ].flatMap((r) => [key(r, 'read'), key(r, 'create'), key(r, 'update'), key(r, 'delete')]),
      key(slugs.emailCampaigns, 'send'),
      key(slugs.emailSends, 'read'),
      key(slugs.emailAnalytics, 'read'),
      key(slugs.userEngagement, 'read'),
      key(slugs.sponsors, 'read'),
      key(slugs.sponsorships, 'read'),
      key(slugs.sponsorshipAssets, 'read'),
      key(slugs.sponsorAnalytics, 'read'),
      key('reports', 'read'),
    ],
  },
  staff: {
    description: 'Event-day staff: reads events and venues, and reads and checks in the tickets of the events they are assigned to.',
    permissions: [
      'admin:access',
      key(slugs.events, 'read'),
      key(slugs.venues, 'read'),
      key(slugs.tickets, 'read-assigned'),
      key(slugs.tickets, 'check-in'),
    ],
  },
  designer: {
    description: 'A designer account (front-end only): their own designer profile, collections, items and images.',
    permissions: [
      ...own(slugs.media),
      key(slugs.designers, 'create'),
      key(slugs.designers, 'update-own'),
      ...own(slugs.fashionCollections),
    ],
  },
  sponsor: {
    description: 'A sponsor account (front-end only): their own sponsor profile, and assets for their sponsorships.',
    permissions: [
      ...own(slugs.media),
      key(slugs.sponsors, 'create'),
      key(slugs.sponsors, 'update-own'),
      key(slugs.sponsorshipAssets, 'create'),
    ],
  },
  attendee: { description: 'A ticket buyer (front-end only).', permissions: [] },
  auditor: {
    description: 'Reads the audit log in the admin UI, and nothing else.',
    permissions: ['admin:access', key(slugs.auditLogs, 'read')],
  },
}
