/**
 * Admin options for a date field entered and shown in the event's own time zone (stored in UTC):
 * `own` for the event itself (its `timeZone` field), `event` for documents that belong to an
 * event (schedules, ticket-type sale windows, runway shows). See
 * src/components/admin/EventLocalDateField.tsx.
 */
export function eventLocalDate(zoneFrom: 'own' | 'event') {
  return {
    date: { pickerAppearance: 'dayAndTime' as const },
    components: { Field: { path: '/src/components/admin/EventLocalDateField#EventLocalDateField', clientProps: { zoneFrom } } },
  }
}
