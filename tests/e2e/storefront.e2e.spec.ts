/**
 * The public side in Chromium on the demo database: a visitor opens the homepage, follows an
 * event, sees its dates in the event's zone, buys a paid ticket in local demo mode (holds API,
 * countdown, billing, the local Stripe fake) and gets the ticket code; the confirmation e-mail's
 * order is the one the page shows. Also the calendar file, the sitemap and robots.txt.
 */
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { readOutbox } from '../../src/email/outboxAdapter'
import { DEFAULT_ADMIN } from '../../src/seed/constants'
import { eventually } from '../helpers/eventually'
import { seriousViolations } from '../helpers/axe'
import { launchBrowser } from '../helpers/browser'

let browser: Browser
let close: () => Promise<void>
const baseUrl = inject('baseUrl')
const outboxDir = inject('outboxDir')

/** Waits for the e-mail to `to` whose subject matches, in the platform's local outbox. */
async function mailTo(to: string, subject: RegExp) {
  for (let i = 0; i < 120; i++) {
    const found = readOutbox(outboxDir).find((m) => m.to === to && subject.test(m.subject ?? ''))
    if (found) return found as { subject: string; text: string; html: string }
    await new Promise((r) => setTimeout(r, 1000))
  }
  throw new Error(`no e-mail to ${to} matching ${subject} within 2 minutes`)
}

beforeAll(async () => {
  ;({ browser, close } = await launchBrowser())
})
afterAll(async () => close?.())

