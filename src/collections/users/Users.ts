import type { CollectionConfig, Field } from 'payload'

import { fieldPermitted, selfOrPermitted, permitted, anyone } from '../../access/rules'
import { slugs } from '../../config/slugs'
import { assignInitialRoles } from './hooks/assignInitialRoles'
import { deferEmailChange, startDeferredEmailChange } from './hooks/deferEmailChange'
import { enforcePasswordPolicy, enforcePasswordPolicyOnReset } from './hooks/passwordPolicy'
import { recordLastLogin } from './hooks/recordLastLogin'
import { limitGraphqlAccountActions } from './hooks/limitGraphqlAccountActions'
import { refuseKeyAccountActions } from './hooks/refuseKeyAccountActions'
import { refuseInactiveLogin } from './hooks/refuseInactiveLogin'
import { requireSecondFactor } from './hooks/requireSecondFactor'
import { startVerification } from './hooks/startVerification'

export const USER_TYPES = ['admin', 'organizer', 'designer', 'model', 'sponsor', 'attendee', 'staff'] as const
export const USER_STATUSES = ['active', 'inactive', 'pending', 'suspended'] as const

/** Only user managers (admins) set these; everyone else's attempt is dropped by Payload. */
const managedOnly = {
  create: fieldPermitted(slugs.users, 'manage'),
  update: fieldPermitted(slugs.users, 'manage'),
}

const profile: Field = {
  name: 'profile',
  type: 'group',
  fields: [
    { name: 'bio', type: 'textarea' },
    {
      name: 'socialLinks',
      type: 'array',
      fields: [
        { name: 'platform', type: 'text', required: true },
        { name: 'url', type: 'text', required: true },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'company', type: 'text' },
        { name: 'position', type: 'text' },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'location', type: 'text', index: true },
        { name: 'website', type: 'text' },
      ],
    },
    { name: 'interests', type: 'text', hasMany: true },
    { name: 'preferences', type: 'json' },
    {
      name: 'notificationSettings',
      type: 'group',
      fields: [
        { name: 'email', type: 'checkbox', defaultValue: true },
        { name: 'sms', type: 'checkbox', defaultValue: false },
        { name: 'push', type: 'checkbox', defaultValue: true },
        {
          name: 'marketing',
          type: 'checkbox',
          defaultValue: false,
          admin: { description: 'Accepts marketing email (opt-in; the unsubscribe link clears it).' },
        },
      ],
    },
  ],
}

