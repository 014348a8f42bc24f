export const DEFAULT_SLUG = 'audit-logs'

/** High-volume or bookkeeping collections that are not audited by default. */
export const DEFAULT_EXCLUDE = [
  'payload-preferences',
  'payload-locked-documents',
  'payload-migrations',
  'payload-jobs',
  'payload-kv',
  'holds',
  'usage-logs',
  'designer-analytics',
]

/** Values never written to the log. */
export const DEFAULT_REDACT = [
  'password',
  'hash',
  'salt',
  'resetPasswordToken',
  'resetPasswordExpiration',
  'token',
  'tokenHash',
  'secretHash',
  'secret',
  'key',
  'apiKey',
  'totpSecret',
  'sessions',
]

export const IGNORED_FIELDS = new Set(['updatedAt', 'createdAt', 'id', '_status'])
