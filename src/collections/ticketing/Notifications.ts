import type { CollectionConfig } from 'payload'

import { nobody, permitted } from '../../access/rules'
import { slugs } from '../../config/slugs'

export const NOTIFICATION_KINDS = [
  'order_confirmation',
  'order_unfulfilled',
  'organizer_unfulfilled',
  'organizer_dispute',
  'event_cancelled',
  'waitlist_offer',
  'waitlist_closed',
  'event_reminder',
  'event_changed',
  'verify_email',
  'waitlist_confirm',
  'email_change_confirm',
  'email_change_notice',
  'refund_failed',
  'guest_data_link',
] as const

/**
 * The transactional e-mail outbox of ticketing: a row is written in the same transaction as
 * the change it tells about (so a committed order always gets its confirmation), and the
 * `sendNotifications` job sends it, retrying with backoff. `dedupeKey` is unique: telling one
 * person one thing twice is refused by the database.
 */
export const Notifications: CollectionConfig<'notifications'> = {
  slug: slugs.notifications,
  admin: {
    useAsTitle: 'dedupeKey',
    group: 'Ticketing',
    defaultColumns: ['kind', 'recipient', 'status', 'attempts', 'sentAt', 'createdAt'],
  },
  access: { read: permitted(slugs.notifications, 'read'), create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'kind', type: 'select', required: true, index: true, options: NOTIFICATION_KINDS.map((k) => ({ label: k, value: k })) },
    { name: 'dedupeKey', type: 'text', required: true, unique: true },
    { name: 'recipient', type: 'email', required: true },
    { name: 'order', type: 'relationship', relationTo: slugs.orders, index: true },
    { name: 'event', type: 'relationship', relationTo: slugs.events, index: true },
    { name: 'data', type: 'json' },
    { name: 'status', type: 'select', required: true, defaultValue: 'pending', index: true, options: ['pending', 'sent', 'failed'] },
    { name: 'attempts', type: 'number', defaultValue: 0 },
    { name: 'nextAttemptAt', type: 'date', index: true },
    { name: 'lockedUntil', type: 'date' },
    { name: 'lastError', type: 'text' },
    { name: 'sentAt', type: 'date' },
  ],
  timestamps: true,
}
