import type { Block } from 'payload'

/** Lists published events by filter; resolved by the front end through /api/events with the same filter. */
export const EventListBlock: Block = {
  slug: 'eventList',
  interfaceName: 'EventListBlock',
  fields: [
    { name: 'title', type: 'text' },
    { name: 'categories', type: 'relationship', relationTo: 'event-categories', hasMany: true },
    {
      name: 'eventTypes',
      type: 'select',
      hasMany: true,
      options: ['fashion_show', 'exhibition', 'workshop', 'conference', 'party', 'networking'],
    },
    { name: 'featuredOnly', type: 'checkbox', defaultValue: false },
    { name: 'upcomingOnly', type: 'checkbox', defaultValue: true },
    { name: 'limit', type: 'number', defaultValue: 6, min: 1, max: 50 },
  ],
}
