/**
 * The platform's email transport: SMTP through nodemailer when SMTP_URL is set
 * (e.g. smtp://user:pass@smtp.example.com:587, smtps://... for implicit TLS, `?pool=true`
 * to reuse connections for campaigns), otherwise the local outbox folder (MAIL_OUTBOX_DIR),
 * so nothing leaves a developer's machine by accident.
 */
import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import nodemailer from 'nodemailer'
import type { EmailAdapter } from 'payload'

import { outboxEmailAdapter } from './outboxAdapter'

export function emailAdapter(): EmailAdapter | Promise<EmailAdapter> {
  const defaultFromAddress = process.env.MAIL_FROM_ADDRESS || 'tickets@fashionistas.local'
  const defaultFromName = process.env.MAIL_FROM_NAME || 'Fashionistas'
  const url = process.env.SMTP_URL
  if (!url) return outboxEmailAdapter({ fromAddress: defaultFromAddress, fromName: defaultFromName })
  // Verified lazily: a mail server that is down must not stop the platform from starting.
  return nodemailerAdapter({ defaultFromAddress, defaultFromName, transport: nodemailer.createTransport(url), skipVerify: true })
}
