import type { Payload } from 'payload'

import { seedContext } from './constants'
import { posterImage } from './images'

const common = { overrideAccess: true, context: seedContext, depth: 0 } as const
const create = async (payload: Payload, collection: string, data: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  String(((await payload.create({ collection, data, ...common, ...extra } as never)) as { id: string }).id)

/**
 * Designers, collections with items and generated images, models, and one complete runway
 * show (segments with appearances) for the demo's runway night.
 */
export async function seedFashion(
  payload: Payload,
  ctx: { showEvent: string; venue: string; designerUser: string; modelUser: string; showStart: string },
) {
  const image = async (title: string, from: string, to: string, alt: string) =>
    create(
      payload,
      'media',
      { alt, folder: '/demo/fashion', tags: ['demo', 'fashion'] },
      { file: await posterImage(title, from, to, 800, 1000) },
    )

  const aurore = await create(payload, 'designers', {
    name: 'Maison Aurore',
    brand: 'Aurore',
    specialty: 'Sustainable couture',
    user: ctx.designerUser,
    status: 'active',
    featured: true,
    verified: true,
    bio: 'Couture cut from deadstock silk and recycled wool.',
    website: 'https://aurore.example',
    yearsActive: 8,
    awards: [{ title: 'Green Carpet Award', year: 2025, organisation: 'Eco Fashion Council' }],
    pressMentions: [{ outlet: 'Runway Weekly', title: 'The quiet revolution of Maison Aurore' }],
    location: { city: 'Paris', country: 'France' },
    contact: { email: 'studio@aurore.example' },
    profileImage: await image('Maison Aurore', '#2d132c', '#ee4540', 'Maison Aurore logo'),
  })
  const noir = await create(payload, 'designers', {
    name: 'Atelier Noir',
    brand: 'Noir',
    specialty: 'Tailoring',
    status: 'active',
    featured: true,
    bio: 'Sharp tailoring in black and every shade of it.',
    location: { city: 'Milan', country: 'Italy' },
    profileImage: await image('Atelier Noir', '#000000', '#434343', 'Atelier Noir logo'),
  })
  await create(payload, 'designers', { name: 'Studio Verde', specialty: 'Knitwear', status: 'pending', bio: 'Awaiting review.' })

  const collection = async (
    designer: string,
    name: string,
    season: string,
    year: number,
    releaseDate: string | null,
    status = 'published',
  ) =>
    create(payload, 'fashion-collections', {
      designer,
      name,
      season,
      year,
      releaseDate,
      status,
      featured: status === 'published',
      description: `${name}: ${season} ${year}.`,
      inspiration: 'Light on water at dawn.',
      colorPalette: ['#ee4540', '#f6e4d0', '#2d132c'],
      materials: ['silk', 'wool'],
      coverImage: await image(name, '#ee4540', '#f6e4d0', `${name} cover`),
      event: status === 'published' ? ctx.showEvent : undefined,
    })
  const lumiere = await collection(aurore, 'Lumiere', 'spring', 2027, '2027-02-01T00:00:00Z')
  await collection(aurore, 'Brume', 'fall', 2026, '2026-09-01T00:00:00Z')
  await collection(aurore, 'Archive', 'resort', 2025, null)
  await collection(aurore, 'Secret Line', 'couture', 2027, null, 'draft')
  const nuit = await collection(noir, 'Nuit', 'winter', 2026, '2026-11-15T00:00:00Z')

  const items: string[] = []
  const looks = [
    [lumiere, 'Silk slip dress', 'dress', ['#ee4540', '#f6e4d0']],
    [lumiere, 'Cropped wool jacket', 'outerwear', ['#2d132c', '#801336']],
    [lumiere, 'Pleated trousers', 'bottom', ['#f6e4d0', '#c72c41']],
    [nuit, 'Double-breasted coat', 'outerwear', ['#000000', '#3a3a3a']],
    [nuit, 'Evening tuxedo', 'top', ['#111111', '#555555']],
  ] as const
  for (const [i, [coll, name, type, [a, b]]] of looks.entries()) {
    const item = await create(payload, 'fashion-items', {
      collection: coll,
      name,
      type,
      displayOrder: i,
      materials: ['silk'],
      colors: ['ivory', 'red'],
      sizes: ['XS', 'S', 'M', 'L'],
      priceMin: 45000 + i * 10000,
      priceMax: 90000 + i * 10000,
      currency: 'EUR',
      featured: i === 0,
    })
    items.push(item)
    for (let k = 0; k < 2; k++) {
      await create(payload, 'fashion-item-images', {
        item,
        media: await image(`${name} ${k + 1}`, a, b, `${name}, view ${k + 1}`),
        displayOrder: k,
        isPrimary: k === 0,
      })
    }
  }

  const models: string[] = []
  for (const [name, agency, user] of [
    ['Ines Moreau', 'Elite Paris', ctx.modelUser],
    ['Kofi Mensah', 'Storm', undefined],
    ['Yuki Tanaka', 'IMG', undefined],
  ] as const) {
    models.push(
      await create(payload, 'models', {
        name,
        agency,
        user,
        status: 'active',
        height: '178 cm',
        measurements: { waist: '60', hips: '88', shoe: '39' },
        featured: name === 'Ines Moreau',
      }),
    )
  }

  const start = new Date(ctx.showStart).getTime()
  const show = await create(payload, 'runway-shows', {
    title: 'Maison Aurore — Lumiere',
    collection: lumiere,
    event: ctx.showEvent,
    venue: ctx.venue,
    showDate: new Date(start + 60 * 60_000).toISOString(),
    durationMinutes: 30,
    status: 'scheduled',
    capacity: 540,
    livestreamUrl: 'https://live.example/aurore',
    notes: 'House lights down at the first cue.',
  })
  const segments = [
    ['Dawn', 0, 'Morning light', 'Nils Frahm — Says'],
    ['Noon', 12, 'Full sun', 'Air — La Femme d’Argent'],
    ['Dusk', 24, 'Golden hour', 'Max Richter — On the Nature of Daylight'],
  ] as const
  for (const [order, [name, offset, theme, music]] of segments.entries()) {
    const segment = await create(payload, 'runway-segments', {
      show,
      name,
      order: order + 1,
      theme,
      music,
      startTime: new Date(start + (60 + offset) * 60_000).toISOString(),
      durationMinutes: 10,
      lightingNotes: `${theme}: warm wash`,
    })
    for (const [k, model] of models.entries()) {
      await create(payload, 'runway-appearances', { segment, order: k + 1, model, item: items[(order + k) % 3] })
    }
  }
  await create(payload, 'designer-collaborations', {
    name: 'Aurore × Noir capsule',
    status: 'active',
    startDate: '2026-10-01T00:00:00Z',
    members: [
      { designer: aurore, role: 'lead' },
      { designer: noir, role: 'tailoring' },
    ],
  })
  return { aurore, noir, lumiere, show }
}
