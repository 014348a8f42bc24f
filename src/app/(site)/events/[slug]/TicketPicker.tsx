'use client'
/**
 * Checkout on the holds API: pick tickets (best seats side by side for seated types), a visible
 * countdown while they are held, billing details and a discount code (refusals say why), then
 * payment. In local demo mode the "Pay (demo)" step confirms through the local Stripe fake, so a
 * newcomer can buy a ticket end to end with no account anywhere; the confirmation shows the
 * ticket codes (and seats) once the payment's webhook has completed the order.
 */
import React, { useEffect, useState } from 'react'

import type { PaymentMode } from '../../../../domain/ticketing/buyerOrder'
import { PaymentElement } from './PaymentElement'

type TicketType = { id: string; name: string; price: number; currency: string; available: number; seated: boolean }
export type Hold = {
  id: string
  token: string
  expiresAt: string
  items: Array<{ ticketType: string; quantity: number; seats?: Array<{ label: string; section: string }> }>
}
type Order = { id: string; status: string; total: number; currency: string }
type Ticket = { code: string; ticketType: string; seat: { section: string; row: string; number: string } | null }

const money = (minor: number, currency: string) => new Intl.NumberFormat('en', { style: 'currency', currency }).format(minor / 100)

async function api<T>(path: string, init: RequestInit & { token?: string } = {}): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (init.token) headers['x-hold-token'] = init.token
  const res = await fetch(`/api${path}`, { ...init, headers, credentials: 'include' })
  const body = await res.json().catch(() => ({}))
  if (!res.ok)
    throw Object.assign(new Error(body.message ?? `Request failed (${res.status})`), { code: body.error, status: res.status, body })
  return body as T
}

