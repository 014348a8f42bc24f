'use client'
/** Event edit view: live availability per ticket type (capacity, sold, held, left), from the availability endpoint. */
import { useConfig, useDocumentInfo } from '@payloadcms/ui'
import React, { useEffect, useState } from 'react'

type Row = {
  id: string
  name: string
  price: number
  currency: string
  capacity: number
  sold: number
  held: number
  available: number
  onSale: boolean
}

const money = (minor: number, currency: string) => new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(minor / 100)

export function EventAvailability() {
  const { id } = useDocumentInfo()
  const { config } = useConfig()
  const [rows, setRows] = useState<Row[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    if (!id) return
    let stop = false
    const load = () =>
      fetch(`${config.serverURL}${config.routes.api}/events/${id}/availability`, { credentials: 'include' })
        .then(async (r) => (r.ok ? r.json() : Promise.reject(new Error((await r.json()).message))))
        .then((b: { ticketTypes: Row[] }) => !stop && setRows(b.ticketTypes))
        .catch((e: Error) => !stop && setError(e.message))
    void load()
    const timer = setInterval(load, 15_000)
    return () => {
      stop = true
      clearInterval(timer)
    }
  }, [id, config.serverURL, config.routes.api])
  if (!id) return null
  return (
    <div className="field-type event-availability" style={{ marginBottom: 'var(--base)' }}>
      <label className="field-label">Ticket availability</label>
      {error && <p>{error}</p>}
      {!rows && !error && <p>Loading…</p>}
      {rows && rows.length === 0 && <p>No active ticket types yet.</p>}
      {rows && rows.length > 0 && (
        <table style={{ width: '100%', borderCollapse: 'collapse' }}>
          <thead>
            <tr>
              {['Ticket type', 'Price', 'Capacity', 'Sold', 'Held', 'Left', 'On sale'].map((h) => (
                <th key={h} style={{ textAlign: 'left', padding: '4px 8px', borderBottom: '1px solid var(--theme-elevation-150)' }}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td style={{ padding: '4px 8px' }}>{r.name}</td>
                <td style={{ padding: '4px 8px' }}>{money(r.price, r.currency)}</td>
                <td style={{ padding: '4px 8px' }}>{r.capacity}</td>
                <td style={{ padding: '4px 8px' }}>{r.sold}</td>
                <td style={{ padding: '4px 8px' }}>{r.held}</td>
                <td style={{ padding: '4px 8px', fontWeight: 600 }}>{r.available}</td>
                <td style={{ padding: '4px 8px' }}>{r.onSale ? 'yes' : 'no'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}
