/**
 * A real SMTP server on 127.0.0.1 (the smtp-server package) that keeps what arrives, parsed
 * with mailparser. Recipients whose address contains "bounce" are refused with 550, as a
 * mailbox that does not exist would be.
 */
import type { AddressInfo } from 'node:net'

import { simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'

export type Received = {
  to: string[]
  from: string
  subject: string
  html: string
  text: string
  headers: Map<string, unknown>
  attachments: Array<{ cid?: string; contentType: string; content: Buffer; related?: boolean }>
}

export async function startSmtpServer(listenOn = 0) {
  const received: Received[] = []
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, cb) {
      if (address.address.includes('bounce')) return cb(Object.assign(new Error('5.1.1 No such mailbox'), { responseCode: 550 }))
      cb()
    },
    onData(stream, session, cb) {
      simpleParser(stream)
        .then((m) => {
          received.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            subject: m.subject ?? '',
            html: typeof m.html === 'string' ? m.html : '',
            text: m.text ?? '',
            headers: m.headers as Map<string, unknown>,
            attachments: m.attachments.map((a) => ({ cid: a.cid, contentType: a.contentType, content: a.content, related: a.related })),
          })
          cb()
        })
        .catch(cb)
    },
  })
  await new Promise<void>((resolve) => server.listen(listenOn, '127.0.0.1', resolve))
  const { port } = server.server.address() as AddressInfo
  return { url: `smtp://127.0.0.1:${port}`, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) }
}
