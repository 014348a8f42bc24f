import type { Field } from 'payload'

const dayOnly = { date: { pickerAppearance: 'dayOnly' as const, displayFormat: 'yyyy-MM-dd' } }

/** `startDate` and `endDate` as calendar days (stored as UTC instants), the end not before the start. */
export function dayRangeFields(): Field[] {
  return [
    { name: 'startDate', type: 'date', required: true, admin: dayOnly },
    {
      name: 'endDate',
      type: 'date',
      required: true,
      admin: dayOnly,
      validate: (v: unknown, { siblingData }: { siblingData: Record<string, unknown> }) =>
        !v || !siblingData.startDate || new Date(String(v)) >= new Date(String(siblingData.startDate))
          ? true
          : 'endDate must not be before startDate.',
    },
  ] as Field[]
}
