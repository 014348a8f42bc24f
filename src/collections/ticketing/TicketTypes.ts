import type { CollectionConfig } from 'payload'

import { anyOrOwn, permitted, publicOrPermitted } from '../../access/rules'
import { currencyField, moneyField } from '../../fields/money'
import { endAfterStart } from '../../fields/validators'
import { requireOwnership } from '../../hooks/requireOwnership'
import { organizesEventOf } from '../fashion/access'
import { slugs } from '../../config/slugs'
import { seatTicketTypeOnSave } from './seatingHooks'
import { closeWaitlistOnClose } from './waitlistHooks'
import { eventLocalDate } from '../../fields/eventLocalDate'

export const TIERS = ['general', 'premium', 'vip', 'exclusive'] as const

export const TicketTypes: CollectionConfig<'ticket-types'> = {
  slug: slugs.ticketTypes,
  admin: {
    useAsTitle: 'name',
    group: 'Ticketing',
    defaultColumns: ['name', 'event', 'price', 'currency', 'capacity', 'sold', 'held', 'active'],
  },
  access: {
    // Visible with the event; the event's organizer and ticketing managers see all.
    read: publicOrPermitted(slugs.ticketTypes, { 'event.status': { equals: 'published' } }, 'event.organizer'),
    create: permitted(slugs.ticketTypes, 'create'),
    update: anyOrOwn(slugs.ticketTypes, 'update', 'event.organizer'),
    delete: anyOrOwn(slugs.ticketTypes, 'delete', 'event.organizer'),
  },
  // Only the event's organizer (or a role over every event) sells on it: no create or move onto another's event.
  hooks: {
    beforeChange: [requireOwnership(slugs.ticketTypes, organizesEventOf)],
    afterChange: [seatTicketTypeOnSave, closeWaitlistOnClose],
  },
  fields: [
    { name: 'event', type: 'relationship', relationTo: slugs.events, required: true, index: true },
    { name: 'name', type: 'text', required: true },
    { name: 'description', type: 'textarea' },
    {
      type: 'row',
      fields: [moneyField('price', { required: true }), currencyField()],
    },
    { name: 'features', type: 'text', hasMany: true },
    {
      type: 'row',
      fields: [
        { name: 'capacity', type: 'number', required: true, min: 0, admin: { step: 1 } },
        {
          name: 'sold',
          type: 'number',
          defaultValue: 0,
          admin: { readOnly: true, description: 'Maintained by checkout; not editable.' },
          access: { create: () => false, update: () => false },
        },
        {
          // Maintained by triggers on holds (migration 20261204_200100): the quantity of every hold
          // whose status is active, expired or not; the expiry job sweeps expired ones out of it.
          name: 'held',
          type: 'number',
          defaultValue: 0,
          admin: { readOnly: true, description: 'Tickets in active holds (checkout in progress); maintained by checkout.' },
          access: { create: () => false, update: () => false },
        },
        { name: 'maxPerOrder', type: 'number', defaultValue: 10, min: 1, admin: { step: 1 } },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'saleStart', type: 'date', index: true, admin: eventLocalDate('event') },
        {
          name: 'saleEnd',
          type: 'date',
          index: true,
          admin: eventLocalDate('event'),
          validate: (v: unknown, { siblingData }: { siblingData: Record<string, unknown> }) =>
            endAfterStart(siblingData.saleStart, v, 'The sale end'),
        },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'tier',
          type: 'select',
          required: true,
          defaultValue: 'general',
          index: true,
          options: TIERS.map((t) => ({ label: t, value: t })),
        },
        { name: 'active', type: 'checkbox', defaultValue: true, index: true },
        { name: 'featured', type: 'checkbox', defaultValue: false },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'waitlist',
          type: 'select',
          required: true,
          defaultValue: 'open',
          options: [
            { label: 'Open: people may join when sold out; freed tickets go to them first', value: 'open' },
            { label: 'Paused: no joins, no offers; freed tickets go on public sale', value: 'paused' },
            { label: 'Closed: the people waiting are told it is over', value: 'closed' },
          ],
        },
        {
          // Maintained by triggers on waitlist entries (migration 20261205_150500): tickets wanted by people still waiting.
          name: 'waitlisted',
          type: 'number',
          defaultValue: 0,
          admin: { readOnly: true, description: 'Tickets wanted by people on the waitlist; kept from public sale while it is open.' },
          access: { create: () => false, update: () => false },
        },
      ],
    },
    {
      type: 'collapsible',
      label: 'Reserved seating',
      fields: [
        {
          name: 'venueSection',
          type: 'relationship',
          relationTo: slugs.venueSections,
          index: true,
          admin: {
            description:
              'The section whose seats this ticket type sells when the event has reserved seating on. Buyers then pick seats (or best available).',
          },
        },
        moneyField('sectionPrice', {
          defaultValue: undefined,
          admin: {
            step: 1,
            description: 'Price of a seat in minor units. Empty: the price above times the section’s price multiplier, rounded half-up.',
          },
        }),
        {
          // Set on save (src/domain/ticketing/seating.ts): what one seat sells for, used by checkout.
          name: 'seatPrice',
          type: 'number',
          admin: { readOnly: true, description: 'What one seat sells for (seated ticket types); set on save.' },
          access: { create: () => false, update: () => false },
        },
      ],
    },
  ],
  timestamps: true,
}
