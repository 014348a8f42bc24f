import type { Payload } from 'payload'

import { slugs } from '../config/slugs'
import { posterImage } from './images'
import { richText } from './richText'
import { seedFashion } from './fashion'
import { seedMarketing, seedSponsorship, spreadDemoSales } from './marketing'
import { seedTicketing } from './ticketing'
import { DEMO_PASSWORD, seedContext } from './constants'

const common = { overrideAccess: true, context: seedContext, depth: 0 } as const

type Loose = Record<string, unknown>
/** Seed rows are literals checked by the collections' own validation at run time. */
const createIn = async (payload: Payload, collection: string, data: Loose, extra: Loose = {}) =>
  String(((await payload.create({ collection, data, ...common, ...extra } as never)) as { id: string }).id)

const DAY = 24 * 60 * 60 * 1000
const at = (daysFromNow: number, hourUtc: number) => {
  const d = new Date(Date.now() + daysFromNow * DAY)
  d.setUTCHours(hourUtc, 0, 0, 0)
  return d.toISOString()
}

export const DEMO_USERS = [
  { key: 'organizer', fullName: 'Olivia Organizer', userType: 'organizer', role: 'organizer' },
  { key: 'editor', fullName: 'Eddie Editor', userType: 'staff', role: 'editor' },
  { key: 'marketing', fullName: 'Maya Marketing', userType: 'staff', role: 'marketing' },
  { key: 'staff', fullName: 'Sam Staff', userType: 'staff', role: 'staff' },
  { key: 'designer', fullName: 'Dara Designer', userType: 'designer', role: 'designer' },
  { key: 'model', fullName: 'Milan Model', userType: 'model', role: 'attendee' },
  { key: 'sponsor', fullName: 'Sasha Sponsor', userType: 'sponsor', role: 'sponsor' },
  { key: 'attendee', fullName: 'Alex Attendee', userType: 'attendee', role: 'attendee' },
] as const

