'use client'
/**
 * Runway show edit view: the run of show (segments in order, each with its appearances in
 * order: model, item, primary image), with up/down controls that reorder a segment's
 * appearances through POST /api/runway-segments/:id/reorder.
 */
import { Button, useConfig, useDocumentInfo } from '@payloadcms/ui'
import React, { useCallback, useEffect, useState } from 'react'

type Appearance = {
  id: string
  order: number
  notes: string | null
  model: { name: string; agency: string | null }
  item: { name: string; type: string; primaryImage: string | null } | null
}
type Segment = {
  id: string
  name: string
  order: number
  startTime: string | null
  durationMinutes: number | null
  theme: string | null
  music: string | null
  appearances: Appearance[]
}
type Sheet = { title: string; showDate: string; timeZone: string; segments: Segment[] }

export function RunOfShow() {
  const { id } = useDocumentInfo()
  const { config } = useConfig()
  const api = `${config.serverURL}${config.routes.api}`
  const [sheet, setSheet] = useState<Sheet | null>(null)
  const [error, setError] = useState<string | null>(null)
  const load = useCallback(async () => {
    if (!id) return
    const res = await fetch(`${api}/runway-shows/${id}/run-of-show`, { credentials: 'include' })
    const body = await res.json()
    if (res.ok) setSheet(body as Sheet)
    else setError(body.message)
  }, [api, id])
  useEffect(() => {
    void load()
  }, [load])
  if (!id) return null
  const move = async (segment: Segment, index: number, delta: number) => {
    const ids = segment.appearances.map((a) => a.id)
    const j = index + delta
    if (j < 0 || j >= ids.length) return
    ;[ids[index], ids[j]] = [ids[j], ids[index]]
    const res = await fetch(`${api}/runway-segments/${segment.id}/reorder`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ appearances: ids }),
    })
    if (!res.ok) setError((await res.json()).message)
    await load()
  }
  const time = (iso: string | null) =>
    iso ? new Date(iso).toLocaleTimeString(undefined, { timeZone: sheet?.timeZone, hour: '2-digit', minute: '2-digit' }) : ''
  return (
    <div className="field-type run-of-show" style={{ marginBottom: 'calc(var(--base) * 2)' }}>
      <label className="field-label">Run of show</label>
      {error && <p>{error}</p>}
      {!sheet && !error && <p>Loading…</p>}
      {sheet && sheet.segments.length === 0 && <p>No segments yet: add runway segments for this show.</p>}
      {sheet?.segments.map((segment) => (
        <section
          key={segment.id}
          style={{
            border: '1px solid var(--theme-elevation-150)',
            padding: 'calc(var(--base) / 2)',
            marginBottom: 'calc(var(--base) / 2)',
          }}
        >
          <h4 style={{ margin: 0 }}>
            {segment.order}. {segment.name}{' '}
            {segment.startTime && (
              <small>
                · {time(segment.startTime)}
                {segment.durationMinutes ? ` · ${segment.durationMinutes} min` : ''}
              </small>
            )}
          </h4>
          {(segment.theme || segment.music) && (
            <p style={{ margin: '4px 0' }}>{[segment.theme, segment.music].filter(Boolean).join(' · ')}</p>
          )}
          <ol style={{ margin: 0 }}>
            {segment.appearances.map((a, i) => (
              <li
                key={a.id}
                className="run-of-show__appearance"
                style={{ display: 'flex', alignItems: 'center', gap: 8, padding: '2px 0' }}
              >
                {a.item?.primaryImage && <img src={a.item.primaryImage} alt="" width={32} height={32} style={{ objectFit: 'cover' }} />}
                <span style={{ flex: 1 }}>
                  <strong>{a.model.name}</strong>
                  {a.item ? ` — ${a.item.name} (${a.item.type})` : ''}
                </span>
                <Button buttonStyle="icon-label" size="small" onClick={() => move(segment, i, -1)} disabled={i === 0} aria-label="Move up">
                  ↑
                </Button>
                <Button
                  buttonStyle="icon-label"
                  size="small"
                  onClick={() => move(segment, i, 1)}
                  disabled={i === segment.appearances.length - 1}
                  aria-label="Move down"
                >
                  ↓
                </Button>
              </li>
            ))}
          </ol>
        </section>
      ))}
    </div>
  )
}
