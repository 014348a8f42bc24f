/** Fields shared by the per-day analytics collections (sponsor, campaign, email, social). */
import type { NumberField, TextField } from 'payload'

/** A UTC calendar day as YYYY-MM-DD (the unique key of a daily row, with its owner). */
export const dayField = (name = 'day'): TextField => ({
  name,
  type: 'text',
  required: true,
  index: true,
  admin: { description: 'UTC date, YYYY-MM-DD.' },
  validate: (v: unknown) =>
    typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)) ? true : `${name} must be a date as YYYY-MM-DD.`,
})

/** A non-negative count, starting at 0. */
export const counterField = (name: string): NumberField => ({ name, type: 'number', defaultValue: 0, min: 0 })