export const Users: CollectionConfig<'users'> = {
  slug: slugs.users,
  admin: {
    useAsTitle: 'fullName',
    defaultColumns: ['fullName', 'email', 'userType', 'status', 'lastLogin'],
    group: 'People',
  },
  auth: {
    // roles -> permissions ride along with the session user, so access rules need no query.
    // This load costs a signed-in request about 15 ms (Payload's auth strategies: 23 ms at
    // depth 2, 7.5 ms at depth 0); depth 0 with the principal's one-statement load broke the
    // admin's create forms (fields disabled) for a reason not found yet, so it stays at 2.
    depth: 2,
    // Locked for LOGIN_LOCK_MINUTES after LOGIN_MAX_ATTEMPTS failures in a row.
    maxLoginAttempts: Number(process.env.LOGIN_MAX_ATTEMPTS || 5),
    lockTime: Number(process.env.LOGIN_LOCK_MINUTES || 15) * 60 * 1000,
    tokenExpiration: 60 * 60 * 2,
    // The reset link opens the storefront's reset page (which applies the password policy's message).
    forgotPassword: {
      generateEmailSubject: () => 'Reset your Fashionistas password',
      generateEmailHTML: (args) => {
        const site = (process.env.PAYLOAD_PUBLIC_SERVER_URL || process.env.SITE_URL || '').replace(/\/$/, '')
        const link = `${site}/account/reset?token=${encodeURIComponent(String(args?.token ?? ''))}`
        return `<p>Someone asked to reset the password of this account. To choose a new one, open:</p><p><a href="${link}">${link}</a></p><p>The link works for one hour. If it was not you, ignore this e-mail.</p>`
      },
    },
    cookies: { sameSite: 'Lax', secure: process.env.NODE_ENV === 'production' },
  },
  access: {
    // Staff roles enter the admin UI; attendees, designers, models and sponsors do not.
    admin: async ({ req }) => permitted('admin', 'access')({ req }) as Promise<boolean>,
    read: selfOrPermitted(slugs.users, 'read'),
    // Public sign-up creates attendees; roles, type and status are admin-only fields.
    create: anyone,
    update: selfOrPermitted(slugs.users, 'update'),
    delete: permitted(slugs.users, 'delete'),
    unlock: permitted(slugs.users, 'manage'),
  },
  hooks: {
    beforeOperation: [refuseKeyAccountActions, limitGraphqlAccountActions, enforcePasswordPolicyOnReset],
    beforeValidate: [enforcePasswordPolicy],
    beforeChange: [assignInitialRoles, deferEmailChange],
    beforeLogin: [refuseInactiveLogin, requireSecondFactor],
    afterLogin: [recordLastLogin],
    afterChange: [startVerification, startDeferredEmailChange],
  },
  fields: [
    { name: 'fullName', type: 'text', required: true, index: true },
    { name: 'phone', type: 'text' },
    {
      type: 'row',
      fields: [
        {
          name: 'userType',
          type: 'select',
          required: true,
          defaultValue: 'attendee',
          index: true,
          options: USER_TYPES.map((v) => ({ label: v, value: v })),
          access: managedOnly,
        },
        {
          name: 'status',
          type: 'select',
          required: true,
          defaultValue: 'pending',
          index: true,
          options: USER_STATUSES.map((v) => ({ label: v, value: v })),
          access: managedOnly,
        },
      ],
    },
    {
      name: 'roles',
      type: 'relationship',
      relationTo: slugs.roles,
      hasMany: true,
      saveToJWT: false,
      access: managedOnly,
      admin: { position: 'sidebar' },
    },
    { name: 'profileImage', type: 'upload', relationTo: slugs.media },
    profile,
    {
      type: 'collapsible',
      label: 'Verification and security',
      admin: { position: 'sidebar' },
      fields: [
        { name: 'emailVerified', type: 'checkbox', defaultValue: false, access: managedOnly },
        // A sign-up's pending verification (src/domain/auth/emailVerification.ts): only a hash of the token.
        {
          name: 'verificationTokenHash',
          type: 'text',
          hidden: true,
          access: { read: () => false, create: () => false, update: () => false },
        },
        { name: 'verificationSentAt', type: 'date', hidden: true, access: { read: () => false, create: () => false, update: () => false } },
        // A change of e-mail waiting for the new address to confirm it (src/domain/auth/emailChange.ts):
        // the account keeps its address until then.
        {
          name: 'pendingEmail',
          type: 'email',
          admin: { readOnly: true, description: 'Waiting for this address to confirm the change (the link was e-mailed to it).' },
          access: { create: () => false, update: () => false },
        },
        {
          name: 'emailChangeTokenHash',
          type: 'text',
          hidden: true,
          access: { read: () => false, create: () => false, update: () => false },
        },
        { name: 'emailChangeSentAt', type: 'date', hidden: true, access: { read: () => false, create: () => false, update: () => false } },
        { name: 'phoneVerified', type: 'checkbox', defaultValue: false, access: managedOnly },
        {
          name: 'twoFactorEnabled',
          type: 'checkbox',
          defaultValue: false,
          admin: { readOnly: true, description: 'Turned on and off through /api/two-factor/* with a code from your authenticator.' },
          access: { create: () => false, update: () => false },
        },
        { name: 'totpSecret', type: 'text', hidden: true, custom: { redact: true } },
        {
          name: 'lastLogin',
          type: 'date',
          index: true,
          admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
          access: { create: () => false, update: () => false },
        },
      ],
    },
  ],
  timestamps: true,
}
