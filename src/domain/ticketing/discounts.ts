import { num, type Tx } from '../../db/transaction'
import { UnprocessableError } from './errors'
import { buyerKeyOf } from './buyerKey'
import type { DiscountRule } from './pricing'

export type DiscountReason = 'unknown' | 'expired' | 'not_yet_valid' | 'used_up' | 'not_applicable' | 'minimum_not_met' | 'already_used'

const MESSAGES: Record<DiscountReason, string> = {
  unknown: 'There is no such discount code.',
  expired: 'This discount code has expired.',
  not_yet_valid: 'This discount code is not valid yet.',
  used_up: 'This discount code has been used up.',
  not_applicable: 'This discount code does not apply to these tickets.',
  minimum_not_met: 'The order is below the minimum for this discount code.',
  already_used: 'This discount code has already been used by this buyer.',
}

export class InvalidDiscountError extends UnprocessableError {
  constructor(
    readonly reason: DiscountReason,
    extra: Record<string, unknown> = {},
  ) {
    super('invalid_discount', MESSAGES[reason], { reason, ...extra })
  }
}

export type LoadedCode = DiscountRule & {
  id: string
  code: string
  onePerBuyer: boolean
  usageLimit: number | null
  organizer: string | null
}

/** Looks the code up (case-insensitively) and checks what does not race: existence, window, limit already reached. */
export async function loadDiscountCode(tx: Tx, code: string, now: Date): Promise<LoadedCode> {
  const { rows } = await tx.query(
    `SELECT id, code, kind, value, currency, minimum_order, maximum_discount, valid_from, valid_until, usage_limit, times_used,
            one_per_buyer, active, applies_to, organizer_id,
            COALESCE((SELECT array_agg(r.events_id::text) FROM discount_codes_rels r WHERE r.parent_id = d.id AND r.path = 'events'), '{}') AS events,
            COALESCE((SELECT array_agg(r.ticket_types_id::text) FROM discount_codes_rels r WHERE r.parent_id = d.id AND r.path = 'ticketTypes'), '{}') AS ticket_types
       FROM discount_codes d WHERE d.code = upper($1)`,
    [code.trim()],
  )
  const d = rows[0]
  if (!d || !d.active) throw new InvalidDiscountError('unknown')
  if (d.valid_from && new Date(d.valid_from) > now) throw new InvalidDiscountError('not_yet_valid')
  if (d.valid_until && new Date(d.valid_until) <= now) throw new InvalidDiscountError('expired')
  if (d.usage_limit != null && num(d.times_used) >= num(d.usage_limit)) throw new InvalidDiscountError('used_up')
  return {
    id: d.id,
    code: d.code,
    kind: d.kind,
    value: num(d.value),
    currency: d.currency,
    minimumOrder: d.minimum_order == null ? null : num(d.minimum_order),
    maximumDiscount: d.maximum_discount == null ? null : num(d.maximum_discount),
    appliesTo: d.applies_to,
    events: d.events,
    ticketTypes: d.ticket_types,
    onePerBuyer: d.one_per_buyer,
    usageLimit: d.usage_limit == null ? null : num(d.usage_limit),
    organizer: d.organizer_id ?? null,
  }
}

/** Whether a statement failed because the code's uses ran out (the redemption trigger's refusal). */
export const isDiscountUsedUp = (err: unknown) => (err as { code?: string; message?: string })?.message === 'discount_used_up'

/**
 * Reserves one use for `orderId`, decided in SQL: the redemption row's unique (code, buyerKey)
 * index refuses a second use by the same buyer, and the redemption's insert trigger takes the
 * use only under the limit (`times_used` is the count of redemptions, kept by the database),
 * however many orders race for the last one. Both roll back with the order.
 */
export async function reserveDiscountUse(
  tx: Tx,
  code: LoadedCode,
  args: { orderId: string; buyerEmail: string; buyerId?: string | null; discount: number; orderTotal: number },
): Promise<void> {
  const buyerKey = code.onePerBuyer ? buyerKeyOf(args.buyerEmail) : null
  let inserted
  try {
    inserted = await tx.query(
      `INSERT INTO discount_redemptions (discount_code_id, order_id, buyer_id, buyer_email, buyer_key, status, discount, order_total)
       VALUES ($1, $2, $3, $4, $5, 'reserved', $6, $7)
       ON CONFLICT (discount_code_id, buyer_key) DO NOTHING RETURNING id`,
      [code.id, args.orderId, args.buyerId ?? null, args.buyerEmail.trim().toLowerCase(), buyerKey, args.discount, args.orderTotal],
    )
  } catch (err) {
    if (isDiscountUsedUp(err)) throw new InvalidDiscountError('used_up')
    throw err
  }
  if (inserted.rowCount === 0) throw new InvalidDiscountError('already_used')
}

/** Gives back the use an order reserved (it failed, expired or was cancelled before payment); the delete trigger gives the count back. */
export async function releaseDiscountUse(tx: Tx, orderId: string): Promise<void> {
  await tx.query(`DELETE FROM discount_redemptions WHERE order_id = $1 AND status = 'reserved'`, [orderId])
}
