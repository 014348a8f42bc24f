import type { Browser, Page } from 'playwright-core'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inject } from 'vitest'

import { DEFAULT_ADMIN, DEMO_PASSWORD } from '../../src/seed/constants'
import { eventually } from '../helpers/eventually'
import { launchBrowser } from '../helpers/browser'
import { totpAt } from '../../src/domain/auth/totp'

let browser: Browser
let close: () => Promise<void>
const baseUrl = inject('baseUrl')

beforeAll(async () => {
  ;({ browser, close } = await launchBrowser())
})
afterAll(async () => close?.())

async function logIn(page: Page, email: string, password: string) {
  await page.goto(`${baseUrl}/admin/login`, { waitUntil: 'networkidle', timeout: 180_000 })
  // In dev mode the first visit compiles the admin (over 90 s on a loaded 2-core machine): wait
  // for the login form itself rather than the default 30 s.
  const form = page.locator('#field-email')
  await form.waitFor({ timeout: 240_000 })
  await form.fill(email)
  await page.locator('#field-password').fill(password)
  await page.locator('button[type="submit"]').click()
}

async function chooseOption(page: Page, fieldPath: string, label: string) {
  await page.locator(`#field-${fieldPath}`).click()
  await page.locator('.rs__option', { hasText: label }).first().click()
}

