/**
 * GraphQL for what frontends need beyond collection CRUD: ticket availability and site search
 * (queries), holds and orders (mutations). Each resolver validates its arguments with the same
 * zod schema as the REST endpoint and calls the same domain operation, with the same access
 * rules (the request's user or API key). Errors carry the REST status in `extensions.statusCode`
 * and the REST error code in `extensions.data.code`.
 */
import type * as GraphQLModule from 'graphql'
import type { GraphQLExtension, PayloadRequest } from 'payload'
import { z } from 'zod'

import { getPrincipal } from '../access/principal'
import { search } from '../domain/search'
import { createHold, eventAvailability, releaseHold } from '../domain/ticketing/holds'
import { DomainError } from '../domain/ticketing/errors'
import { canReadEvent } from '../domain/ticketing/authorize'
import { placeOrder } from '../domain/ticketing/placeOrder'
import { createOrderSchema } from '../endpoints/checkout/orders/schema'
import { createHoldSchema, holdIdSchema, holdTokenSchema } from '../endpoints/checkout/holds/schema'
import { poolOf } from '../db/pool'
import { BadRequest, clientIp, holderOf, limitedAddress, now } from '../endpoints/http'
import { hitAddressLimit } from '../plugins/api-keys'
import { listingQuery } from '../endpoints/site/events/schema'
import { listEvents } from '../domain/events/listing'
import { listCollections } from '../domain/fashion/collectionListing'
import { listDesigners } from '../domain/fashion/designerListing'
import { collectionListingQuery } from '../endpoints/site/collections/schema'
import { designerListingQuery } from '../endpoints/site/designers/schema'
import { contentVersion, memo } from '../db/contentCache'
import { searchQuery } from '../endpoints/search/handler'

type Ctx = { req: PayloadRequest }
type G = typeof GraphQLModule

/** GraphQL hands absent optional inputs over as null; the REST schemas expect them left out. */
const dropNulls = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(dropNulls)
    : v && typeof v === 'object'
      ? Object.fromEntries(
          Object.entries(v)
            .filter(([, x]) => x !== null)
            .map(([k, x]) => [k, dropNulls(x)]),
        )
      : v

const eventId = z.uuid({ message: 'event must be an event id' })

/** An error GraphQL clients see as is: Payload's handler shows the message for non-500 statuses and the data as `extensions.data`. */
class OperationError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly data: Record<string, unknown>,
  ) {
    super(message)
    this.name = 'OperationError'
  }
}

function check<S extends z.ZodType>(_g: G, schema: S, input: unknown): z.infer<S> {
  const r = schema.safeParse(input)
  if (r.success) return r.data
  const issue = r.error.issues[0]
  throw new OperationError(`Invalid ${issue.path.join('.') || 'input'}: ${issue.message}`, 400, {
    code: 'invalid_request',
    issues: r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
  })
}

/**
 * The checkout rate limit for GraphQL's checkout mutations, in the REST route's bucket: per
 * client address, except for API keys (the gate limits those per key).
 */
/** The address key, or the 503 of an unknown address as a typed error. */
function limitedAddressOrThrow(req: PayloadRequest): string {
  try {
    return limitedAddress(req)
  } catch (err) {
    if (err instanceof BadRequest) throw new DomainError('client_address_unknown', 'This server cannot tell which client is asking.', 503)
    throw err
  }
}

async function checkoutLimit(req: PayloadRequest): Promise<void> {
  if ((req.user as { _strategy?: string } | null)?._strategy === 'api-key') return
  const { wait } = await hitAddressLimit(req.payload, 'checkout', limitedAddressOrThrow(req))
  if (wait)
    throw new DomainError('rate_limited', 'Too many checkout requests from this address; try again shortly.', 429, { retryAfter: wait })
}

async function run<T>(_g: G, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  } catch (err) {
    if (err instanceof DomainError) throw new OperationError(err.message, err.status, { code: err.code, ...err.details })
    throw err
  }
}