export function TicketPicker({
  ticketTypes,
  payments,
  initialHold = null,
  initialOrder = null,
}: {
  ticketTypes: TicketType[]
  payments: PaymentMode
  initialHold?: Hold | null
  /** Back from a payment method's redirect: wait for this order's tickets. */
  initialOrder?: Order | null
}) {
  const [quantities, setQuantities] = useState<Record<string, number>>({})
  const [hold, setHold] = useState<Hold | null>(initialHold)
  const [order, setOrder] = useState<Order | null>(initialOrder)
  const [clientSecret, setClientSecret] = useState<string | null>(null)
  const [tickets, setTickets] = useState<Ticket[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [left, setLeft] = useState<number | null>(null)

  useEffect(() => {
    if (!hold || tickets) return
    const tick = () => setLeft(Math.max(0, Math.round((new Date(hold.expiresAt).getTime() - Date.now()) / 1000)))
    tick()
    const t = setInterval(tick, 1000)
    return () => clearInterval(t)
  }, [hold, tickets])

  useEffect(() => {
    if (initialOrder && initialHold) void run(() => waitForTickets(initialOrder.id))
    // Once, on arrival from a payment method's redirect.
  }, [])

  if (ticketTypes.length === 0 && !initialOrder) return <p>No tickets are on sale right now.</p>
  const run = async (fn: () => Promise<void>) => {
    setBusy(true)
    setError(null)
    try {
      await fn()
    } catch (e) {
      setError((e as Error).message)
    } finally {
      setBusy(false)
    }
  }

  const holdTickets = () =>
    run(async () => {
      const items = Object.entries(quantities)
        .filter(([, q]) => q > 0)
        .map(([ticketType, quantity]) => ({
          ticketType,
          quantity,
          ...(ticketTypes.find((t) => t.id === ticketType)?.seated ? { together: true } : {}),
        }))
      if (items.length === 0) throw new Error('Choose at least one ticket.')
      setHold(await api<Hold>('/checkout/holds', { method: 'POST', body: JSON.stringify({ items }) }))
    })

  const placeOrder = (form: FormData) =>
    run(async () => {
      const discountCode = String(form.get('discountCode') ?? '').trim()
      const res = await api<{ order: Order; payment: { clientSecret: string | null } }>('/checkout/orders', {
        method: 'POST',
        body: JSON.stringify({
          hold: hold!.id,
          token: hold!.token,
          billing: { name: String(form.get('name') ?? ''), email: String(form.get('email') ?? '') },
          ...(discountCode ? { discountCode } : {}),
        }),
      }).catch((e: Error & { body?: { reason?: string } }) => {
        throw new Error(e.body?.reason ? `${e.message} (${e.body.reason.replace(/_/g, ' ')})` : e.message)
      })
      setOrder(res.order)
      setClientSecret(res.payment?.clientSecret ?? null)
      if (res.order.status === 'completed') await waitForTickets(res.order.id)
    })

  const waitForTickets = async (orderId: string) => {
    for (let i = 0; i < 60; i++) {
      const o = await api<Order & { tickets: Ticket[] }>(`/checkout/orders/${orderId}`, { token: hold!.token })
      if (o.status === 'completed') return setTickets(o.tickets)
      await new Promise((r) => setTimeout(r, 500))
    }
    throw new Error('The payment is taking longer than usual; your confirmation e-mail will follow.')
  }

  const payDemo = () =>
    run(async () => {
      await api(`/checkout/orders/${order!.id}/demo-pay`, { method: 'POST', body: JSON.stringify({ token: hold!.token }) })
      await waitForTickets(order!.id)
    })

  if (tickets)
    return (
      <div className="notice" data-testid="confirmation" role="status">
        <h3>You are going!</h3>
        <p>Your tickets (a confirmation e-mail is on its way):</p>
        <ul>
          {tickets.map((t) => (
            <li key={t.code}>
              <strong data-testid="ticket-code">{t.code}</strong> · {t.ticketType}
              {t.seat ? ` · ${t.seat.section}, row ${t.seat.row}, seat ${t.seat.number}` : ''}
            </li>
          ))}
        </ul>
      </div>
    )

  return (
    <div className="checkout">
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {!hold && (
        <div>
          {ticketTypes.map((t) => (
            <label key={t.id} style={{ display: 'block', margin: '6px 0' }}>
              {t.name} ({money(t.price, t.currency)}
              {t.seated ? ', best seats side by side' : ''}){' '}
              <input
                type="number"
                min={0}
                max={Math.min(10, t.available)}
                value={quantities[t.id] ?? 0}
                disabled={t.available === 0}
                aria-label={`Number of ${t.name} tickets`}
                onChange={(e) => setQuantities((q) => ({ ...q, [t.id]: Math.max(0, Number(e.target.value)) }))}
                style={{ width: 64 }}
              />
            </label>
          ))}
          <button className="button" type="button" disabled={busy} onClick={() => void holdTickets()}>
            Get tickets
          </button>
        </div>
      )}
      {hold && !order && (
        <form
          aria-label="Checkout"
          onSubmit={(e) => {
            e.preventDefault()
            void placeOrder(new FormData(e.currentTarget))
          }}
        >
          <p role="timer" aria-live="off" data-testid="hold-countdown">
            Held for you for {left == null ? '…' : `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`}
          </p>
          <ul>
            {hold.items.map((i) => (
              <li key={i.ticketType}>
                {i.quantity} × {ticketTypes.find((t) => t.id === i.ticketType)?.name}
                {i.seats?.length ? `: ${i.seats.map((s) => `${s.section} ${s.label}`).join(', ')}` : ''}
              </li>
            ))}
          </ul>
          <label style={{ display: 'block' }}>
            Name <input name="name" required autoComplete="name" />
          </label>
          <label style={{ display: 'block' }}>
            E-mail <input name="email" type="email" required autoComplete="email" />
          </label>
          <label style={{ display: 'block' }}>
            Discount code <input name="discountCode" />
          </label>
          <button className="button" type="submit" disabled={busy || left === 0}>
            Continue to payment
          </button>
        </form>
      )}
      {order && order.status !== 'completed' && (
        <div>
          <p>
            Order total: <strong>{money(order.total, order.currency)}</strong>
          </p>
          {payments.mode === 'demo' && (
            <>
              <button className="button" type="button" disabled={busy} onClick={() => void payDemo()}>
                Pay (demo)
              </button>
              <p className="when">Demo mode: no card is charged; the local Stripe fake confirms a test card.</p>
            </>
          )}
          {payments.mode === 'stripe' && clientSecret && (
            <PaymentElement
              publishableKey={payments.publishableKey}
              clientSecret={clientSecret}
              returnUrl={`${window.location.origin}/checkout?hold=${hold!.id}&token=${encodeURIComponent(hold!.token)}&order=${order.id}`}
              onPaid={() => waitForTickets(order.id)}
            />
          )}
          {payments.mode === 'stripe' && !clientSecret && <p className="when">Waiting for the payment’s confirmation…</p>}
          {payments.mode === 'unconfigured' && (
            <p className="error" role="alert">
              Online payment is not set up on this site yet; your tickets stay held until the time above.
            </p>
          )}
        </div>
      )}
    </div>
  )
}
