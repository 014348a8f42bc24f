/**
 * A ticket's QR code: it encodes the ticket code itself (what the door's scanner reads and the
 * check-in endpoint takes). SVG for pages, PNG for e-mail (mail clients do not show inline SVG).
 */
import QRCode from 'qrcode'

const options = { errorCorrectionLevel: 'M' as const, margin: 1 }

export const qrSvg = (code: string) => QRCode.toString(code, { ...options, type: 'svg', width: 180 })

export const qrPng = (code: string): Promise<Buffer> => QRCode.toBuffer(code, { ...options, type: 'png', width: 240 })

/** The content id by which a confirmation e-mail's HTML shows the ticket's QR image. */
export const qrContentId = (code: string) => `qr-${code}@fashionistas`
