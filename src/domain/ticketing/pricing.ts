/**
 * Prices and discounts, in integer minor units. Imports nothing from Payload.
 *
 * Rounding: a percentage discount is rounded half-up to the minor unit
 * (12.5% of 1999 = 249.875 -> 250; 10% of 1005 = 100.5 -> 101), computed in integers
 * (the percentage is taken to two decimals), so no floating-point drift.
 */
export type DiscountRule = {
  kind: 'percentage' | 'fixed'
  value: number
  currency?: string | null
  minimumOrder?: number | null
  maximumDiscount?: number | null
  appliesTo: 'all' | 'events' | 'ticketTypes'
  events: string[]
  ticketTypes: string[]
}

export type PriceLine = { ticketType: string; event: string; unitPrice: number; quantity: number }

export type PricedLine = PriceLine & { subtotal: number; discount: number; finalPrice: number }

export type Priced = { lines: PricedLine[]; subtotal: number; discount: number; tax: number; total: number }

export type DiscountRefusal = 'not_applicable' | 'minimum_not_met'

/** The platform's currency: what a code's amounts are in when the code names none. */
export const defaultCurrency = () => (process.env.PLATFORM_CURRENCY || 'EUR').toUpperCase()

/** Half-up division of non-negative integers. */
export function divideHalfUp(numerator: number, denominator: number): number {
  return Math.floor((2 * numerator + denominator) / (2 * denominator))
}

export function percentageOf(amount: number, percent: number): number {
  const basisPoints = Math.round(percent * 100) // 12.5% -> 1250
  return divideHalfUp(amount * basisPoints, 10_000)
}

/** Spreads `total` over `weights` in proportion, exactly (largest remainder), never above a weight. */
export function allocate(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0)
  if (sum === 0 || total === 0) return weights.map(() => 0)
  const raw = weights.map((w) => (total * w) / sum)
  const out = raw.map(Math.floor)
  let rest = total - out.reduce((a, b) => a + b, 0)
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0])
  for (const [, i] of order) {
    if (rest <= 0) break
    if (out[i] < weights[i]) {
      out[i]++
      rest--
    }
  }
  return out
}

const applies = (rule: DiscountRule, line: PriceLine) =>
  rule.appliesTo === 'all' ||
  (rule.appliesTo === 'events' && rule.events.includes(line.event)) ||
  (rule.appliesTo === 'ticketTypes' && rule.ticketTypes.includes(line.ticketType))

/** Prices the lines; with a rule, the discount or the reason it does not apply. */
export function priceOrder(lines: PriceLine[], currency: string, rule?: DiscountRule): Priced | { refused: DiscountRefusal } {
  const subtotals = lines.map((l) => l.unitPrice * l.quantity)
  const subtotal = subtotals.reduce((a, b) => a + b, 0)
  let discount = 0
  let perLine = lines.map(() => 0)
  if (rule) {
    const eligible = subtotals.map((s, i) => (applies(rule, lines[i]) ? s : 0))
    const eligibleTotal = eligible.reduce((a, b) => a + b, 0)
    if (eligibleTotal === 0) return { refused: 'not_applicable' }
    // A code's amounts (fixed value, minimum, maximum) are in its currency, the default one when
    // it names none; they are only ever compared with an order in that same currency.
    const codeCurrency = (rule.currency || defaultCurrency()).toUpperCase()
    const hasAmounts = rule.kind === 'fixed' || Boolean(rule.minimumOrder) || Boolean(rule.maximumDiscount)
    if (hasAmounts && codeCurrency !== currency.toUpperCase()) return { refused: 'not_applicable' }
    if (rule.minimumOrder && subtotal < rule.minimumOrder) return { refused: 'minimum_not_met' }
    if (rule.kind === 'percentage') {
      discount = percentageOf(eligibleTotal, Math.min(100, rule.value))
      if (rule.maximumDiscount && rule.maximumDiscount > 0) discount = Math.min(discount, rule.maximumDiscount)
    } else {
      discount = Math.min(Math.round(rule.value), eligibleTotal)
    }
    perLine = allocate(discount, eligible)
  }
  const priced = lines.map((l, i) => ({ ...l, subtotal: subtotals[i], discount: perLine[i], finalPrice: subtotals[i] - perLine[i] }))
  const tax = 0 // Prices are tax-inclusive; tax is recorded as 0 until a tax rule exists.
  return { lines: priced, subtotal, discount, tax, total: Math.max(0, subtotal - discount + tax) }
}
