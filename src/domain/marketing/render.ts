/** Marketing email content: the campaign's rich text as HTML, and one recipient's message (tracking pixel, tracked links, unsubscribe). */
import { convertLexicalToHTML } from '@payloadcms/richtext-lexical/html'

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string)

export const publicBaseUrl = () =>
  (process.env.PAYLOAD_PUBLIC_SERVER_URL || process.env.SITE_URL || `http://localhost:${process.env.PORT || 3000}`).replace(/\/$/, '')

export type EmailCampaignDoc = {
  id: string
  subject: string
  previewText?: string | null
  senderName: string
  senderEmail: string
  template: 'newsletter' | 'announcement' | 'plain'
  content: unknown
  tracking?: { opens?: boolean | null; clicks?: boolean | null } | null
  links?: string[] | null
}

/** The content as HTML (before personalisation and tracking), and the distinct http(s) links in it, in order. */
export function renderContent(content: unknown): { html: string; links: string[] } {
  const html =
    content && typeof content === 'object' && 'root' in (content as object)
      ? convertLexicalToHTML({ data: content as never, disableContainer: true })
      : ''
  const links: string[] = []
  for (const m of html.matchAll(/<a\b[^>]*\bhref="([^"]+)"/gi)) {
    const url = m[1].replace(/&amp;/g, '&')
    if (/^https?:\/\//i.test(url) && !links.includes(url)) links.push(url)
  }
  return { html, links }
}

export type Recipient = { token: string; email: string; name: string | null }

/** One recipient's message: personalised, with tracked links, open pixel and unsubscribe link. */
export function buildMessage(c: EmailCampaignDoc, r: Recipient, base = publicBaseUrl()) {
  const { html: body } = renderContent(c.content)
  const links = c.links ?? []
  const firstName = (r.name ?? '').trim().split(/\s+/)[0] || 'there'
  const personal = (s: string, esc: (v: string) => string) =>
    s.replace(/\{\{\s*firstName\s*\}\}/g, esc(firstName)).replace(/\{\{\s*name\s*\}\}/g, esc(r.name?.trim() || firstName))
  let html = personal(body, escapeHtml)
  if (c.tracking?.clicks !== false) {
    html = html.replace(/(<a\b[^>]*\bhref=")([^"]+)(")/gi, (all, pre, href, post) => {
      const i = links.indexOf(href.replace(/&amp;/g, '&'))
      return i < 0 ? all : `${pre}${base}/api/m/c/${r.token}?l=${i}${post}`
    })
  }
  const unsubscribe = `${base}/api/m/u/${r.token}`
  const pixel =
    c.tracking?.opens !== false ? `<img src="${base}/api/m/o/${r.token}" width="1" height="1" alt="" style="display:block;border:0" />` : ''
  const preview = c.previewText ? `<div style="display:none;max-height:0;overflow:hidden">${escapeHtml(c.previewText)}</div>` : ''
  const header =
    c.template === 'plain'
      ? ''
      : `<h1 style="font-family:Georgia,serif;font-weight:normal;margin:0 0 16px">${c.template === 'announcement' ? 'Announcement' : 'Fashionistas'}</h1>`
  const document = `<!doctype html><html><body style="margin:0;padding:24px;font-family:Helvetica,Arial,sans-serif;color:#111">${preview}${header}${html}
<p style="margin-top:32px;font-size:12px;color:#666">You receive this because you accepted news from Fashionistas. <a href="${unsubscribe}">Unsubscribe</a>.</p>${pixel}</body></html>`
  const text = `${personal(
    body
      .replace(/<a\b[^>]*href="([^"]+)"[^>]*>(.*?)<\/a>/gi, '$2 ($1)')
      .replace(/<\/(p|h\d|li)>/gi, '\n')
      .replace(/<[^>]+>/g, ''),
    (v) => v,
  )
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .trim()}\n\nUnsubscribe: ${unsubscribe}\n`
  return {
    from: `"${c.senderName.replace(/"/g, '')}" <${c.senderEmail}>`,
    to: r.email,
    subject: personal(c.subject, (v) => v),
    html: document,
    text,
    headers: { 'List-Unsubscribe': `<${unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  }
}