function types(g: G) {
  const {
    GraphQLObjectType,
    GraphQLString,
    GraphQLInt,
    GraphQLFloat,
    GraphQLBoolean,
    GraphQLNonNull,
    GraphQLList,
    GraphQLInputObjectType,
  } = g
  const nn = <T extends GraphQLModule.GraphQLType>(t: T) => new GraphQLNonNull(t)
  const TicketAvailability = new GraphQLObjectType({
    name: 'TicketAvailability',
    fields: {
      id: { type: nn(GraphQLString) },
      name: { type: nn(GraphQLString) },
      price: { type: nn(GraphQLInt), description: 'Minor units' },
      currency: { type: nn(GraphQLString) },
      capacity: { type: nn(GraphQLInt) },
      sold: { type: nn(GraphQLInt) },
      held: { type: nn(GraphQLInt) },
      available: { type: nn(GraphQLInt) },
      onSale: { type: nn(GraphQLBoolean) },
    },
  })
  const SearchHit = new GraphQLObjectType({
    name: 'SearchHit',
    fields: {
      type: { type: nn(GraphQLString) },
      id: { type: nn(GraphQLString) },
      title: { type: nn(GraphQLString) },
      slug: { type: GraphQLString },
      subtitle: { type: GraphQLString },
      image: { type: GraphQLString },
      excerpt: { type: GraphQLString, description: 'HTML with <mark> around matches' },
      rank: { type: GraphQLFloat },
      match: { type: GraphQLString },
    },
  })
  const HeldSeat = new GraphQLObjectType({
    name: 'CheckoutHeldSeat',
    fields: {
      id: { type: nn(GraphQLString) },
      section: { type: nn(GraphQLString) },
      row: { type: nn(GraphQLString) },
      number: { type: nn(GraphQLString) },
      label: { type: nn(GraphQLString) },
    },
  })
  const HoldItem = new GraphQLObjectType({
    name: 'CheckoutHoldItem',
    fields: {
      ticketType: { type: nn(GraphQLString) },
      quantity: { type: nn(GraphQLInt) },
      seats: { type: new GraphQLList(nn(HeldSeat)), description: 'The seats held, for a seated ticket type' },
    },
  })
  const Hold = new GraphQLObjectType({
    name: 'CheckoutHold',
    fields: {
      id: { type: nn(GraphQLString) },
      token: { type: nn(GraphQLString), description: 'Proves the hold is yours; pass it to createOrder' },
      expiresAt: { type: nn(GraphQLString) },
      items: { type: nn(new GraphQLList(nn(HoldItem))) },
    },
  })
  const HoldItemInput = new GraphQLInputObjectType({
    name: 'CheckoutHoldItemInput',
    fields: {
      ticketType: { type: nn(GraphQLString) },
      quantity: { type: GraphQLInt, description: 'How many (best available on a seated ticket type); or name seats' },
      seats: { type: new GraphQLList(nn(GraphQLString)), description: 'Seat ids of a seated ticket type' },
      together: { type: GraphQLBoolean, description: 'With quantity: adjacent seats in one row' },
    },
  })
  const AddressInput = new GraphQLInputObjectType({
    name: 'CheckoutAddressInput',
    fields: {
      line1: { type: GraphQLString },
      line2: { type: GraphQLString },
      city: { type: GraphQLString },
      postalCode: { type: GraphQLString },
      state: { type: GraphQLString },
      country: { type: GraphQLString },
    },
  })
  const BillingInput = new GraphQLInputObjectType({
    name: 'CheckoutBillingInput',
    fields: {
      email: { type: nn(GraphQLString) },
      name: { type: nn(GraphQLString) },
      phone: { type: GraphQLString },
      address: { type: AddressInput },
    },
  })
  const OrderLine = new GraphQLObjectType({
    name: 'CheckoutOrderLine',
    fields: {
      ticketType: { type: GraphQLString },
      name: { type: GraphQLString },
      quantity: { type: GraphQLInt },
      unitPrice: { type: GraphQLInt },
      subtotal: { type: GraphQLInt },
      discount: { type: GraphQLInt },
      finalPrice: { type: GraphQLInt },
    },
  })
  const Order = new GraphQLObjectType({
    name: 'CheckoutOrder',
    fields: {
      id: { type: nn(GraphQLString) },
      status: { type: nn(GraphQLString) },
      subtotal: { type: nn(GraphQLInt) },
      discount: { type: nn(GraphQLInt) },
      tax: { type: nn(GraphQLInt) },
      total: { type: nn(GraphQLInt) },
      currency: { type: nn(GraphQLString) },
      items: { type: new GraphQLList(OrderLine) },
    },
  })
  const Payment = new GraphQLObjectType({
    name: 'CheckoutPayment',
    fields: {
      provider: { type: nn(GraphQLString), description: 'stripe, or none when nothing is to pay' },
      clientSecret: { type: GraphQLString },
      paymentIntent: { type: GraphQLString },
    },
  })
  const OrderResult = new GraphQLObjectType({
    name: 'CheckoutOrderResult',
    fields: { order: { type: nn(Order) }, payment: { type: nn(Payment) } },
  })
  const SiteVenue = new GraphQLObjectType({
    name: 'SiteEventVenue',
    fields: { id: { type: nn(GraphQLString) }, name: { type: GraphQLString }, city: { type: GraphQLString } },
  })
  const SiteImage = new GraphQLObjectType({
    name: 'SiteEventImage',
    fields: {
      url: { type: nn(GraphQLString) },
      card: { type: GraphQLString },
      alt: { type: GraphQLString },
      width: { type: GraphQLInt },
      height: { type: GraphQLInt },
    },
  })
  const SiteCategory = new GraphQLObjectType({
    name: 'SiteEventCategory',
    fields: { slug: { type: GraphQLString }, name: { type: nn(GraphQLString) } },
  })
  const SitePrice = new GraphQLObjectType({
    name: 'SiteEventPrice',
    fields: { amount: { type: nn(GraphQLInt), description: 'Minor units' }, currency: { type: nn(GraphQLString) } },
  })
  const SiteEventCard = new GraphQLObjectType({
    name: 'SiteEventCard',
    fields: {
      id: { type: nn(GraphQLString) },
      slug: { type: GraphQLString },
      title: { type: nn(GraphQLString) },
      type: { type: nn(GraphQLString) },
      shortDescription: { type: GraphQLString },
      startDate: { type: nn(GraphQLString) },
      endDate: { type: nn(GraphQLString) },
      timeZone: { type: nn(GraphQLString), description: "The event's IANA zone: show its dates in it" },
      featured: { type: nn(GraphQLBoolean) },
      venue: { type: SiteVenue },
      image: { type: SiteImage },
      categories: { type: nn(new GraphQLList(nn(SiteCategory))) },
      priceFrom: { type: SitePrice },
    },
  })
  const SiteEventPage = new GraphQLObjectType({
    name: 'SiteEventPage',
    fields: {
      events: { type: nn(new GraphQLList(nn(SiteEventCard))) },
      nextCursor: { type: GraphQLString, description: 'Pass back as cursor for the next page; null on the last' },
      total: { type: GraphQLInt, description: 'Only when count: true' },
    },
  })
  const SiteCardImage = new GraphQLObjectType({
    name: 'SiteCardImage',
    fields: { url: { type: nn(GraphQLString) }, card: { type: GraphQLString }, alt: { type: GraphQLString } },
  })
  const SiteDesignerCard = new GraphQLObjectType({
    name: 'SiteDesignerCard',
    fields: {
      id: { type: nn(GraphQLString) },
      slug: { type: GraphQLString },
      name: { type: nn(GraphQLString) },
      brand: { type: GraphQLString },
      specialty: { type: GraphQLString },
      featured: { type: nn(GraphQLBoolean) },
      verified: { type: nn(GraphQLBoolean) },
      location: {
        type: new GraphQLObjectType({
          name: 'SiteDesignerLocation',
          fields: { city: { type: GraphQLString }, country: { type: GraphQLString } },
        }),
      },
      image: { type: SiteCardImage },
      publishedCollections: { type: nn(GraphQLInt) },
    },
  })
  const SiteDesignerPage = new GraphQLObjectType({
    name: 'SiteDesignerPage',
    fields: {
      designers: { type: nn(new GraphQLList(nn(SiteDesignerCard))) },
      nextCursor: { type: GraphQLString, description: 'Pass back as cursor for the next page; null on the last' },
      total: { type: GraphQLInt, description: 'Only when count: true' },
    },
  })
  const SiteCollectionCard = new GraphQLObjectType({
    name: 'SiteCollectionCard',
    fields: {
      id: { type: nn(GraphQLString) },
      slug: { type: GraphQLString },
      name: { type: nn(GraphQLString) },
      season: { type: GraphQLString },
      year: { type: GraphQLInt },
      featured: { type: nn(GraphQLBoolean) },
      releaseDate: { type: GraphQLString },
      designer: {
        type: nn(
          new GraphQLObjectType({
            name: 'SiteCollectionDesigner',
            fields: { slug: { type: GraphQLString }, name: { type: nn(GraphQLString) } },
          }),
        ),
      },
      image: { type: SiteCardImage },
      items: { type: nn(GraphQLInt) },
    },
  })
  const SiteCollectionPage = new GraphQLObjectType({
    name: 'SiteCollectionPage',
    fields: {
      collections: { type: nn(new GraphQLList(nn(SiteCollectionCard))) },
      nextCursor: { type: GraphQLString, description: 'Pass back as cursor for the next page; null on the last' },
      total: { type: GraphQLInt, description: 'Only when count: true' },
    },
  })
  return {
    nn,
    SiteEventPage,
    SiteDesignerPage,
    SiteCollectionPage,
    TicketAvailability,
    SearchHit,
    Hold,
    HoldItemInput,
    BillingInput,
    OrderResult,
    GraphQLString,
    GraphQLInt,
    GraphQLBoolean,
    GraphQLList,
  }
}

