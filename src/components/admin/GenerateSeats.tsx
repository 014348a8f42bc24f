'use client'
/** Venue section edit view: generate the section's seats by rows and numbers, with spacing, instead of one by one. */
import { useConfig, useDocumentInfo } from '@payloadcms/ui'
import React, { useState } from 'react'

const field = { width: 90, marginRight: 8 }

export function GenerateSeats() {
  const { id } = useDocumentInfo()
  const { config } = useConfig()
  const [grid, setGrid] = useState({ rows: 2, seatsPerRow: 10, firstRow: 'A', firstNumber: 1, seatSpacing: 30, rowSpacing: 40 })
  const [message, setMessage] = useState<string | null>(null)
  if (!id) return null
  const set = (k: keyof typeof grid) => (e: React.ChangeEvent<HTMLInputElement>) =>
    setGrid((g) => ({ ...g, [k]: k === 'firstRow' ? e.target.value : Number(e.target.value) }))
  const generate = async () => {
    setMessage(null)
    const r = await fetch(`${config.serverURL}${config.routes.api}/venue-sections/${id}/generate-seats`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(grid),
    })
    const body = await r.json()
    setMessage(
      r.ok ? `${body.created} seats created (${body.seats - body.created} existed already).` : (body.message ?? `Failed (${r.status})`),
    )
  }
  return (
    <div className="field-type generate-seats" style={{ marginBottom: 'var(--base)' }}>
      <label className="field-label">Generate seats</label>
      <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'end', gap: 4 }}>
        {(
          [
            ['rows', 'Rows'],
            ['seatsPerRow', 'Seats per row'],
            ['firstRow', 'First row'],
            ['firstNumber', 'First number'],
            ['seatSpacing', 'Seat spacing'],
            ['rowSpacing', 'Row spacing'],
          ] as const
        ).map(([k, label]) => (
          <label key={k} style={{ display: 'flex', flexDirection: 'column', fontSize: 12 }}>
            {label}
            <input name={`generate-${k}`} style={field} type={k === 'firstRow' ? 'text' : 'number'} value={grid[k]} onChange={set(k)} />
          </label>
        ))}
        <button type="button" className="btn btn--style-secondary btn--size-small" onClick={() => void generate()}>
          Generate
        </button>
      </div>
      {message && <p role="status">{message}</p>}
    </div>
  )
}
