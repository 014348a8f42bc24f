import type { Payload } from 'payload'

import { getOrder, ticketCodesOf } from './orders'
import type { Pool } from 'pg'
import type { PostgresAdapter } from '@payloadcms/db-postgres'

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!)

/**
 * The confirmation email with the ticket codes, through Payload's email adapter. Sent after
 * the order committed; a failure to send is logged and does not undo the paid order.
 */
export async function sendOrderConfirmation(payload: Payload, orderId: string): Promise<boolean> {
  const pool = (payload.db as unknown as PostgresAdapter).pool as unknown as Pool
  const order = await getOrder(pool, orderId)
  if (!order) return false
  const tickets = await ticketCodesOf(pool, orderId)
  const event = await payload.findByID({ collection: 'events', id: order.eventId, depth: 0, overrideAccess: true })
  const lines = tickets.map((t) => `<li><strong>${escape(t.code)}</strong> — ${escape(t.ticketType)}</li>`).join('')
  try {
    await payload.sendEmail({
      to: order.billingEmail,
      subject: `Your tickets for ${event.title}`,
      html: `<p>Thank you for your order ${escape(order.id)}.</p><p>${escape(event.title)}</p><ul>${lines}</ul><p>Show a code at the door.</p>`,
      text: `Thank you for your order ${order.id}.\n${event.title}\n${tickets.map((t) => `${t.code} (${t.ticketType})`).join('\n')}`,
    })
    return true
  } catch (err) {
    payload.logger.error({ err, msg: `confirmation email for order ${orderId} failed` })
    return false
  }
}
