/** Fixed vocabularies shared by collections, endpoints and domain code. */

/** What a designer-analytics tracking call may count (POST /api/designers/:id/track). */
export const TRACK_KINDS = ['profile_view', 'collection_view', 'item_view', 'favorite', 'share', 'click_through'] as const

/** Marketing channels a campaign runs on and attribution names. */
export const CHANNELS = ['email', 'social', 'web', 'search', 'display', 'affiliate', 'partner', 'promo_code', 'print', 'other'] as const

/** The kinds of event the platform runs. */
export const EVENT_TYPES = ['fashion_show', 'exhibition', 'workshop', 'conference', 'party', 'networking'] as const
