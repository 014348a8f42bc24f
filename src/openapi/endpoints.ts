/**
 * The custom endpoints as the OpenAPI document describes them, keyed by "METHOD /api/path".
 * Request schemas are the zod schemas the handlers validate with (the one source); the
 * generator fails its test for any custom endpoint missing here.
 */
import { z } from 'zod'

import { createHoldSchema } from '../endpoints/checkout/holds/schema'
import { blockSeatsSchema } from '../endpoints/events/seats/handler'
import { generateSeatsSchema } from '../endpoints/venues/generate-seats/handler'
import { confirmEmailChangeSchema } from '../endpoints/account/confirm-email-change/schema'
import { guestRequestSchema } from '../endpoints/account/guest-data/schema'
import { confirmWaitlistSchema, joinWaitlistSchema } from '../endpoints/events/waitlist/schema'
import { demoPaySchema } from '../endpoints/checkout/buyer/handler'
import { verifyEmailSchema } from '../endpoints/account/verify-email/handler'
import { createOrderSchema } from '../endpoints/checkout/orders/schema'
import { trackSchema } from '../endpoints/fashion/designers/schema'
import { limitSchema, reorderSchema } from '../endpoints/fashion/runway/schema'
import { trackBody } from '../endpoints/marketing/track/schema'
import { collectionListingQuery } from '../endpoints/site/collections/schema'
import { designerListingQuery } from '../endpoints/site/designers/schema'
import { listingQuery } from '../endpoints/site/events/schema'
import { searchQuery } from '../endpoints/search/handler'
import { refundSchema } from '../endpoints/orders/refund/schema'
import { checkInSchema } from '../endpoints/tickets/check-in/schema'
import { codeSchema } from '../endpoints/two-factor/schema'
import { eraseSchema } from '../plugins/privacy'

export type EndpointDoc = {
  summary: string
  tags: string[]
  body?: z.ZodType
  query?: z.ZodObject
  /** Who may call it, in words (the security requirement is listed on every operation). */
  auth?: 'none' | 'optional' | 'required'
  responses?: Record<string, string>
  rawBody?: boolean
}

const range = z.object({ from: z.string().optional(), to: z.string().optional() })