/** GraphQL arguments as the query-string values the REST schemas parse (nulls dropped). */
const stringArgs = (args: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(args)
      .filter(([, v]) => v !== null && v !== undefined)
      .map(([k, v]) => [k, String(v)]),
  )

export const customQueries: GraphQLExtension = (g) => {
  const t = types(g)
  return {
    eventAvailability: {
      type: t.nn(new t.GraphQLList(t.nn(t.TicketAvailability))),
      description: "An event's ticket types with capacity, sold, held and available (the event must be readable by the caller).",
      args: { event: { type: t.nn(t.GraphQLString) } },
      resolve: async (_: unknown, args: { event: string }, { req }: Ctx) =>
        run(g, async () => {
          const id = check(g, eventId, args.event)
          if (!(await canReadEvent(req, id))) throw new DomainError('unknown_event', 'No such event.', 404)
          return eventAvailability(poolOf(req.payload), id, now())
        }),
    },
    siteEvents: {
      type: t.nn(t.SiteEventPage),
      description: 'Published events as cards, by start date, a page at a time (same as GET /api/site/events).',
      args: Object.fromEntries([
        ...['from', 'to', 'category', 'type', 'city', 'venue', 'q', 'cursor'].map((k) => [k, { type: t.GraphQLString }]),
        ['limit', { type: t.GraphQLInt }],
        ['featured', { type: t.GraphQLBoolean }],
        ['count', { type: t.GraphQLBoolean }],
      ]),
      resolve: async (_: unknown, args: Record<string, unknown>, { req }: Ctx) =>
        run(g, async () => {
          const filter = check(g, listingQuery, stringArgs(args))
          const db = poolOf(req.payload)
          // Cached like GET /api/site/events: per content version and minute.
          const version = `${await contentVersion(db)}.${Math.floor(Date.now() / 60_000)}`
          return memo(`gql siteEvents ${JSON.stringify(filter)}`, version, () => listEvents(db, filter, now()))
        }),
    },
    siteDesigners: {
      type: t.nn(t.SiteDesignerPage),
      description: 'Active designers as cards, by name, a page at a time (same as GET /api/site/designers).',
      args: Object.fromEntries([
        ...['specialty', 'country', 'q', 'cursor'].map((k) => [k, { type: t.GraphQLString }]),
        ['limit', { type: t.GraphQLInt }],
        ...['featured', 'verified', 'count'].map((k) => [k, { type: t.GraphQLBoolean }]),
      ]),
      resolve: async (_: unknown, args: Record<string, unknown>, { req }: Ctx) =>
        run(g, async () => {
          const filter = check(g, designerListingQuery, stringArgs(args))
          const db = poolOf(req.payload)
          return memo(`gql siteDesigners ${JSON.stringify(filter)}`, await contentVersion(db), () => listDesigners(db, filter))
        }),
    },
    siteCollections: {
      type: t.nn(t.SiteCollectionPage),
      description: 'Published collections as cards, by name, a page at a time (same as GET /api/site/collections).',
      args: Object.fromEntries([
        ...['designer', 'season', 'q', 'cursor'].map((k) => [k, { type: t.GraphQLString }]),
        ...['year', 'limit'].map((k) => [k, { type: t.GraphQLInt }]),
        ...['featured', 'count'].map((k) => [k, { type: t.GraphQLBoolean }]),
      ]),
      resolve: async (_: unknown, args: Record<string, unknown>, { req }: Ctx) =>
        run(g, async () => {
          const filter = check(g, collectionListingQuery, stringArgs(args))
          const db = poolOf(req.payload)
          return memo(`gql siteCollections ${JSON.stringify(filter)}`, await contentVersion(db), () => listCollections(db, filter))
        }),
    },
    siteSearch: {
      type: t.nn(new t.GraphQLList(t.nn(t.SearchHit))),
      description:
        'Ranked search across events, designers, fashion-collections, models, sponsors, venues and pages; only what the caller may read.',
      args: {
        q: { type: t.nn(t.GraphQLString) },
        types: { type: new t.GraphQLList(t.nn(t.GraphQLString)) },
        limit: { type: t.GraphQLInt },
      },
      resolve: async (_: unknown, args: { q: string; types?: string[] | null; limit?: number | null }, { req }: Ctx) =>
        run(g, async () => {
          const p = check(g, searchQuery, { q: args.q, types: args.types?.join(','), limit: args.limit ?? undefined })
          return search(poolOf(req.payload), p.q, { types: p.types, limit: p.limit, principal: await getPrincipal(req) })
        }),
    },
  }
}

