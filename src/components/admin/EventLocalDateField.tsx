'use client'
/**
 * A date-and-time field entered and shown in the event's own time zone, whatever zone the
 * editor's browser is in: an event in Paris at 19:00 reads 19:00 (CEST, UTC+02:00) in Sydney too.
 * Stored in UTC as before. The zone is the document's own `timeZone` (events) or its event's
 * (`zoneFrom: 'event'`: schedules, ticket-type sale windows, runway shows).
 *
 * When the zone changes under a time already entered (the editor picks the event's zone after
 * typing 19:00, or corrects it), the wall time stays and the stored instant moves: 19:00 keeps
 * meaning 19:00 where the event happens.
 */
import { FieldDescription, FieldError, FieldLabel, useConfig, useField, useFormFields } from '@payloadcms/ui'
import type { DateFieldClientProps } from 'payload'
import React, { useEffect, useRef, useState } from 'react'

import { isValidTimeZone } from '../../fields/validators'
import { fromWallTime, toWallTime, zoneLabel } from '../../fields/zonedTime'

type Props = DateFieldClientProps & { zoneFrom?: 'own' | 'event' }

function useEventZone(zoneFrom: 'own' | 'event'): string | null {
  const { config } = useConfig()
  const own = useFormFields(([fields]) => fields.timeZone?.value)
  const eventRef = useFormFields(([fields]) => fields.event?.value)
  const eventId = typeof eventRef === 'string' ? eventRef : null
  const [loaded, setLoaded] = useState<{ id: string; zone: string } | null>(null)
  useEffect(() => {
    if (zoneFrom !== 'event' || !eventId) return
    let stop = false
    fetch(`${config.serverURL}${config.routes.api}/events/${eventId}?depth=0&select[timeZone]=true`, { credentials: 'include' })
      .then((r) => (r.ok ? r.json() : null))
      .then(
        (b: { timeZone?: string } | null) => !stop && setLoaded({ id: eventId, zone: isValidTimeZone(b?.timeZone) ? b!.timeZone! : 'UTC' }),
      )
      .catch(() => !stop && setLoaded({ id: eventId, zone: 'UTC' }))
    return () => {
      stop = true
    }
  }, [zoneFrom, eventId, config.serverURL, config.routes.api])
  if (zoneFrom === 'own') return isValidTimeZone(own) ? (own as string) : 'UTC'
  return eventId && loaded?.id === eventId ? loaded.zone : null
}

export function EventLocalDateField(props: Props) {
  const { field, path: pathFromProps, readOnly, zoneFrom = 'own' } = props
  const { value, setValue, showError, path, disabled } = useField<string | null>({ potentiallyStalePath: pathFromProps })
  const zone = useEventZone(zoneFrom)
  // Shown from the first render when the zone is known (the event's own), not after an effect.
  const [wall, setWall] = useState(() => (zone && value ? toWallTime(value, zone) : ''))
  const shownZone = useRef<string | null>(null)

  useEffect(() => {
    if (!zone) return
    if (shownZone.current && shownZone.current !== zone && wall) {
      // The zone changed under an entered time: keep the wall time, move the instant.
      const moved = fromWallTime(wall, zone)?.toISOString() ?? null
      if (moved && moved !== value) setValue(moved)
    } else {
      const w = value ? toWallTime(value, zone) : ''
      if (w !== wall) setWall(w)
    }
    shownZone.current = zone
    // `wall` is read, not watched: typing must not re-run this.
  }, [zone, value])

  const id = `field-${path.replace(/\./g, '__')}`
  return (
    <div className={['field-type', 'date-time-field', 'event-local-date', showError && 'error'].filter(Boolean).join(' ')}>
      <FieldLabel htmlFor={`${id}-input`} label={field.label || field.name} path={path} required={field.required} />
      <div className="field-type__wrap" id={id}>
        <FieldError path={path} showError={showError} />
        {zone ? (
          <>
            <input
              id={`${id}-input`}
              type="datetime-local"
              value={wall}
              disabled={readOnly || disabled}
              onChange={(e) => {
                setWall(e.target.value)
                setValue(e.target.value ? (fromWallTime(e.target.value, zone)?.toISOString() ?? null) : null)
              }}
              style={{ font: 'inherit', padding: '8px 12px', border: '1px solid var(--theme-elevation-150)', borderRadius: 4 }}
            />
            <div className="event-local-date__zone" style={{ color: 'var(--theme-elevation-600)', marginTop: 4 }}>
              {zone} ({zoneLabel(zone, value ? new Date(value) : new Date())})
            </div>
          </>
        ) : (
          <p style={{ color: 'var(--theme-elevation-600)' }}>Choose the event first: this time is entered in the event’s time zone.</p>
        )}
      </div>
      <FieldDescription path={path} description={field.admin?.description} />
    </div>
  )
}
