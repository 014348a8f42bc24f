/**
 * Local email: every message Payload sends is written as one JSON file to a folder
 * (MAIL_OUTBOX_DIR, default .data/mail) instead of leaving the machine. Used when no SMTP
 * server is configured, so a newcomer (and a test) can read what the platform sent.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import type { EmailAdapter, SendEmailOptions } from 'payload'

export type OutboxAttachment = { filename?: string; cid?: string; contentType?: string; contentBase64: string }
export type OutboxMessage = {
  id: string
  at: string
  from: string
  to: string
  subject: string
  text?: string
  html?: string
  attachments?: OutboxAttachment[]
}

/** Attachments as nodemailer takes them (content as a Buffer or string), kept whole in the outbox file. */
function attachmentsOf(message: SendEmailOptions): OutboxAttachment[] | undefined {
  const list = (message as { attachments?: Array<{ filename?: string; cid?: string; contentType?: string; content?: unknown }> })
    .attachments
  if (!Array.isArray(list) || list.length === 0) return undefined
  return list.map((a) => ({
    filename: a.filename,
    cid: a.cid,
    contentType: a.contentType,
    contentBase64: Buffer.isBuffer(a.content) ? a.content.toString('base64') : Buffer.from(String(a.content ?? '')).toString('base64'),
  }))
}

export const outboxDir = () => process.env.MAIL_OUTBOX_DIR || path.resolve(process.cwd(), '.data/mail')

const addressOf = (v: SendEmailOptions['to']): string =>
  Array.isArray(v)
    ? v.map(addressOf).join(', ')
    : typeof v === 'object' && v
      ? String((v as { address?: string }).address)
      : String(v ?? '')

export const outboxEmailAdapter =
  ({ fromAddress = 'tickets@fashionistas.local', fromName = 'Fashionistas' } = {}): EmailAdapter =>
  () => ({
    name: 'outbox',
    defaultFromAddress: fromAddress,
    defaultFromName: fromName,
    sendEmail: async (message: SendEmailOptions) => {
      const dir = outboxDir()
      fs.mkdirSync(dir, { recursive: true })
      const at = new Date().toISOString()
      const id = `${at.replace(/[:.]/g, '-')}-${crypto.randomBytes(4).toString('hex')}`
      const out: OutboxMessage = {
        id,
        at,
        from: addressOf(message.from) || `${fromName} <${fromAddress}>`,
        to: addressOf(message.to),
        subject: String(message.subject ?? ''),
        text: typeof message.text === 'string' ? message.text : undefined,
        html: typeof message.html === 'string' ? message.html : undefined,
        attachments: attachmentsOf(message),
      }
      fs.writeFileSync(path.join(dir, `${id}.json`), JSON.stringify(out, null, 2))
      return { id }
    },
  })

export function readOutbox(dir = outboxDir()): OutboxMessage[] {
  if (!fs.existsSync(dir)) return []
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as OutboxMessage)
}
