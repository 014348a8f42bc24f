import type { Access, FieldAccess } from 'payload'

export type EncryptedFieldSpec = {
  collection: string
  field: string
  /** The field holds JSON (stored as an encrypted JSON string). */
  json?: boolean
  /** Who may read the decrypted value (default: whoever may read the document). */
  read?: FieldAccess
}

export type FieldEncryptionOptions = {
  fields: EncryptedFieldSpec[]
  /** Slug of the key registry (versions and rotation times, never key material). Default `encryption-keys`. */
  registrySlug?: string
  /** Who may read the key registry. */
  readAccess?: Access
  /** Rows re-encrypted per batch by the rotation job. Default 200. */
  batchSize?: number
}
