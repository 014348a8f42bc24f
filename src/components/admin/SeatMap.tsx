'use client'
/**
 * Event edit view: the event's seat map (reserved seating), drawn from the seats' coordinates
 * as an SVG, coloured by status, with a legend and counts. Click seats to select them, then
 * block them (press, the designer's guests) or unblock them. Those who may see the event's
 * orders also see who holds or bought the seat under the pointer.
 */
import { useConfig, useDocumentInfo, useFormFields } from '@payloadcms/ui'
import React, { useCallback, useEffect, useMemo, useState } from 'react'

import type { SeatHolder, SeatMapSeat, SeatMapSection } from '../../domain/ticketing/seatMap'

type Seat = SeatMapSeat
type Section = SeatMapSection
type Status = SeatMapSeat['status']
type Holder = SeatHolder

export const SEAT_COLOURS: Record<Status, string> = { available: '#2e9e5b', held: '#e0a100', sold: '#c0392b', blocked: '#7f8c8d' }
const R = 11

export function SeatMap() {
  const { id } = useDocumentInfo()
  const { config } = useConfig()
  const seating = useFormFields(([fields]) => fields.seating?.value)
  const api = `${config.serverURL}${config.routes.api}`
  const [map, setMap] = useState<{ sections: Section[]; seats: Seat[] } | null>(null)
  const [holders, setHolders] = useState<Map<string, Holder>>(new Map())
  const [selected, setSelected] = useState<Set<string>>(new Set())
  const [hover, setHover] = useState<string | null>(null)
  const [message, setMessage] = useState<string | null>(null)

  const load = useCallback(async () => {
    if (!id) return
    const r = await fetch(`${api}/events/${id}/seats`, { credentials: 'include', cache: 'no-store' })
    if (r.ok) setMap(await r.json())
    const h = await fetch(`${api}/events/${id}/seats/holders`, { credentials: 'include', cache: 'no-store' })
    if (h.ok) setHolders(new Map(((await h.json()).holders as Holder[]).map((x) => [x.seat, x])))
  }, [id, api])

  useEffect(() => {
    void load()
    const timer = setInterval(() => void load(), 15_000)
    return () => clearInterval(timer)
  }, [load])

  const box = useMemo(() => {
    if (!map || map.seats.length === 0) return { x: 0, y: 0, w: 100, h: 100 }
    const xs = map.seats.map((s) => s.x)
    const ys = map.seats.map((s) => s.y)
    const [x0, y0] = [Math.min(...xs) - 2 * R, Math.min(...ys) - 4 * R]
    return { x: x0, y: y0, w: Math.max(...xs) - x0 + 2 * R, h: Math.max(...ys) - y0 + 2 * R }
  }, [map])

  if (!id) return null
  if (!seating && (!map || map.seats.length === 0)) return null
  const counts = (['available', 'held', 'sold', 'blocked'] as Status[]).map(
    (s) => [s, map?.seats.filter((x) => x.status === s).length ?? 0] as const,
  )

  const block = async (blocked: boolean) => {
    setMessage(null)
    const r = await fetch(`${api}/events/${id}/seats/block`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ seats: [...selected], blocked }),
    })
    const body = await r.json()
    if (!r.ok) return setMessage(body.message ?? `Failed (${r.status})`)
    setMessage(
      `${body.changed.length} seat(s) ${blocked ? 'blocked' : 'unblocked'}` +
        (body.unchanged.length
          ? `; ${body.unchanged.length} left as they are (${body.unchanged.map((u: { status: string }) => u.status).join(', ')})`
          : ''),
    )
    setSelected(new Set())
    await load()
  }
  const toggle = (seat: string) =>
    setSelected((s) => {
      const next = new Set(s)
      if (next.has(seat)) next.delete(seat)
      else next.add(seat)
      return next
    })
  const shown = hover ? map?.seats.find((s) => s.id === hover) : null
  const who = hover ? holders.get(hover) : null

  return (
    <div className="field-type seat-map" data-testid="seat-map" style={{ marginBottom: 'var(--base)' }}>
      <label className="field-label">Seat map</label>
      {!map && <p>Loading…</p>}
      {map && map.seats.length === 0 && <p>Save with reserved seating on to copy the venue’s seats here.</p>}
      {map && map.seats.length > 0 && (
        <>
          <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap', marginBottom: 8 }} data-testid="seat-legend">
            {counts.map(([s, n]) => (
              <span key={s} data-status={s} data-count={n}>
                <svg width="12" height="12" aria-hidden>
                  <circle cx="6" cy="6" r="6" fill={SEAT_COLOURS[s]} />
                </svg>{' '}
                {s}: {n}
              </span>
            ))}
          </div>
          <svg
            viewBox={`${box.x} ${box.y} ${box.w} ${box.h}`}
            style={{ width: '100%', maxHeight: 480, background: 'var(--theme-elevation-50)', borderRadius: 4 }}
            role="img"
            aria-label="Seat map"
          >
            <text x={box.x + box.w / 2} y={box.y + 2 * R} textAnchor="middle" fontSize={R} fill="currentColor">
              STAGE / RUNWAY
            </text>
            {map.seats.map((s) => (
              <circle
                key={s.id}
                data-id={s.id}
                data-seat={s.label}
                data-status={s.status}
                cx={s.x}
                cy={s.y}
                r={R}
                fill={SEAT_COLOURS[s.status]}
                stroke={selected.has(s.id) ? 'var(--theme-text)' : s.accessible ? '#2471a3' : 'none'}
                strokeWidth={selected.has(s.id) ? 3 : 2}
                style={{ cursor: 'pointer' }}
                onClick={() => toggle(s.id)}
                onMouseEnter={() => setHover(s.id)}
                onMouseLeave={() => setHover(null)}
              >
                <title>{`${map.sections.find((x) => x.id === s.section)?.name ?? ''} ${s.label}: ${s.status}`}</title>
              </circle>
            ))}
          </svg>
          <p style={{ minHeight: '1.5em' }}>
            {shown
              ? `${map.sections.find((x) => x.id === shown.section)?.name ?? ''} · row ${shown.row}, seat ${shown.number} · ${shown.status}` +
                (who ? ` · ${who.name ?? ''} <${who.email ?? ''}>${who.ticket ? ` · ticket ${who.ticket}` : ''}` : '')
              : `${selected.size} selected`}
          </p>
          <div style={{ display: 'flex', gap: 8 }}>
            <button
              type="button"
              className="btn btn--style-secondary btn--size-small"
              disabled={selected.size === 0}
              onClick={() => void block(true)}
            >
              Block selected
            </button>
            <button
              type="button"
              className="btn btn--style-secondary btn--size-small"
              disabled={selected.size === 0}
              onClick={() => void block(false)}
            >
              Unblock selected
            </button>
          </div>
          {message && <p role="status">{message}</p>}
        </>
      )}
    </div>
  )
}
