/**
 * The e-mails that carry a one-time link (double opt-in of a waitlist, an e-mail change, a
 * guest's data), rendered for the outbox (notifications.ts). Link tokens are stored encrypted in
 * the notification's data and decrypted only here.
 */
import { decryptValue } from '../../plugins/field-encryption'

type Link = { kind: string; recipient: string; data: Record<string, unknown> }
type Out = { to: string; subject: string; html: string; text: string }

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!)
const tokenOf = (n: Link) => encodeURIComponent(String(decryptValue(n.data.token) ?? ''))

function message(to: string, subject: string, intro: string, link: string, label: string, after: string[]): Out {
  return {
    to,
    subject,
    html: `<p>${escape(intro)}</p><p><a href="${escape(link)}">${escape(label)}</a></p>${after.map((l) => `<p>${escape(l)}</p>`).join('')}`,
    text: [intro, link, '', ...after].join('\n'),
  }
}

/** The message for a link-bearing kind, or null for any other kind. */
export function linkMessage(n: Link, site: string, eventTitle: string | null, eventId: string | null): Out | null {
  if (n.kind === 'waitlist_confirm') {
    const link = `${site}/waitlist/confirm?event=${encodeURIComponent(String(eventId ?? ''))}&entry=${encodeURIComponent(String(n.data.entry))}&token=${tokenOf(n)}`
    return message(
      n.recipient,
      `Confirm your place on the waitlist: ${eventTitle ?? 'your event'}`,
      `You asked to wait for ${String(n.data.quantity)} × ${String(n.data.ticketType)}. Confirm this address to take your place in line:`,
      link,
      'Confirm my place',
      ['Until you confirm, you are not in line. The link works once, for 48 hours. If it was not you, ignore this e-mail.'],
    )
  }
  if (n.kind === 'email_change_confirm') {
    const link = `${site}/account/verify?change=${tokenOf(n)}`
    return message(
      n.recipient,
      'Confirm your new e-mail for Fashionistas',
      'Someone asked to use this address for a Fashionistas account. To make the change, confirm it:',
      link,
      'Confirm this address',
      ['The account keeps its old address until you confirm. The link works once, for 48 hours. If it was not you, ignore this e-mail.'],
    )
  }
  if (n.kind === 'guest_data_link') {
    const link = `${site}/api/privacy/guest-export?token=${tokenOf(n)}`
    return message(
      n.recipient,
      'Your data at Fashionistas',
      'You asked for the data we hold about this address (orders, tickets, waitlists). Download it here:',
      link,
      'Download my data',
      ['The link works for 24 hours. If you did not ask, ignore this e-mail: nothing is sent anywhere else.'],
    )
  }
  return null
}
