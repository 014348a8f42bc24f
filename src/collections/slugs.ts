/** Every collection slug in one place, so relations and access rules never spell one by hand. */
export const slugs = {
  users: 'users',
  roles: 'roles',
  permissions: 'permissions',
  events: 'events',
  eventSchedules: 'event-schedules',
  eventCategories: 'event-categories',
  venues: 'venues',
  venueSections: 'venue-sections',
  venueSeats: 'venue-seats',
  pages: 'pages',
  media: 'media',
  ticketTypes: 'ticket-types',
  orders: 'orders',
  orderItems: 'order-items',
  discountCodes: 'discount-codes',
  discountRedemptions: 'discount-redemptions',
  holds: 'holds',
  tickets: 'tickets',
  paymentEvents: 'payment-events',
} as const

export type Slug = (typeof slugs)[keyof typeof slugs]
