'use client'
/**
 * The dashboard's charts (recharts), each fed by one report:
 * ticket-sales (revenue per event and day), capacity (sold/held/left per ticket type),
 * campaign-channels (ROI by channel), email-performance (the funnel) and sponsor-daily
 * (sponsor impressions per day). The date range applies to every dated report.
 */
import { useConfig } from '@payloadcms/ui'
import React, { useCallback, useEffect, useMemo, useState } from 'react'
import {
  Area,
  AreaChart,
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts'

type Row = Record<string, any>
const PALETTE = ['#c2185b', '#1565c0', '#2e7d32', '#ef6c00', '#6a1b9a', '#00838f', '#5d4037', '#455a64']
const iso = (d: Date) => d.toISOString().slice(0, 10)
const money = (minor: number, currency = 'EUR') =>
  new Intl.NumberFormat(undefined, { style: 'currency', currency, maximumFractionDigits: 0 }).format(minor / 100)

function Panel({ title, children, empty, id }: { title: string; children: React.ReactNode; empty: boolean; id: string }) {
  return (
    <section
      className="analytics-panel"
      data-chart={id}
      style={{
        border: '1px solid var(--theme-elevation-150)',
        borderRadius: 4,
        padding: 'var(--base)',
        background: 'var(--theme-elevation-0)',
      }}
    >
      <h3 style={{ margin: '0 0 12px' }}>{title}</h3>
      {empty ? (
        <p style={{ color: 'var(--theme-elevation-500)' }}>No data in this period.</p>
      ) : (
        <div style={{ width: '100%', height: 280 }}>{children}</div>
      )}
    </section>
  )
}

export function AnalyticsDashboard() {
  const { config } = useConfig()
  const api = `${config.serverURL}${config.routes.api}`
  const [from, setFrom] = useState(() => iso(new Date(Date.now() - 29 * 86_400_000)))
  const [to, setTo] = useState(() => iso(new Date()))
  const [data, setData] = useState<Record<string, Row[]> | null>(null)
  const [error, setError] = useState<string | null>(null)

  const load = useCallback(async () => {
    setError(null)
    const get = async (name: string, dated = true) => {
      const res = await fetch(`${api}/reports/${name}${dated ? `?from=${from}&to=${to}` : ''}`, { credentials: 'include' })
      const body = await res.json()
      if (!res.ok) throw new Error(body.message ?? `${name}: ${res.status}`)
      return body.rows as Row[]
    }
    try {
      const [sales, capacity, channels, email, sponsors] = await Promise.all([
        get('ticket-sales'),
        get('capacity', false),
        get('campaign-channels'),
        get('email-performance'),
        get('sponsor-daily'),
      ])
      setData({ sales, capacity, channels, email, sponsors })
    } catch (err) {
      setError((err as Error).message)
    }
  }, [api, from, to])
  useEffect(() => {
    void load()
  }, [load])

  // Revenue per day, one line per event.
  const sales = useMemo(() => {
    const rows = data?.sales ?? []
    const events = [...new Set(rows.map((r) => r.event as string))]
    const days: Row[] = []
    for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) days.push({ day: iso(new Date(t)) })
    for (const r of rows) {
      const d = days.find((x) => x.day === r.day)
      if (d) d[r.event] = (d[r.event] ?? 0) + r.revenue / 100
    }
    for (const d of days) for (const e of events) d[e] ??= 0
    const byCurrency = new Map<string, number>()
    for (const r of rows) byCurrency.set(r.currency, (byCurrency.get(r.currency) ?? 0) + r.revenue)
    const totals = {
      orders: rows.reduce((n, r) => n + r.orders, 0),
      tickets: rows.reduce((n, r) => n + r.tickets, 0),
      // Amounts in different currencies are shown side by side, never added up.
      revenue: [...byCurrency].map(([c, v]) => money(v, c)).join(' + ') || money(0),
      currency: rows[0]?.currency ?? 'EUR',
    }
    return { days, events, totals }
  }, [data, from, to])

  const capacity = useMemo(
    () =>
      (data?.capacity ?? [])
        .filter((r) => r.capacity > 0)
        .slice(0, 12)
        .map((r) => ({ name: `${r.name} · ${String(r.event).slice(0, 18)}`, sold: r.sold, held: r.held, left: r.left })),
    [data],
  )

  const channels = useMemo(() => {
    const by = new Map<string, { channel: string; revenue: number; cost: number }>()
    for (const r of data?.channels ?? []) {
      const c = by.get(r.channel) ?? { channel: r.channel, revenue: 0, cost: 0 }
      c.revenue += r.revenue
      c.cost += r.cost
      by.set(r.channel, c)
    }
    return [...by.values()].map((c) => ({
      channel: c.channel,
      roi: c.cost > 0 ? +(c.revenue / c.cost).toFixed(2) : 0,
      revenue: c.revenue / 100,
      cost: c.cost / 100,
    }))
  }, [data])

  const funnel = useMemo(() => {
    const e = data?.email ?? []
    const sum = (k: string) => e.reduce((n, r) => n + (r[k] ?? 0), 0)
    return [
      { stage: 'Sent', value: sum('sends') },
      { stage: 'Opened', value: sum('opens') },
      { stage: 'Clicked', value: sum('clicks') },
      { stage: 'Unsubscribed', value: sum('unsubscribes') },
    ]
  }, [data])

  return (
    <div className="analytics-dashboard">
      <form
        onSubmit={(e) => {
          e.preventDefault()
          void load()
        }}
        style={{ display: 'flex', gap: 12, alignItems: 'end', marginBottom: 'var(--base)' }}
      >
        <label>
          From <input type="date" name="from" value={from} max={to} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          To <input type="date" name="to" value={to} min={from} onChange={(e) => setTo(e.target.value)} />
        </label>
        {data && (
          <p style={{ margin: 0 }}>
            <strong>{sales.totals.orders}</strong> orders · <strong>{sales.totals.tickets}</strong> tickets ·{' '}
            <strong>{sales.totals.revenue}</strong> revenue
          </p>
        )}
      </form>
      {error && <p role="alert">{error}</p>}
      {!data && !error && <p>Loading…</p>}
      {data && (
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(460px, 1fr))', gap: 'var(--base)' }}>
          <Panel id="ticket-sales" title="Ticket revenue per day, by event" empty={sales.events.length === 0}>
            <ResponsiveContainer>
              <LineChart data={sales.days}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="day" tickFormatter={(d: string) => d.slice(5)} />
                <YAxis />
                <Tooltip formatter={(v) => money(Number(v) * 100, sales.totals.currency)} />
                <Legend />
                {sales.events.map((e, i) => (
                  <Line
                    key={e}
                    type="monotone"
                    dataKey={e}
                    stroke={PALETTE[i % PALETTE.length]}
                    strokeWidth={2}
                    dot={false}
                    isAnimationActive={false}
                  />
                ))}
              </LineChart>
            </ResponsiveContainer>
          </Panel>
          <Panel id="capacity" title="Capacity used per ticket type" empty={capacity.length === 0}>
            <ResponsiveContainer>
              <BarChart data={capacity} layout="vertical" margin={{ left: 40 }}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis type="number" />
                <YAxis type="category" dataKey="name" width={170} tick={{ fontSize: 11 }} />
                <Tooltip />
                <Legend />
                <Bar dataKey="sold" stackId="c" fill="#c2185b" isAnimationActive={false} />
                <Bar dataKey="held" stackId="c" fill="#ef6c00" isAnimationActive={false} />
                <Bar dataKey="left" stackId="c" fill="#cfd8dc" isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </Panel>
          <Panel id="campaign-roi" title="Campaign ROI by channel (revenue ÷ cost)" empty={channels.length === 0}>
            <ResponsiveContainer>
              <BarChart data={channels}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="channel" />
                <YAxis />
                <Tooltip />
                <Legend />
                <Bar dataKey="roi" name="ROI" fill="#1565c0" isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </Panel>
          <Panel id="email-funnel" title="Email funnel" empty={funnel[0].value === 0}>
            <ResponsiveContainer>
              <BarChart data={funnel}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="stage" />
                <YAxis />
                <Tooltip />
                <Bar dataKey="value" name="Recipients" fill="#2e7d32" isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </Panel>
          <Panel
            id="sponsor-impressions"
            title="Sponsor impressions and clicks per day"
            empty={(data.sponsors ?? []).every((r) => r.impressions === 0)}
          >
            <ResponsiveContainer>
              <AreaChart data={data.sponsors}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="day" tickFormatter={(d: string) => d.slice(5)} />
                <YAxis />
                <Tooltip />
                <Legend />
                <Area type="monotone" dataKey="impressions" stroke="#6a1b9a" fill="#ce93d8" isAnimationActive={false} />
                <Area type="monotone" dataKey="clicks" stroke="#00838f" fill="#80deea" isAnimationActive={false} />
              </AreaChart>
            </ResponsiveContainer>
          </Panel>
        </div>
      )}
    </div>
  )
}