export async function seedDemo(payload: Payload, roles: Map<string, string>) {
  const users: Record<string, string> = {}
  for (const u of DEMO_USERS) {
    const doc = await payload.create({
      collection: slugs.users,
      data: {
        email: `${u.key}@fashionistas.local`,
        password: DEMO_PASSWORD,
        fullName: u.fullName,
        userType: u.userType,
        status: 'active',
        emailVerified: true,
        roles: [roles.get(u.role)!],
        profile: { bio: `${u.fullName} is part of the demo cast.`, location: 'Paris', interests: ['runway', 'couture'] },
      },
      ...common,
    })
    users[u.key] = String(doc.id)
  }

  const image = async (title: string, from: string, to: string, alt: string, uploadedBy = users.editor) =>
    String(
      (
        await payload.create({
          collection: slugs.media,
          data: { alt, folder: '/demo', tags: ['demo'], uploadedBy },
          file: await posterImage(title, from, to),
          ...common,
        })
      ).id,
    )
  const imgs = {
    runway: await image('Paris Runway Night', '#1a1a2e', '#e94560', 'Models on a lit runway'),
    atelier: await image('Atelier Workshop', '#0f3460', '#16c79a', 'Hands pinning fabric on a dress form'),
    party: await image('After Party', '#3d087b', '#f43b86', 'Guests dancing under coloured lights'),
    venue: await image('Grand Hall', '#222831', '#00adb5', 'A wide hall with a runway stage'),
    studio: await image('Studio Loft', '#2d4059', '#ea5455', 'A loft studio with tall windows'),
    hero: await image('Fashionistas', '#000000', '#c70039', 'Fashionistas title over a runway'),
  }

  const category = async (name: string, order: number, color: string, parent?: string) =>
    String(
      (await payload.create({ collection: slugs.eventCategories, data: { name, order, color, parent, icon: 'sparkles' }, ...common })).id,
    )
  const runway = await category('Runway', 1, '#e94560')
  const couture = await category('Couture', 2, '#c70039', runway)
  const workshops = await category('Workshops', 3, '#16c79a')
  const parties = await category('Parties', 4, '#f43b86')

  const venue = async (data: Record<string, unknown>) => createIn(payload, slugs.venues, { manager: users.organizer, ...data })
  const grandHall = await venue({
    name: 'Grand Hall Paris',
    description: 'A glass-roofed hall on the river, built for runway shows.',
    address: '3 Quai Branly',
    city: 'Paris',
    country: 'France',
    postalCode: '75007',
    latitude: 48.8606,
    longitude: 2.2977,
    capacity: 600,
    images: [imgs.venue],
    facilities: ['backstage', 'sound system', 'catering'],
    accessibilityFeatures: ['step-free access', 'hearing loop'],
    contact: { name: 'Venue desk', email: 'desk@grandhall.example', phone: '+33 1 00 00 00 00' },
    website: 'https://grandhall.example',
  })
  const loft = await venue({
    name: 'Studio Loft Brooklyn',
    description: 'A converted warehouse loft for workshops and parties.',
    address: '63 Flushing Ave',
    city: 'New York',
    state: 'NY',
    country: 'United States',
    postalCode: '11205',
    latitude: 40.7003,
    longitude: -73.9712,
    capacity: 180,
    images: [imgs.studio],
    facilities: ['bar', 'dj booth'],
  })
  await venue({
    name: 'Old Theatre Milan',
    address: 'Via Roma 1',
    city: 'Milan',
    country: 'Italy',
    capacity: 300,
    status: 'under_maintenance',
  })

  const section = async (venueId: string, name: string, capacity: number, sectionType: string, priceMultiplier = 1) =>
    createIn(payload, slugs.venueSections, { venue: venueId, name, capacity, sectionType, priceMultiplier })
  const frontRow = await section(grandHall, 'Front Row', 40, 'vip', 3)
  const runwaySide = await section(grandHall, 'Runway Side', 30, 'premium')
  await section(grandHall, 'General Standing', 450, 'general')
  await section(grandHall, 'Backstage', 20, 'backstage')
  const loftFloor = await section(loft, 'Main Floor', 150, 'general')
  await section(loft, 'Mezzanine', 30, 'premium', 1.5)
  // Numbered seats for the front row (2 rows x 20) and a few on the loft floor.
  for (const row of ['A', 'B']) {
    for (let n = 1; n <= 20; n++) {
      await createIn(payload, slugs.venueSeats, {
        section: frontRow,
        rowName: row,
        seatNumber: String(n),
        status: n === 1 ? 'blocked' : 'available',
        accessibilityFeatures: n === 20 ? ['wheelchair space'] : [],
      })
    }
  }
  for (let n = 1; n <= 10; n++) {
    await createIn(payload, slugs.venueSeats, { section: loftFloor, rowName: 'F', seatNumber: String(n) })
  }

  const event = async (data: Record<string, unknown>) => createIn(payload, slugs.events, { organizer: users.organizer, ...data })
  const show = await event({
    title: 'Paris Runway Night',
    shortDescription: 'Ten designers, one runway, one night on the Seine.',
    description: richText('Ten emerging designers show their spring collections.', 'Doors open at 19:00 Paris time.'),
    startDate: at(21, 18),
    endDate: at(21, 22),
    timeZone: 'Europe/Paris',
    venue: grandHall,
    status: 'published',
    capacity: 540,
    type: 'fashion_show',
    categories: [runway, couture],
    tags: ['spring', 'runway', 'paris'],
    featured: true,
    featuredImage: imgs.runway,
    gallery: [imgs.runway, imgs.venue],
    meta: { title: 'Paris Runway Night · Fashionistas', description: 'Ten designers, one runway, one night.' },
  })
  const workshop = await event({
    title: 'Draping Masterclass',
    shortDescription: 'A hands-on afternoon of draping on the stand.',
    description: richText('Bring scissors; fabric and stands are provided.'),
    startDate: at(10, 17),
    endDate: at(10, 21),
    timeZone: 'America/New_York',
    venue: loft,
    status: 'published',
    capacity: 40,
    type: 'workshop',
    categories: [workshops],
    tags: ['draping', 'hands-on'],
    featuredImage: imgs.atelier,
  })
  const party = await event({
    title: 'Closing Party',
    shortDescription: 'Music, drinks and the designers, after the last show.',
    startDate: at(21, 22),
    endDate: at(22, 3),
    timeZone: 'Europe/Paris',
    venue: grandHall,
    status: 'published',
    capacity: 500,
    type: 'party',
    categories: [parties],
    featuredImage: imgs.party,
  })
  await event({
    title: 'Autumn Couture Preview',
    shortDescription: 'Still being planned: a draft only its organizer and editors see.',
    startDate: at(90, 18),
    endDate: at(90, 21),
    timeZone: 'Europe/Paris',
    venue: grandHall,
    status: 'draft',
    capacity: 300,
    type: 'fashion_show',
    categories: [couture],
  })

  const schedule = async (eventId: string, items: Array<[string, number, number, boolean?]>, base: string) => {
    let order = 0
    for (const [title, startOffsetMin, durationMin, isBreak] of items) {
      const start = new Date(new Date(base).getTime() + startOffsetMin * 60000)
      await payload.create({
        collection: slugs.eventSchedules,
        data: {
          event: eventId,
          title,
          startTime: start.toISOString(),
          endTime: new Date(start.getTime() + durationMin * 60000).toISOString(),
          order: order++,
          isBreak: Boolean(isBreak),
          location: 'Main stage',
          type: isBreak ? 'break' : 'session',
          speaker: isBreak ? undefined : users.designer,
        },
        ...common,
      })
    }
  }
  await schedule(
    show,
    [
      ['Doors and welcome drinks', 0, 60],
      ['Runway: first five designers', 60, 45],
      ['Intermission', 105, 20, true],
      ['Runway: last five designers', 125, 45],
      ['Designers on stage', 170, 40],
    ],
    at(21, 18),
  )
  await schedule(
    workshop,
    [
      ['Draping basics', 0, 90],
      ['Coffee', 90, 20, true],
      ['Your own toile', 110, 120],
    ],
    at(10, 17),
  )

  const page = async (data: Record<string, unknown>, status: 'published' | 'draft' = 'published') =>
    createIn(payload, slugs.pages, { author: users.editor, ...data, _status: status }, { draft: status === 'draft' })
  await page({
    title: 'Home',
    slug: 'home',
    isHomepage: true,
    layout: [
      {
        blockType: 'hero',
        heading: 'Fashion, live.',
        subheading: 'Shows, workshops and parties from the people who make fashion.',
        image: imgs.hero,
        ctaLabel: 'See events',
        ctaUrl: '/events',
      },
      { blockType: 'eventList', title: 'Coming up', upcomingOnly: true, limit: 6 },
      {
        blockType: 'feature',
        title: 'Why Fashionistas',
        items: [
          { title: 'Front-row seats', text: 'Pick your seat on the floor plan.' },
          { title: 'Meet the designers', text: 'Every show ends on stage.' },
        ],
      },
      { blockType: 'testimonial', quote: 'The best runway night of the season.', author: 'A happy attendee' },
      { blockType: 'designerList', title: 'Featured designers', mode: 'featured', limit: 6 },
      { blockType: 'cta', heading: 'Host your own show', buttonLabel: 'Get in touch', buttonUrl: '/about' },
    ],
    meta: { title: 'Fashionistas', description: 'Fashion events, live.' },
  })
  await page({
    title: 'About',
    layout: [
      {
        blockType: 'richText',
        title: 'Who we are',
        content: richText('Fashionistas runs fashion events around the world.', 'We work with designers, venues and sponsors.'),
      },
      { blockType: 'gallery', title: 'Past shows', images: [imgs.runway, imgs.party, imgs.atelier], columns: 3 },
      { blockType: 'video', title: 'Highlights', source: 'url', url: 'https://video.example/highlights.mp4' },
    ],
  })
  await page({
    title: 'Press Room',
    requiresAuth: true,
    layout: [{ blockType: 'richText', content: richText('Press kits for accredited journalists.') }],
  })
  await page({
    title: 'Sponsors',
    layout: [
      { blockType: 'sponsorList', title: 'Our sponsors', event: show },
      { blockType: 'image', image: imgs.venue, caption: 'Grand Hall' },
    ],
  })
  await page(
    { title: 'Spring Lookbook (draft)', layout: [{ blockType: 'custom', component: 'Lookbook', props: { season: 'spring' } }] },
    'draft',
  )

  await seedFashion(payload, {
    showEvent: show,
    venue: grandHall,
    designerUser: users.designer,
    modelUser: users.model,
    showStart: at(21, 18),
  })
  const tickets = await seedTicketing(payload, { show, workshop, party }, { frontRow, runwaySide }, [
    { email: 'attendee@fashionistas.local', name: 'Alex Attendee', id: users.attendee },
    { email: 'model@fashionistas.local', name: 'Milan Model', id: users.model },
    { email: 'designer@fashionistas.local', name: 'Dara Designer', id: users.designer },
  ])
  const sponsors = await seedSponsorship(payload, { show, workshop, party, users, logo: imgs.hero })
  await seedMarketing(payload, {
    show,
    workshop,
    party,
    users,
    logo: imgs.hero,
    sponsors,
    welcomeCode: tickets.welcome,
    generalTicket: tickets.general,
  })
  await spreadDemoSales(payload)
}