describe('storefront', () => {
  it('takes a visitor from the homepage to a paid ticket in demo mode, the e-mail, a confirmed account and My tickets', async () => {
    const email = `vera.${Date.now()}@example.com`
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } })
    const page = await context.newPage()
    await page.goto(`${baseUrl}/`, { waitUntil: 'networkidle', timeout: 180_000 })
    // The first visit compiles the storefront's routes in dev mode: allow for it.
    await page.locator('h1').first().waitFor({ timeout: 180_000 })
    await eventually(() => page.locator('h1').first().innerText(), 60_000).toMatch(/\S/)
    expect(await seriousViolations(page)).toEqual([])
    await page.locator('a[href="/events/paris-runway-night"]').first().click({ timeout: 120_000 })
    await page.waitForURL(/\/events\/paris-runway-night$/, { timeout: 120_000 })
    await page.locator('[data-testid="event-when"]').waitFor({ timeout: 180_000 })
    await eventually(() => page.locator('[data-testid="event-when"]').innerText(), 60_000).toMatch(
      /19:00–23:00 Central European .*Time \(Europe\/Paris\)/,
    )
    expect(await seriousViolations(page)).toEqual([])
    await page.getByLabel('Number of General admission tickets').fill('2')
    await page.getByRole('button', { name: 'Get tickets' }).click()
    await eventually(() => page.locator('[data-testid="hold-countdown"]').innerText(), 60_000).toMatch(/Held for you for 1?\d:\d\d/)
    expect(await seriousViolations(page)).toEqual([])
    const checkout = page.getByRole('form', { name: 'Checkout' })
    await checkout.locator('input[name="name"]').fill('Vera Visitor')
    await checkout.locator('input[name="email"]').fill(email)
    await page.getByRole('button', { name: 'Continue to payment' }).click()
    await page.getByRole('button', { name: 'Pay (demo)' }).click({ timeout: 60_000 })
    const codes = page.locator('[data-testid="ticket-code"]')
    await codes.first().waitFor({ timeout: 60_000 })
    await eventually(() => codes.count()).toBe(2)
    await page.screenshot({ path: 'test-results/e2e-storefront-confirmation.png', fullPage: true })

    // The confirmation e-mail arrives (read from the local outbox) with the same codes.
    const shown = (await codes.allInnerTexts()).map((c) => c.trim())
    const confirmation = await mailTo(email, /^Your tickets for Paris Runway Night/)
    for (const c of shown) expect(confirmation.text).toContain(c)

    // The visitor signs up with that address, confirms it from the e-mail, signs in: My tickets has them.
    await page.goto(`${baseUrl}/account/signup`, { waitUntil: 'networkidle', timeout: 180_000 })
    const signup = page.getByRole('form', { name: 'Sign up' })
    await signup.locator('input[name="fullName"]').fill('Vera Visitor')
    await signup.locator('input[name="email"]').fill(email)
    await signup.locator('input[name="password"]').fill('Correct-Horse-9')
    await signup.getByRole('button', { name: 'Create my account' }).click()
    await page.getByRole('status').waitFor({ timeout: 60_000 })
    const verify = await mailTo(email, /^Confirm your e-mail/)
    const link = new URL(/https?:\/\/\S+/.exec(verify.text)![0])
    await page.goto(`${baseUrl}${link.pathname}${link.search}`, { waitUntil: 'networkidle', timeout: 120_000 })
    await eventually(() => page.locator('h1').first().innerText(), 60_000).toBe('Your e-mail is confirmed')
    await page.goto(`${baseUrl}/account/login`, { waitUntil: 'networkidle', timeout: 120_000 })
    const login = page.getByRole('form', { name: 'Sign in' })
    await login.locator('input[name="email"]').fill(email)
    await login.locator('input[name="password"]').fill('Correct-Horse-9')
    await login.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL(/\/account$/, { timeout: 120_000 })
    await page.locator('[data-testid="my-ticket"]').first().waitFor({ timeout: 120_000 })
    await eventually(async () =>
      (await page.locator('[data-testid="my-ticket"] code').allInnerTexts()).map((c) => c.trim()).sort(),
    ).toEqual([...shown].sort())
    await context.close()
  })

  it('lets a visitor join a sold-out ticket type’s waitlist, and pay a hold from an e-mail link at /checkout', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(`${baseUrl}/events/paris-runway-night`, { waitUntil: 'networkidle', timeout: 180_000 })
    const form = page.getByRole('form', { name: 'Join the waitlist' })
    await form.waitFor({ timeout: 120_000 })
    await form.locator('select[name="ticketType"]').selectOption({ label: 'Front row' })
    await form.locator('input[name="name"]').fill('Wanda Waiter')
    await form.locator('input[name="email"]').fill(`wanda.${Date.now()}@example.com`)
    await form.getByRole('button', { name: 'Join the waitlist' }).click()
    // Double opt-in: the place in line is taken from the e-mailed link.
    await eventually(() => page.getByRole('status').innerText(), 60_000).toMatch(/open the link we just e-mailed you/)

    // A hold made elsewhere (as a waitlist offer is), opened from its link.
    const events = (await (await fetch(`${baseUrl}/api/events?where[slug][equals]=paris-runway-night&depth=0`)).json()) as {
      docs: Array<{ id: string }>
    }
    const availability = (await (await fetch(`${baseUrl}/api/events/${events.docs[0].id}/availability`)).json()) as {
      ticketTypes: Array<{ id: string; name: string }>
    }
    const runway = availability.ticketTypes.find((t) => t.name === 'Runway side')!
    const hold = (await (
      await fetch(`${baseUrl}/api/checkout/holds`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ items: [{ ticketType: runway.id, quantity: 2, together: true }] }),
      })
    ).json()) as { id: string; token: string }
    await page.goto(`${baseUrl}/checkout?hold=${hold.id}&token=${encodeURIComponent(hold.token)}`, {
      waitUntil: 'networkidle',
      timeout: 180_000,
    })
    await page.locator('[data-testid="hold-countdown"]').waitFor({ timeout: 120_000 })
    const checkout = page.getByRole('form', { name: 'Checkout' })
    await checkout.locator('input[name="name"]').fill('Wanda Waiter')
    await checkout.locator('input[name="email"]').fill('wanda@example.com')
    await page.getByRole('button', { name: 'Continue to payment' }).click()
    await page.getByRole('button', { name: 'Pay (demo)' }).click({ timeout: 60_000 })
    const seats = page.locator('[data-testid="confirmation"] li')
    await seats.first().waitFor({ timeout: 60_000 })
    await eventually(() => seats.allInnerTexts()).toEqual([
      expect.stringMatching(/Runway side · Runway Side, row [A-C], seat \d+/),
      expect.stringMatching(/Runway Side, row/),
    ])
    expect((await fetch(`${baseUrl}/checkout?hold=${hold.id}&token=wrong-token-wrong-token`)).status).toBe(200)
    await context.close()
  })

  it('shows a signed-in attendee their tickets with QR codes, and the door checks one in', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(`${baseUrl}/account`, { waitUntil: 'networkidle', timeout: 180_000 })
    await page.waitForURL(/\/account\/login$/, { timeout: 120_000 })
    const form = page.getByRole('form', { name: 'Sign in' })
    await form.locator('input[name="email"]').fill('attendee@fashionistas.local')
    await form.locator('input[name="password"]').fill('fashionistas-demo')
    await form.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL(/\/account$/, { timeout: 120_000 })
    const tickets = page.locator('[data-testid="my-ticket"]')
    await tickets.first().waitFor({ timeout: 120_000 })
    await eventually(() => tickets.count()).toBeGreaterThan(0)
    await eventually(() => tickets.first().locator('svg').count()).toBe(1)
    expect(await seriousViolations(page)).toEqual([])
    const code = (await tickets.first().locator('code').innerText()).trim()
    expect(code).toMatch(/^FSH-/)
    await page.screenshot({ path: 'test-results/e2e-my-tickets.png', fullPage: true })
    // The ticket page the door scans: its QR code and no personal data.
    await page.goto(`${baseUrl}/tickets/${code}`, { waitUntil: 'networkidle', timeout: 120_000 })
    await eventually(() => page.locator('[role="img"] svg').count()).toBe(1)
    expect(await page.content()).not.toContain('attendee@fashionistas.local')
    // The door (an admin here) checks that code in at its event.
    const slug = (await (
      await fetch(`${baseUrl}/api/tickets?where[code][equals]=${code}&depth=1`, {
        headers: { cookie: (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ') },
      })
    ).json()) as {
      docs: Array<{ event: { id: string } }>
    }
    const login = (await (
      await fetch(`${baseUrl}/api/users/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: DEFAULT_ADMIN.email, password: DEFAULT_ADMIN.password }),
      })
    ).json()) as { token?: string }
    expect(login.token).toBeTruthy()
    const checkIn = await fetch(`${baseUrl}/api/tickets/check-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `JWT ${login.token}` },
      body: JSON.stringify({ code, event: slug.docs[0].event.id }),
    })
    expect(checkIn.status).toBe(200)
    await context.close()
  })

  it('serves the event’s calendar file in its zone, the sitemap and robots.txt', async () => {
    const ics = await (await fetch(`${baseUrl}/events/paris-runway-night/calendar.ics`)).text()
    expect(ics).toMatch(/DTSTART;TZID=Europe\/Paris:\d{8}T190000/)
    expect(ics).toContain('BEGIN:VTIMEZONE')
    const sitemap = await (await fetch(`${baseUrl}/sitemap.xml`)).text()
    expect(sitemap).toContain('/events/paris-runway-night</loc>')
    const robots = await (await fetch(`${baseUrl}/robots.txt`)).text()
    expect(robots).toMatch(/Disallow: \/admin/)
    expect((await fetch(`${baseUrl}/no-such-page`)).status).toBe(404)
  })

  it('keeps a members-only page from anonymous visitors (saying so) and shows it to a signed-in one', async () => {
    const login = await fetch(`${baseUrl}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: DEFAULT_ADMIN.email, password: DEFAULT_ADMIN.password }),
    })
    const { token } = (await login.json()) as { token: string }
    const slug = `members-${Date.now()}`
    const secret = `Backstage door code ${Date.now()}`
    const made = await fetch(`${baseUrl}/api/pages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
      body: JSON.stringify({
        title: secret,
        slug,
        _status: 'published',
        requiresAuth: true,
        layout: [{ blockType: 'hero', heading: secret }],
      }),
    })
    expect(made.status).toBe(201)
    const anonymous = await fetch(`${baseUrl}/${slug}`)
    const html = await anonymous.text()
    expect(html).toContain('Members only')
    expect(html).not.toContain(secret)
    const signedIn = await (await fetch(`${baseUrl}/${slug}`, { headers: { authorization: `JWT ${token}` } })).text()
    expect(signedIn).toContain(secret)
  })
})
