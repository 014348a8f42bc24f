import type { NumberField, TextField } from 'payload'

/** An amount in integer minor units (cents), never negative. Formatted only at the edges. */
export function moneyField(name: string, overrides: Partial<NumberField> = {}): NumberField {
  return {
    name,
    type: 'number',
    min: 0,
    defaultValue: 0,
    admin: { step: 1, description: 'In minor units (cents).' },
    validate: (value: unknown) =>
      value == null || (Number.isInteger(Number(value)) && Number(value) >= 0)
        ? true
        : `${name} must be a whole number of minor units (cents), 0 or more.`,
    ...overrides,
  } as NumberField
}

/** ISO 4217 currency code, upper case. */
export function currencyField(overrides: Partial<TextField> = {}): TextField {
  return {
    name: 'currency',
    type: 'text',
    required: true,
    defaultValue: 'EUR',
    maxLength: 3,
    validate: (v: unknown) =>
      typeof v === 'string' && /^[A-Z]{3}$/.test(v) ? true : 'Currency must be a three-letter ISO code such as EUR.',
    ...overrides,
  } as TextField
}
