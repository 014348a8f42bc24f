import sharp from 'sharp'

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!)

/** A poster-like PNG generated locally (no network): two-colour gradient and a title. */
export async function posterImage(title: string, from: string, to: string, width = 1600, height = 1000) {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
  <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient></defs>
  <rect width="100%" height="100%" fill="url(#g)"/>
  <circle cx="${width * 0.78}" cy="${height * 0.3}" r="${height * 0.22}" fill="#ffffff" fill-opacity="0.12"/>
  <text x="80" y="${height - 120}" font-family="DejaVu Sans, Arial, sans-serif" font-size="${Math.round(height / 12)}" font-weight="700" fill="#ffffff">${escape(title)}</text>
  <text x="84" y="${height - 60}" font-family="DejaVu Sans, Arial, sans-serif" font-size="${Math.round(height / 30)}" fill="#ffffff" fill-opacity="0.8">FASHIONISTAS</text>
</svg>`
  const data = await sharp(Buffer.from(svg)).png().toBuffer()
  const name = `${title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}.png`
  return { data, mimetype: 'image/png', name, size: data.length }
}
