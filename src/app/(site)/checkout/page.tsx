import type { Metadata } from 'next'
import React from 'react'

import { poolOf } from '../../../db/pool'
import { holdForHolder, orderForHolder, paymentMode } from '../../../domain/ticketing/buyerOrder'
import { payloadInstance } from '../data'
import { TicketPicker } from '../events/[slug]/TicketPicker'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Checkout', robots: { index: false } }

type Search = Record<string, string | string[] | undefined>
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? ''

/**
 * /checkout?hold=…&token=…: checkout on a hold made elsewhere, such as a waitlist offer's e-mail
 * link: what is held and until when, then billing and payment as on the event page.
 * With `&order=…` (where Stripe sends the buyer back after a payment method's redirect): the
 * order's confirmation once its payment's webhook has completed it.
 */
export default async function CheckoutPage({ searchParams }: { searchParams: Promise<Search> }) {
  const sp = await searchParams
  const hold = one(sp.hold)
  const token = one(sp.token)
  if (!/^[0-9a-f-]{36}$/i.test(hold) || token.length < 20 || token.length > 200)
    return <p className="notice">This checkout link is incomplete. Open it from your e-mail again.</p>
  const db = poolOf(await payloadInstance())
  const orderId = one(sp.order)
  if (orderId) {
    const order = /^[0-9a-f-]{36}$/i.test(orderId) ? await orderForHolder(db, orderId, token).catch(() => null) : null
    if (!order) return <p className="notice">This order link is not valid.</p>
    return (
      <section>
        <h1>Your order</h1>
        <TicketPicker
          ticketTypes={[]}
          payments={paymentMode()}
          initialHold={{ id: hold, token, expiresAt: new Date().toISOString(), items: [] }}
          initialOrder={{ id: order.id, status: order.status, total: order.total, currency: order.currency }}
        />
      </section>
    )
  }
  const held = await holdForHolder(db, hold, token).catch(() => null)
  if (!held) return <p className="notice">This checkout link is not valid.</p>
  if (!held.live) return <p className="notice">This hold has ended (it lapsed, was released or already has an order).</p>
  return (
    <section>
      <h1>Checkout</h1>
      <TicketPicker
        payments={paymentMode()}
        ticketTypes={held.items.map((i) => ({
          id: i.ticketType,
          name: i.name,
          price: i.price,
          currency: i.currency,
          available: i.quantity,
          seated: i.seated,
        }))}
        initialHold={{
          id: held.id,
          token: held.token,
          expiresAt: held.expiresAt,
          items: held.items.map((i) => ({ ticketType: i.ticketType, quantity: i.quantity, seats: i.seats })),
        }}
      />
    </section>
  )
}
