import type { Field, FieldAccess, TextField } from 'payload'

import { decryptValue, encryptValue } from './crypto'

type Options = { name: string; label?: string; read?: FieldAccess; admin?: TextField['admin']; json?: boolean }

/**
 * A field whose value is stored only as AES-256-GCM ciphertext (a text column). Reads decrypt for
 * whoever the field's read access lets through; everyone else never sees the field.
 */
export function encryptedField({ name, label, read, admin, json }: Options): Field {
  return {
    name,
    label,
    type: json ? 'json' : 'text',
    access: read ? { read } : undefined,
    admin: {
      ...(admin ?? {}),
      description: `${(admin as { description?: string } | undefined)?.description ?? ''} Stored encrypted.`.trim(),
    },
    custom: { encrypted: true, redact: true },
    hooks: {
      beforeChange: [({ value }) => encryptValue(value)],
      afterRead: [({ value }) => decryptValue(value)],
    },
  } as Field
}