describe('admin UI', () => {
  it('lets the seeded admin create and publish an event in its own time zone (from a browser in Sydney) that anonymous REST clients then read', async () => {
    // The editor's browser is in Sydney; the event is in Paris and spans the spring change
    // (31 March 2030): 19:00 entered is 19:00 in Paris on both sides of it.
    const context = await browser.newContext({ timezoneId: 'Australia/Sydney' })
    const page = await context.newPage()
    await logIn(page, DEFAULT_ADMIN.email, DEFAULT_ADMIN.password)
    await page.waitForURL(`${baseUrl}/admin`, { timeout: 120_000 })
    await expect(page.locator('.dashboard').first().waitFor({ timeout: 60_000 })).resolves.toBeUndefined()

    const title = `E2E Runway ${Date.now()}`
    await page.goto(`${baseUrl}/admin/collections/events/create`, { waitUntil: 'networkidle', timeout: 180_000 })
    await page.locator('#field-title').fill(title)
    await chooseOption(page, 'type', 'fashion show')
    await chooseOption(page, 'status', 'published')
    // Times typed first (the zone is still UTC), then the zone: the wall times stay.
    await page.locator('#field-startDate input').fill('2030-03-30T19:00')
    await page.locator('#field-endDate input').fill('2030-03-31T19:00')
    await page.locator('#field-timeZone').fill('Europe/Paris')
    await expect
      .poll(() => page.locator('#field-startDate .event-local-date__zone').innerText(), { timeout: 30_000 })
      .toBe('Europe/Paris (CET, UTC+01:00)')
    await eventually(() => page.locator('#field-endDate .event-local-date__zone').innerText()).toBe('Europe/Paris (CEST, UTC+02:00)')
    await eventually(() => page.locator('#field-startDate input').inputValue()).toBe('2030-03-30T19:00')
    await page.locator('#action-save').click()
    try {
      // A saved new document moves from /create to its own id.
      await page.waitForURL(/\/admin\/collections\/events\/[0-9a-f-]{36}$/, { timeout: 60_000 })
    } catch (err) {
      await page.screenshot({ path: 'test-results/e2e-event-save-failed.png', fullPage: true })
      throw err
    }
    await page.screenshot({ path: 'test-results/e2e-event-saved.png', fullPage: true })

    const res = await fetch(`${baseUrl}/api/events?where[title][equals]=${encodeURIComponent(title)}&depth=0`)
    expect(res.status).toBe(200)
    const body = (await res.json()) as {
      docs: Array<{ id: string; title: string; status: string; slug: string; startDate: string; endDate: string; timeZone: string }>
    }
    expect(body.docs).toHaveLength(1)
    expect(body.docs[0]).toMatchObject({
      title,
      status: 'published',
      timeZone: 'Europe/Paris',
      startDate: '2030-03-30T18:00:00.000Z',
      endDate: '2030-03-31T17:00:00.000Z',
    })
    expect(body.docs[0].slug).toMatch(/^e2e-runway-/)

    // Opened again, still in Sydney, the fields read 19:00; the storefront says 19:00 in Paris.
    await page.goto(`${baseUrl}/admin/collections/events/${body.docs[0].id}`, { waitUntil: 'networkidle', timeout: 180_000 })
    await page.locator('#field-startDate input').waitFor({ timeout: 60_000 })
    await expect.poll(() => page.locator('#field-startDate input').inputValue(), { timeout: 30_000 }).toBe('2030-03-30T19:00')
    await expect.poll(() => page.locator('#field-endDate input').inputValue(), { timeout: 30_000 }).toBe('2030-03-31T19:00')
    await context.close()
    const html = await (await fetch(`${baseUrl}/events/${body.docs[0].slug}`)).text()
    expect(html).toContain('19:00')
    expect(html).toContain('Europe/Paris')
  })

  it('shows a JSON field’s editor loaded from the app, never from a CDN', async () => {
    const pages = (await (await fetch(`${baseUrl}/api/pages?where[slug][equals]=sponsors&depth=0`)).json()) as {
      docs: Array<{ id: string }>
    }
    const context = await browser.newContext()
    const page = await context.newPage()
    const external: string[] = []
    const local: string[] = []
    // Anything leaving the machine is refused, as it would be without internet.
    await page.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, (route) => {
      external.push(route.request().url())
      return route.abort()
    })
    page.on('response', (r) => r.url().includes('/monaco/vs/') && r.status() === 200 && local.push(r.url()))
    await logIn(page, DEFAULT_ADMIN.email, DEFAULT_ADMIN.password)
    await page.waitForURL(`${baseUrl}/admin`, { timeout: 120_000 })
    await page.goto(`${baseUrl}/admin/collections/pages/${pages.docs[0].id}`, { waitUntil: 'networkidle', timeout: 180_000 })
    await page.locator('#field-structuredData .monaco-editor').waitFor({ timeout: 120_000 })
    await page.screenshot({ path: 'test-results/e2e-json-field.png', fullPage: false })
    await context.close()
    expect(external).toEqual([])
    expect(local.some((u) => u.endsWith('/monaco/vs/loader.js'))).toBe(true)
  })

  it("shows live ticket availability on an event's edit view", async () => {
    const list = (await (await fetch(`${baseUrl}/api/events?where[slug][equals]=paris-runway-night&depth=0`)).json()) as {
      docs: Array<{ id: string }>
    }
    const context = await browser.newContext()
    const page = await context.newPage()
    await logIn(page, DEFAULT_ADMIN.email, DEFAULT_ADMIN.password)
    await page.waitForURL(`${baseUrl}/admin`, { timeout: 120_000 })
    await page.goto(`${baseUrl}/admin/collections/events/${list.docs[0].id}`, { waitUntil: 'networkidle', timeout: 180_000 })
    const table = page.locator('.event-availability table')
    await table.waitFor({ timeout: 60_000 })
    const text = await table.innerText()
    expect(text).toMatch(/Front row/)
    expect(text).toMatch(/General admission/)
    await page.screenshot({ path: 'test-results/e2e-event-availability.png', fullPage: false })
    await context.close()
  })

  it('draws the seat map of the seated runway show in status colours, and blocking a seat recolours it and changes the public map', async () => {
    const list = (await (await fetch(`${baseUrl}/api/events?where[slug][equals]=paris-runway-night&depth=0`)).json()) as {
      docs: Array<{ id: string }>
    }
    const eventId = list.docs[0].id
    type PublicSeat = { id: string; label: string; status: string }
    const publicSeats = async () =>
      ((await (await fetch(`${baseUrl}/api/events/${eventId}/seats`)).json()) as { seats: PublicSeat[] }).seats
    const before = await publicSeats()
    const count = (status: string) => before.filter((s) => s.status === status).length
    const context = await browser.newContext({ viewport: { width: 1440, height: 1200 } })
    const page = await context.newPage()
    await logIn(page, DEFAULT_ADMIN.email, DEFAULT_ADMIN.password)
    await page.waitForURL(`${baseUrl}/admin`, { timeout: 120_000 })
    await page.goto(`${baseUrl}/admin/collections/events/${eventId}`, { waitUntil: 'networkidle', timeout: 180_000 })
    const map = page.locator('[data-testid="seat-map"]')
    await map.locator('circle[data-id]').first().waitFor({ timeout: 60_000 })
    await eventually(() => map.locator('circle[data-id]').count()).toBe(before.length)
    // The seed's front row is sold out and has blocked seats; runway-side seats are free.
    expect(count('sold')).toBeGreaterThan(30)
    expect(count('blocked')).toBeGreaterThan(2)
    for (const [status, colour] of [
      ['sold', '#c0392b'],
      ['blocked', '#7f8c8d'],
      ['available', '#2e9e5b'],
    ]) {
      const seat = before.find((s) => s.status === status)!
      await eventually(() => map.locator(`circle[data-id="${seat.id}"]`).getAttribute('fill')).toBe(colour)
      await eventually(() => map.locator(`[data-testid="seat-legend"] [data-status="${status}"]`).getAttribute('data-count')).toBe(
        String(count(status)),
      )
    }
    const free = before.find((s) => s.status === 'available')!
    await map.locator(`circle[data-id="${free.id}"]`).click()
    await map.getByRole('button', { name: 'Block selected', exact: true }).click()
    await expect.poll(async () => map.locator(`circle[data-id="${free.id}"]`).getAttribute('fill'), { timeout: 30_000 }).toBe('#7f8c8d')
    await map.screenshot({ path: 'test-results/e2e-seat-map.png' })
    expect((await publicSeats()).find((s) => s.id === free.id)!.status).toBe('blocked')
    // And back.
    await map.locator(`circle[data-id="${free.id}"]`).click()
    await map.getByRole('button', { name: 'Unblock selected', exact: true }).click()
    await expect.poll(async () => map.locator(`circle[data-id="${free.id}"]`).getAttribute('fill'), { timeout: 30_000 }).toBe('#2e9e5b')
    expect((await publicSeats()).find((s) => s.id === free.id)!.status).toBe('available')
    await context.close()
  })

  it('shows an unsaved change to the homepage’s hero title in live preview, and not on the public site', async () => {
    const home = (await (await fetch(`${baseUrl}/api/pages?where[isHomepage][equals]=true&depth=0`)).json()) as {
      docs: Array<{ id: string }>
    }
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } })
    const page = await context.newPage()
    await logIn(page, DEFAULT_ADMIN.email, DEFAULT_ADMIN.password)
    await page.waitForURL(`${baseUrl}/admin`, { timeout: 120_000 })
    await page.goto(`${baseUrl}/admin/collections/pages/${home.docs[0].id}`, { waitUntil: 'networkidle', timeout: 180_000 })
    await page.locator('#live-preview-toggler').click({ timeout: 60_000 })
    const frame = page.frameLocator('iframe')
    await frame.locator('h1').first().waitFor({ timeout: 180_000 })
    const title = `Live preview ${Date.now()}`
    await page.locator('input[name="layout.0.heading"]').fill(title)
    // Pages autosave as drafts; the storefront in the frame re-renders the draft on each save.
    await expect.poll(async () => frame.locator('h1').first().innerText(), { timeout: 90_000 }).toBe(title)
    await page.screenshot({ path: 'test-results/e2e-live-preview.png' })
    expect(await (await fetch(`${baseUrl}/`)).text()).not.toContain(title)
    // Drafts only for signed-in editors: an anonymous preview request is refused.
    expect((await fetch(`${baseUrl}/preview?path=/`, { redirect: 'manual' })).status).toBe(403)
    await context.close()
  })

  it('shows the run of show of a runway show and reorders its appearances', async () => {
    const upcoming = (await (await fetch(`${baseUrl}/api/runway-shows/upcoming?limit=1`)).json()) as { shows: Array<{ id: string }> }
    const context = await browser.newContext()
    const page = await context.newPage()
    await logIn(page, DEFAULT_ADMIN.email, DEFAULT_ADMIN.password)
    await page.waitForURL(`${baseUrl}/admin`, { timeout: 120_000 })
    // Ready when the run of show has drawn its rows (the first visit compiles the route in dev mode).
    await page.goto(`${baseUrl}/admin/collections/runway-shows/${upcoming.shows[0].id}`, {
      waitUntil: 'domcontentloaded',
      timeout: 180_000,
    })
    const firstSegment = page.locator('.run-of-show section').first()
    const rows = firstSegment.locator('.run-of-show__appearance')
    await rows.first().waitFor({ timeout: 240_000 })
    const before = await rows.allInnerTexts()
    expect(before.length).toBeGreaterThan(1)
    await rows.first().getByRole('button', { name: 'Move down' }).click()
    await expect.poll(async () => (await rows.allInnerTexts())[0], { timeout: 30_000 }).toBe(before[1])
    await page.locator('.run-of-show').screenshot({ path: 'test-results/e2e-run-of-show.png' })
    await context.close()
  })

  it('draws the analytics dashboard for the marketing team from the reports, with real charts', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1400 } })
    const page = await context.newPage()
    await logIn(page, 'marketing@fashionistas.local', DEMO_PASSWORD)
    await page.waitForURL(`${baseUrl}/admin`, { timeout: 120_000 })
    // The navigation links to the dashboard.
    await page.locator('#nav-analytics').waitFor({ state: 'attached', timeout: 60_000 })
    await eventually(() => page.locator('#nav-analytics').getAttribute('href')).toBe('/admin/analytics')
    await page.goto(`${baseUrl}/admin/analytics`, { waitUntil: 'networkidle', timeout: 180_000 })
    const charts = ['ticket-sales', 'capacity', 'campaign-roi', 'email-funnel', 'sponsor-impressions']
    for (const chart of charts) {
      // Each panel draws an SVG chart with marks (lines, bars, areas), not the "no data" note.
      await page.locator(`[data-chart="${chart}"] svg.recharts-surface`).first().waitFor({ timeout: 90_000 })
      const marks = await page
        .locator(
          `[data-chart="${chart}"] .recharts-line-curve, [data-chart="${chart}"] .recharts-bar-rectangle, [data-chart="${chart}"] .recharts-area-area`,
        )
        .count()
      expect(marks, chart).toBeGreaterThan(0)
    }
    await eventually(() => page.locator('.analytics-dashboard').innerText()).toMatch(/\d+ orders · \d+ tickets/)
    const shot = await page.screenshot({ path: 'test-results/e2e-analytics.png', fullPage: true })
    // The picture is not blank: its colours vary, and the chart colours are in it.
    const { channels } = await sharp(shot).stats()
    expect(Math.max(...channels.map((c) => c.stdev))).toBeGreaterThan(20)
    const { data, info } = await sharp(shot).raw().toBuffer({ resolveWithObject: true })
    let magenta = 0
    for (let i = 0; i < data.length; i += info.channels)
      if (Math.abs(data[i] - 0xc2) < 12 && Math.abs(data[i + 1] - 0x18) < 12 && Math.abs(data[i + 2] - 0x5b) < 12) magenta++
    expect(magenta).toBeGreaterThan(200)
    await context.close()
  })

  it('keeps the analytics from roles without reports:read', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await logIn(page, 'staff@fashionistas.local', DEMO_PASSWORD)
    await page.waitForURL(`${baseUrl}/admin`, { timeout: 120_000 })
    await page.goto(`${baseUrl}/admin/analytics`, { waitUntil: 'networkidle', timeout: 120_000 })
    await eventually(() => page.locator('body').innerText()).toMatch(/for administrators and the marketing team/)
    await eventually(() => page.locator('svg.recharts-surface').count()).toBe(0)
    await context.close()
  })

  it('asks an editor with two-factor on for the code, and lets them in with it', async () => {
    const post = async (path: string, body: unknown, token?: string) =>
      fetch(`${baseUrl}/api${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `JWT ${token}` } : {}) },
        body: JSON.stringify(body),
      })
    const token = (
      (await (await post('/users/login', { email: 'editor@fashionistas.local', password: DEMO_PASSWORD })).json()) as { token: string }
    ).token
    const { secret } = (await (await post('/two-factor/setup', {}, token)).json()) as { secret: string }
    expect((await post('/two-factor/enable', { code: totpAt(secret, Date.now()) }, token)).status).toBe(200)

    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(`${baseUrl}/admin/login`, { waitUntil: 'networkidle', timeout: 180_000 })
    await page.locator('#field-email').fill('editor@fashionistas.local')
    await page.locator('#field-password').fill(DEMO_PASSWORD)
    await page.locator('#field-totp').fill(totpAt(secret, Date.now()))
    await page.locator('button[type="submit"]').click()
    await page.waitForURL(`${baseUrl}/admin`, { timeout: 120_000 })
    await page.screenshot({ path: 'test-results/e2e-two-factor.png' })
    await context.close()
  })

  it('refuses an attendee at the admin UI', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await logIn(page, 'attendee@fashionistas.local', DEMO_PASSWORD)
    // The credentials are right (the login succeeds), but the admin UI turns the attendee away.
    await page.waitForURL(/\/admin\/unauthorized/, { timeout: 120_000 })
    await page.waitForLoadState('networkidle')
    await page.screenshot({ path: 'test-results/e2e-attendee-refused.png', fullPage: true })
    await eventually(() => page.locator('body').innerText()).toMatch(/unauthorized|not allowed/i)
    await page.goto(`${baseUrl}/admin/collections/events`, { waitUntil: 'networkidle', timeout: 120_000 })
    expect(page.url()).not.toMatch(/\/admin\/collections\/events$/)
    await eventually(() => page.locator('.collection-list').count()).toBe(0)
    await context.close()
  })

  it('serves published events to anonymous REST and GraphQL clients, never drafts', async () => {
    const rest = (await (await fetch(`${baseUrl}/api/events?limit=100&depth=0`)).json()) as { docs: Array<{ status: string }> }
    expect(rest.docs.length).toBeGreaterThan(0)
    expect(new Set(rest.docs.map((d) => d.status))).toEqual(new Set(['published']))
    const gql = await fetch(`${baseUrl}/api/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ Events(limit: 100) { docs { title status } } }' }),
    })
    const data = (await gql.json()) as { data: { Events: { docs: Array<{ status: string }> } } }
    expect(data.data.Events.docs.every((d) => d.status === 'published')).toBe(true)
  })
})