export const customMutations: GraphQLExtension = (g) => {
  const t = types(g)
  return {
    createHold: {
      type: t.nn(t.Hold),
      description: 'Hold tickets for the checkout window (same rules as POST /api/checkout/holds).',
      args: { items: { type: t.nn(new t.GraphQLList(t.nn(t.HoldItemInput))) }, sessionId: { type: t.GraphQLString } },
      resolve: async (_: unknown, args: { items: unknown; sessionId?: string | null }, { req }: Ctx) =>
        run(g, async () => {
          await checkoutLimit(req)
          const body = check(g, createHoldSchema, dropNulls({ items: args.items, sessionId: args.sessionId }))
          return createHold(
            poolOf(req.payload),
            { items: body.items, buyerSession: body.sessionId ?? (req.user ? `user:${req.user.id}` : null), holder: holderOf(req) },
            now(),
          )
        }),
    },
    releaseHold: {
      type: t.nn(t.GraphQLBoolean),
      description: 'Give a hold back early.',
      args: { id: { type: t.nn(t.GraphQLString) }, token: { type: t.nn(t.GraphQLString) } },
      resolve: async (_: unknown, args: { id: string; token: string }, { req }: Ctx) =>
        run(g, async () => {
          await releaseHold(poolOf(req.payload), check(g, holdIdSchema, args.id), check(g, holdTokenSchema, args.token), now())
          return true
        }),
    },
    createOrder: {
      type: t.nn(t.OrderResult),
      description: 'Turn a hold into an order priced on the server (same rules as POST /api/checkout/orders).',
      args: {
        hold: { type: t.nn(t.GraphQLString) },
        token: { type: t.nn(t.GraphQLString) },
        billing: { type: t.nn(t.BillingInput) },
        discountCode: { type: t.GraphQLString },
      },
      resolve: async (_: unknown, args: Record<string, unknown>, { req }: Ctx) =>
        run(g, async () => {
          await checkoutLimit(req)
          return placeOrder(req, check(g, createOrderSchema, dropNulls(args)), { ipAddress: clientIp(req) }, now())
        }),
    },
  }
}
