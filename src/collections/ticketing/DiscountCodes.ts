import { Forbidden, type CollectionBeforeChangeHook, type CollectionConfig } from 'payload'

import { can, getPrincipal } from '../../access/principal'
import { dbFor, rowsOf, sql } from '../../db/sql'
import { idOf } from '../../fields/idOf'

import { anyOrOwn, fieldPermitted, permitted } from '../../access/rules'
import { moneyField } from '../../fields/money'
import { endAfterStart } from '../../fields/validators'
import { slugs } from '../../config/slugs'

const normalise: CollectionBeforeChangeHook = ({ data, req, operation }) => {
  if (typeof data.code === 'string') data.code = data.code.trim().toUpperCase()
  if (typeof data.currency === 'string') data.currency = data.currency.trim().toUpperCase() || null
  if (operation === 'create' && req.user && !data.createdBy) data.createdBy = req.user.id
  return data
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const ids = (v: unknown): string[] => (Array.isArray(v) ? v.map((x) => idOf(x)).filter((x): x is string => Boolean(x && UUID.test(x))) : [])

/**
 * A code belongs to its creator. Someone who may change every code (admins, marketing) makes
 * platform-wide codes; anyone else (an organizer) makes codes scoped to their own events:
 * `organizer` is set to them, and every event or ticket type the code names must be theirs.
 */
const scopeToOrganizer: CollectionBeforeChangeHook = async ({ data, originalDoc, req, operation }) => {
  if (!req.user) return data
  const principal = await getPrincipal(req)
  if (can(principal, slugs.discountCodes, 'update')) return data
  const me = String(req.user.id)
  if (operation === 'create') data.organizer = me
  const merged = { ...(originalDoc ?? {}), ...data }
  const events = ids(merged.events)
  const ticketTypes = ids(merged.ticketTypes)
  const db = await dbFor(req)
  const foreign = async (query: ReturnType<typeof sql>) => rowsOf<{ n: number }>(await db.execute(query))[0]?.n ?? 0
  const list = (xs: string[]) =>
    sql`(${sql.join(
      xs.map((x) => sql`${x}::uuid`),
      sql`, `,
    )})`
  const badEvents = events.length
    ? await foreign(sql`SELECT count(*)::int AS n FROM events WHERE id IN ${list(events)} AND organizer_id IS DISTINCT FROM ${me}::uuid`)
    : 0
  const badTypes = ticketTypes.length
    ? await foreign(sql`SELECT count(*)::int AS n FROM ticket_types tt JOIN events e ON e.id = tt.event_id
                        WHERE tt.id IN ${list(ticketTypes)} AND e.organizer_id IS DISTINCT FROM ${me}::uuid`)
    : 0
  if (badEvents > 0 || badTypes > 0) throw new Forbidden(req.t)
  return data
}

/** Percentage or fixed-amount codes. `code` is unique case-insensitively (stored upper-case). */
export const DiscountCodes: CollectionConfig<'discount-codes'> = {
  slug: slugs.discountCodes,
  admin: {
    useAsTitle: 'code',
    group: 'Ticketing',
    defaultColumns: ['code', 'kind', 'value', 'timesUsed', 'usageLimit', 'validUntil', 'active'],
  },
  access: {
    read: anyOrOwn(slugs.discountCodes, 'read', 'createdBy'),
    create: permitted(slugs.discountCodes, 'create'),
    update: anyOrOwn(slugs.discountCodes, 'update', 'createdBy'),
    delete: anyOrOwn(slugs.discountCodes, 'delete', 'createdBy'),
  },
  hooks: { beforeChange: [normalise, scopeToOrganizer] },
  fields: [
    {
      name: 'code',
      type: 'text',
      required: true,
      unique: true,
      validate: (v: unknown) =>
        typeof v === 'string' && /^[A-Za-z0-9_-]{3,40}$/.test(v.trim()) ? true : 'Code: 3 to 40 letters, digits, - or _.',
    },
    { name: 'description', type: 'textarea' },
    {
      name: 'campaign',
      type: 'relationship',
      relationTo: slugs.marketingCampaigns,
      index: true,
      admin: {
        position: 'sidebar',
        description: 'The marketing campaign this promotional code belongs to; its uses count as the campaign’s conversions.',
      },
    },
    {
      type: 'row',
      fields: [
        { name: 'kind', type: 'select', required: true, defaultValue: 'percentage', options: ['percentage', 'fixed'] },
        {
          name: 'value',
          type: 'number',
          required: true,
          min: 0,
          admin: { description: 'Percent (0-100) or an amount in minor units.' },
          validate: (v: unknown, { siblingData }: { siblingData: Record<string, unknown> }) => {
            const n = Number(v)
            if (!Number.isFinite(n) || n < 0) return 'Value must be 0 or more.'
            if (siblingData.kind === 'percentage' && n > 100) return 'A percentage discount is at most 100.'
            if (siblingData.kind === 'fixed' && !Number.isInteger(n)) return 'A fixed discount is a whole number of minor units.'
            return true
          },
        },
        {
          name: 'currency',
          type: 'text',
          maxLength: 3,
          admin: {
            description:
              'The currency of the fixed value, minimum and maximum. Empty: the platform’s default currency (PLATFORM_CURRENCY, EUR).',
          },
        },
      ],
    },
    {
      type: 'row',
      fields: [
        moneyField('minimumOrder', { defaultValue: 0 }),
        moneyField('maximumDiscount', { defaultValue: undefined, admin: { description: 'Cap for percentage discounts, minor units.' } }),
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'validFrom', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
        {
          name: 'validUntil',
          type: 'date',
          admin: { date: { pickerAppearance: 'dayAndTime' } },
          validate: (v: unknown, { siblingData }: { siblingData: Record<string, unknown> }) =>
            endAfterStart(siblingData.validFrom, v, 'Valid until'),
        },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'usageLimit', type: 'number', min: 1, admin: { description: 'Empty: unlimited.' } },
        {
          name: 'timesUsed',
          type: 'number',
          defaultValue: 0,
          admin: { readOnly: true },
          access: { create: () => false, update: () => false },
        },
        { name: 'onePerBuyer', type: 'checkbox', defaultValue: false },
        { name: 'active', type: 'checkbox', defaultValue: true },
      ],
    },
    { name: 'appliesTo', type: 'select', required: true, defaultValue: 'all', options: ['all', 'events', 'ticketTypes'] },
    {
      name: 'events',
      type: 'relationship',
      relationTo: slugs.events,
      hasMany: true,
      admin: { condition: (_, s) => s?.appliesTo === 'events' },
    },
    {
      name: 'ticketTypes',
      type: 'relationship',
      relationTo: slugs.ticketTypes,
      hasMany: true,
      admin: { condition: (_, s) => s?.appliesTo === 'ticketTypes' },
    },
    {
      name: 'createdBy',
      type: 'relationship',
      relationTo: slugs.users,
      admin: { readOnly: true, position: 'sidebar' },
      access: { update: () => false },
    },
    {
      name: 'organizer',
      type: 'relationship',
      relationTo: slugs.users,
      index: true,
      access: { create: fieldPermitted(slugs.discountCodes, 'update'), update: fieldPermitted(slugs.discountCodes, 'update') },
      admin: {
        position: 'sidebar',
        description:
          'Set: the code applies only to this organizer’s events (“all” means all of theirs). Empty: a platform-wide code (admins and marketing only).',
      },
    },
  ],
  timestamps: true,
}