export const ENDPOINT_DOCS: Record<string, EndpointDoc> = {
  'GET /api/site/designers': {
    summary:
      'Active designers as cards for a site (featured, verified, specialty, country, free text), by name, a page at a time (pass nextCursor back as cursor; count=true adds the total). ETag/304, s-maxage 60 s.',
    tags: ['Site'],
    query: designerListingQuery,
    auth: 'none',
    responses: { '200': 'A page of designer cards and the next cursor', '304': 'Not modified (If-None-Match)' },
  },
  'GET /api/site/collections': {
    summary:
      'Published collections of active designers as cards for a site (designer slug, season, year, featured, free text), by name, a page at a time (pass nextCursor back as cursor; count=true adds the total). ETag/304, s-maxage 60 s.',
    tags: ['Site'],
    query: collectionListingQuery,
    auth: 'none',
    responses: { '200': 'A page of collection cards and the next cursor', '304': 'Not modified (If-None-Match)' },
  },
  'GET /api/site/pages/{slug}': {
    summary:
      "A published page with its blocks (`_home`: the homepage). Members-only pages need a signed-in caller. Anonymous answers: ETag/304 and s-maxage from the page's cacheTtl; signed-in callers: private, no-cache.",
    tags: ['Site'],
    auth: 'optional',
    responses: { '200': 'The page', '304': 'Not modified (If-None-Match)', '404': 'No such published page (or members-only)' },
  },
  'GET /api/site/events/{slug}': {
    summary:
      "A published event's page in one request: event, venue, schedule, ticket types with live availability, approved sponsors. ETag/304; shared caches revalidate every time.",
    tags: ['Site'],
    auth: 'none',
    responses: { '200': 'The event page', '304': 'Not modified (If-None-Match)', '404': 'No such published event' },
  },
  'GET /api/site/events': {
    summary:
      'Published events as cards for a site: upcoming (or from/to), filtered by category, type, city, venue, featured or free text, by start date, a page at a time (pass nextCursor back as cursor; count=true adds the total). Cacheable: ETag, 304, s-maxage 30 s.',
    tags: ['Site'],
    query: listingQuery,
    auth: 'none',
    responses: { '200': 'A page of event cards and the next cursor', '304': 'Not modified (If-None-Match)' },
  },
  'GET /api/search': {
    summary:
      'Ranked full-text search across events (with their descriptions), designers, collections, models, sponsors, venues and pages (only what the caller may read).',
    tags: ['Search'],
    query: searchQuery,
    auth: 'optional',
  },
  'GET /api/events/{id}/availability': {
    summary: "An event's ticket types with capacity, sold, held and available.",
    tags: ['Ticketing'],
    auth: 'optional',
  },
  'GET /api/events/{id}/seats': {
    summary:
      "The event's seat map (reserved seating): sections with their ticket type, price and shape; seats with row, number, label, position, status (available, held, sold, blocked) and accessibility. No buyer data. ETag of the answer; caches revalidate every time.",
    tags: ['Ticketing'],
    auth: 'optional',
    responses: { '200': 'The seat map', '304': 'Not modified (If-None-Match)', '404': 'No such event' },
  },
  'GET /api/events/{id}/seats/holders': {
    summary: 'Who holds or bought each seat of the event (order, name, e-mail, ticket code): its organizer and orders:read only.',
    tags: ['Ticketing'],
    auth: 'required',
  },
  'POST /api/events/{id}/seats/block': {
    summary:
      'Block (blocked: true) free seats of the event, for press or guests, or unblock blocked ones; the seated ticket types’ capacities follow. Answers the seats changed and the others with their status.',
    tags: ['Ticketing'],
    body: blockSeatsSchema,
    auth: 'required',
  },
  'GET /api/checkout/orders/{id}': {
    summary:
      "The buyer's order with the hold token it was made from (x-hold-token): status, total and tickets with their codes and seats. No account needed.",
    tags: ['Ticketing'],
    auth: 'none',
  },
  'POST /api/checkout/orders/{id}/demo-pay': {
    summary:
      'Local demo mode only (no STRIPE_SECRET_KEY): pay the order with a test card at the local Stripe fake, which sends the signed webhook that completes it. 404 demo_payments_off in production.',
    tags: ['Ticketing'],
    body: demoPaySchema,
    auth: 'none',
  },
  'GET /api/health': { summary: 'The process is alive (asks no dependency). For liveness probes.', tags: ['Operations'], auth: 'none' },
  'GET /api/ready': {
    summary:
      'Whether this instance can serve: the database answers, every committed migration is applied, Redis answers when REDIS_URL is set. 200 or 503 (with Retry-After) naming each check.',
    tags: ['Operations'],
    auth: 'none',
    responses: { '200': 'Ready', '503': 'Not ready: the failing checks are named' },
  },
  'GET /api/metrics': {
    summary:
      'Prometheus metrics of this instance (requests and durations by route and status, holds granted and refused, the database pool) and, read from the database, orders by status, job queue depth and age, webhook backlog. Send Authorization: Bearer METRICS_TOKEN; 404 when METRICS_TOKEN is unset.',
    tags: ['Operations'],
    auth: 'none',
    responses: { '200': 'Prometheus text format', '401': 'Wrong or missing metrics token', '404': 'Metrics are off (no METRICS_TOKEN)' },
  },
  'POST /api/account/verify-email': {
    summary:
      'Confirm a sign-up’s e-mail address with the token from its confirmation e-mail (once, within EMAIL_VERIFICATION_HOURS); a pending account becomes active.',
    tags: ['Account'],
    body: verifyEmailSchema,
    auth: 'none',
    responses: { '200': 'Verified', '422': 'invalid_token: used, unknown or too old' },
  },
  'POST /api/account/confirm-email-change': {
    summary:
      'Confirm a change of e-mail address with the token sent to the new address (once, within EMAIL_VERIFICATION_HOURS): the account takes the new address, verified. Until then it keeps the old one, which was told of the request.',
    tags: ['Account'],
    body: confirmEmailChangeSchema,
    auth: 'none',
    responses: { '200': 'Changed: { changed, email }', '409': 'email_taken: another account uses the address now', '422': 'invalid_token' },
  },
  'POST /api/privacy/guest-request': {
    summary:
      'A guest (no account, or none that proved the address) asks for the data held about their e-mail: a link to it is e-mailed to that address when anything is held (GUEST_DATA_LINK_HOURS, 24). Always 202: nobody learns whether an address bought. Limited per address (GUEST_DATA_RATE_PER_MINUTE).',
    tags: ['Account'],
    body: guestRequestSchema,
    auth: 'none',
    responses: { '202': 'Accepted' },
  },
  'GET /api/privacy/guest-export': {
    summary:
      'The e-mailed link of a guest data request (?token=): orders, tickets and waitlist entries held for that address, decrypted, as JSON.',
    tags: ['Account'],
    auth: 'none',
    responses: { '200': 'The export', '422': 'invalid_token: unknown or too old' },
  },
  'POST /api/events/{id}/waitlist': {
    summary:
      'Ask to join the waitlist of a ticket type sold out for the quantity asked (anonymous or signed in): answers the entry id, status unconfirmed and a token (x-waitlist-token) to check or leave. A confirmation link goes to the e-mail; only a confirmed entry stands in line (double opt-in, WAITLIST_CONFIRM_HOURS, 48). One active entry per e-mail and ticket type; limited per address (WAITLIST_RATE_PER_MINUTE) and per e-mail (WAITLIST_EMAIL_RATE_PER_MINUTE). Freed tickets are offered in line order to each person whose quantity fits (someone wanting more keeps their place) as a hold kept for the person (WAITLIST_OFFER_HOURS, 24) with an e-mail link to checkout; a waitlist keeps from public sale only what it can offer.',
    tags: ['Ticketing'],
    body: joinWaitlistSchema,
    auth: 'optional',
    responses: {
      '201': 'Asked: { id, status: "unconfirmed", position: null, token }',
      '429': 'Too many joins from this address or for this e-mail (rate_limited)',
      '409':
        'Already waiting (already_waiting), tickets on sale now (tickets_available), or the waitlist is paused or closed (waitlist_closed)',
      '404': 'No such ticket type on this event',
    },
  },
  'POST /api/events/{id}/waitlist/{entry}/confirm': {
    summary:
      'Confirm a waitlist entry with the token from its e-mail (once, within WAITLIST_CONFIRM_HOURS): it takes its place at the end of the line.',
    tags: ['Ticketing'],
    body: confirmWaitlistSchema,
    auth: 'none',
    responses: { '200': 'In line: { id, status: "waiting", quantity, position }', '422': 'invalid_token: used, unknown or too old' },
  },
  'GET /api/events/{id}/waitlist/{entry}': {
    summary: 'Where one stands in line (status, position, offer expiry), with the token from joining in x-waitlist-token.',
    tags: ['Ticketing'],
    auth: 'none',
  },
  'DELETE /api/events/{id}/waitlist/{entry}': {
    summary: 'Leave the line (x-waitlist-token); an offer not yet paid for passes to the next person.',
    tags: ['Ticketing'],
    auth: 'none',
  },
  'POST /api/venue-sections/{id}/generate-seats': {
    summary:
      "Generate a section's seats by rows and numbers (rows lettered from firstRow, seats numbered from firstNumber, laid out from origin with seatSpacing and rowSpacing); existing seats are kept. The venue's manager.",
    tags: ['Venues'],
    body: generateSeatsSchema,
    auth: 'required',
  },
  'POST /api/checkout/holds': {
    summary:
      'Hold tickets for the checkout window; answers the hold id and its secret token. Per line: { ticketType, quantity } (general admission, or best available seats of a seated type; together: true for adjacent seats in one row), or { ticketType, seats: [seat ids] }. All lines or none; the seats held are named.',
    tags: ['Ticketing'],
    body: createHoldSchema,
    auth: 'optional',
    responses: {
      '201': 'Hold created',
      '409':
        'Not enough tickets left (sold_out), a named seat is taken (seat_taken, with the seats), or no adjacent seats are left (no_adjacent_seats)',
      '422': 'not on sale, a seat this ticket type does not sell (unknown_seat), seats of a standing type (not_seated)',
      '429': 'Over the per-address checkout rate (rate_limited) or the event’s hoarding cap for this buyer (hold_limit)',
      '503': 'The client address cannot be known (server misconfigured)',
    },
  },
  'DELETE /api/checkout/holds/{id}': { summary: 'Give a hold back early (x-hold-token header).', tags: ['Ticketing'], auth: 'optional' },
  'POST /api/checkout/orders': {
    summary: 'Turn a hold into an order priced on the server; answers the Stripe PaymentIntent client secret.',
    tags: ['Ticketing'],
    body: createOrderSchema,
    auth: 'optional',
    responses: { '201': 'Order created' },
  },
  'POST /api/stripe/webhook': {
    summary: 'Stripe webhook receiver (signature checked against STRIPE_WEBHOOK_SECRET).',
    tags: ['Ticketing'],
    auth: 'none',
    rawBody: true,
  },
  'POST /api/orders/{id}/refund': {
    summary:
      'Refund a paid order through Stripe: some tickets, an amount (minor units), or everything left (organizer of the event or orders:refund).',
    tags: ['Ticketing'],
    body: refundSchema,
    auth: 'required',
    responses: { '409': 'Not refundable (unpaid, free, or refunded in full)', '422': 'Unknown tickets or amount too large' },
  },
  'POST /api/orders/{id}/cancel': {
    summary: 'Cancel a free order: tickets voided, capacity returned (organizer or admin; the buyer until the event’s cut-off).',
    tags: ['Ticketing'],
    auth: 'required',
    responses: { '409': 'Not cancellable (paid: refund it instead)' },
  },
  'POST /api/tickets/check-in': {
    summary: 'Check a ticket in at one event’s door by its code (staff assigned to the event, its organizer, or check-in-any).',
    tags: ['Ticketing'],
    body: checkInSchema,
    auth: 'required',
    responses: { '409': 'Already checked in, or a ticket of another event (wrong_event)' },
  },
  'POST /api/two-factor/setup': { summary: 'Start two-factor setup: a TOTP secret and otpauth URL.', tags: ['Account'], auth: 'required' },
  'POST /api/two-factor/enable': {
    summary: 'Enable two-factor with a current code.',
    tags: ['Account'],
    body: codeSchema,
    auth: 'required',
  },
  'POST /api/two-factor/disable': {
    summary: 'Disable two-factor with a current code.',
    tags: ['Account'],
    body: codeSchema,
    auth: 'required',
  },
  'GET /api/privacy/export': {
    summary: 'Everything the platform holds about the caller (admins: ?user=).',
    tags: ['Privacy'],
    query: z.object({ user: z.uuid().optional() }),
    auth: 'required',
  },
  'POST /api/privacy/erase': {
    summary: 'Erase the caller (admins: a user) everywhere; orders are kept anonymized.',
    tags: ['Privacy'],
    body: eraseSchema,
    auth: 'required',
  },
  'POST /api/api-keys/{id}/reveal': {
    summary: 'The admin UI’s one-time reveal of a key just created.',
    tags: ['Security'],
    auth: 'required',
    responses: { '410': 'Already revealed or expired' },
  },
  'GET /api/designers/featured': {
    summary: 'Featured active designers with their latest published collections.',
    tags: ['Fashion'],
    auth: 'none',
  },
  'POST /api/designers/{id}/track': {
    summary: 'Count a designer profile, collection or item view (rate-limited).',
    tags: ['Fashion'],
    body: trackSchema,
    auth: 'none',
    responses: { '202': 'Counted', '429': 'Rate limited' },
  },
  'GET /api/fashion-collections/by-slug/{slug}/full': {
    summary: 'A published collection with its items, images and shows.',
    tags: ['Fashion'],
    auth: 'optional',
  },
  'GET /api/runway-shows/upcoming': {
    summary: 'Upcoming runway shows with collection, designer, venue and event.',
    tags: ['Fashion'],
    query: z.object({ limit: limitSchema }),
    auth: 'none',
  },
  'GET /api/runway-shows/{id}/run-of-show': {
    summary: "The producer's sheet: segments and appearances in order.",
    tags: ['Fashion'],
    auth: 'required',
  },
  'POST /api/runway-segments/{id}/reorder': {
    summary: "Reorder a segment's appearances.",
    tags: ['Fashion'],
    body: reorderSchema,
    auth: 'required',
  },
  'POST /api/track': {
    summary: 'A batch of up to 100 engagement events, stored in one insert.',
    tags: ['Marketing'],
    body: trackBody,
    auth: 'optional',
    responses: { '202': 'Stored', '413': 'Batch too large', '429': 'Rate limited' },
  },
  'GET /api/m/o/{token}': { summary: 'Email open pixel (a 1×1 GIF).', tags: ['Marketing'], auth: 'none' },
  'GET /api/m/c/{token}': {
    summary: 'Tracked email link: redirects to link l of that email.',
    tags: ['Marketing'],
    query: z.object({ l: z.coerce.number().int().min(0) }),
    auth: 'none',
    responses: { '302': 'Redirect to the link' },
  },
  'GET /api/m/u/{token}': { summary: 'Unsubscribe confirmation page (HTML).', tags: ['Marketing'], auth: 'none' },
  'POST /api/m/u/{token}': { summary: 'Unsubscribe from marketing email (also RFC 8058 one-click).', tags: ['Marketing'], auth: 'none' },
  'POST /api/email-campaigns/{id}/send': {
    summary: 'Schedule an email campaign for now (email-campaigns:send).',
    tags: ['Marketing'],
    auth: 'required',
    responses: { '202': 'Scheduled', '409': 'Already sent' },
  },
  'POST /api/marketing-segments/{id}/compute': {
    summary: 'Recount a segment (matching and reachable).',
    tags: ['Marketing'],
    auth: 'required',
  },
  'GET /api/reports': { summary: 'The analytics reports and their parameters (reports:read).', tags: ['Reports'], auth: 'required' },
  'GET /api/reports/{name}': {
    summary: 'One report’s rows; dated reports take from/to (YYYY-MM-DD, UTC, inclusive). See GET /api/reports for each one’s parameters.',
    tags: ['Reports'],
    query: range,
    auth: 'required',
  },
  'POST /api/webhooks/{id}/test': { summary: 'Send a signed webhook.test event to this hook now.', tags: ['Webhooks'], auth: 'required' },
  'POST /api/webhook-deliveries/{id}/replay': {
    summary: 'Send a delivery’s event to its hook again (a new delivery, same event id).',
    tags: ['Webhooks'],
    auth: 'required',
    responses: { '201': 'Replayed' },
  },
  'POST /api/plugin-seo/generate-title': {
    summary: 'SEO plugin: a suggested meta title for a document being edited.',
    tags: ['Content'],
    auth: 'required',
  },
  'POST /api/plugin-seo/generate-description': {
    summary: 'SEO plugin: a suggested meta description.',
    tags: ['Content'],
    auth: 'required',
  },
  'POST /api/plugin-seo/generate-url': { summary: 'SEO plugin: the preview URL.', tags: ['Content'], auth: 'required' },
  'POST /api/plugin-seo/generate-image': { summary: 'SEO plugin: a suggested meta image.', tags: ['Content'], auth: 'required' },
  'GET /api/og': { summary: 'Payload: the Open Graph image of the admin UI.', tags: ['Meta'], auth: 'none' },
  'GET /api/openapi.json': { summary: 'This document.', tags: ['Meta'], auth: 'none' },
  'GET /api/docs': { summary: 'Readable API documentation (HTML).', tags: ['Meta'], auth: 'none' },
  'GET /api/docs/assets/{file}': { summary: 'The documentation page’s script and stylesheet.', tags: ['Meta'], auth: 'none' },
}
