import QRCode from 'qrcode'

/** A ticket code as an inline SVG QR code (what the door's scanner reads: the code itself). */
export const qrSvg = (code: string) => QRCode.toString(code, { type: 'svg', errorCorrectionLevel: 'M', margin: 1, width: 180 })
