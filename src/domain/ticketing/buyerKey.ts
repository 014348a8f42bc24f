/**
 * The key under which "one use per buyer" counts an e-mail address, so aliases of one mailbox
 * count once: trimmed and lower-cased; for providers that deliver `name+tag@` to `name@`
 * (Gmail, Outlook/Hotmail/Live, iCloud, Fastmail, Proton) the `+tag` is dropped; Gmail also
 * ignores dots in the name, and googlemail.com is gmail.com. Other domains keep their local
 * part as written (a `+` there may be a different mailbox).
 */
const PLUS_TAG_DOMAINS = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'msn.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'fastmail.com',
  'fastmail.fm',
  'proton.me',
  'protonmail.com',
  'pm.me',
])

export function buyerKeyOf(email: string): string {
  const address = email.trim().toLowerCase()
  const at = address.lastIndexOf('@')
  if (at < 1) return address
  let local = address.slice(0, at)
  let domain = address.slice(at + 1)
  if (domain === 'googlemail.com') domain = 'gmail.com'
  if (PLUS_TAG_DOMAINS.has(domain)) local = local.split('+')[0]
  if (domain === 'gmail.com') local = local.replace(/\./g, '')
  return `${local}@${domain}`
}
