import { describe, expect, it } from 'vitest'

import { allocate, divideHalfUp, percentageOf, priceOrder, type DiscountRule } from '../../src/domain/ticketing/pricing'

const rule = (r: Partial<DiscountRule>): DiscountRule => ({
  kind: 'percentage',
  value: 10,
  appliesTo: 'all',
  events: [],
  ticketTypes: [],
  ...r,
})
const line = (ticketType: string, unitPrice: number, quantity = 1) => ({ ticketType, event: 'e1', unitPrice, quantity })

describe('rounding', () => {
  it('rounds half up to the minor unit, in integers', () => {
    expect(divideHalfUp(5, 2)).toBe(3)
    expect(divideHalfUp(4, 2)).toBe(2)
    expect(percentageOf(1005, 10)).toBe(101) // 100.5 -> 101
    expect(percentageOf(1999, 12.5)).toBe(250) // 249.875 -> 250
    expect(percentageOf(1001, 10)).toBe(100) // 100.1 -> 100
  })
})

describe('allocate', () => {
  it('spreads exactly, never above a line', () => {
    expect(allocate(100, [100, 100, 100])).toEqual([34, 33, 33])
    expect(allocate(5, [3, 0, 2])).toEqual([3, 0, 2])
    expect(allocate(0, [5, 5])).toEqual([0, 0])
    const parts = allocate(999, [3333, 1111, 7])
    expect(parts.reduce((a, b) => a + b, 0)).toBe(999)
  })
})

describe('priceOrder', () => {
  it('totals lines without a code', () => {
    expect(priceOrder([line('a', 2500, 2), line('b', 1000)], 'EUR')).toMatchObject({ subtotal: 6000, discount: 0, total: 6000, tax: 0 })
  })
  it('caps percentages by the maximum discount', () => {
    expect(priceOrder([line('a', 10000)], 'EUR', rule({ value: 50, maximumDiscount: 1000 }))).toMatchObject({ discount: 1000, total: 9000 })
  })
  it('never lets a fixed discount exceed the subtotal or the total go below zero', () => {
    expect(priceOrder([line('a', 1500)], 'EUR', rule({ kind: 'fixed', value: 99999 }))).toMatchObject({ discount: 1500, total: 0 })
  })
  it('discounts only the ticket types a code lists, and refuses when none is in the order', () => {
    const p = priceOrder([line('a', 1000), line('b', 3000)], 'EUR', rule({ appliesTo: 'ticketTypes', ticketTypes: ['b'], value: 10 }))
    expect(p).toMatchObject({ discount: 300, total: 3700 })
    if ('lines' in p) expect(p.lines.map((l) => l.discount)).toEqual([0, 300])
    expect(priceOrder([line('a', 1000)], 'EUR', rule({ appliesTo: 'ticketTypes', ticketTypes: ['b'] }))).toEqual({
      refused: 'not_applicable',
    })
  })
  it('checks the minimum order and the currency of fixed amounts', () => {
    expect(priceOrder([line('a', 1000)], 'EUR', rule({ minimumOrder: 2000 }))).toEqual({ refused: 'minimum_not_met' })
    expect(priceOrder([line('a', 1000)], 'EUR', rule({ kind: 'fixed', value: 100, currency: 'USD' }))).toEqual({
      refused: 'not_applicable',
    })
  })
  it('keeps final price = subtotal - discount on every line', () => {
    const p = priceOrder([line('a', 333, 3), line('b', 777, 2)], 'EUR', rule({ value: 33 }))
    if (!('lines' in p)) throw new Error('refused')
    for (const l of p.lines) expect(l.finalPrice).toBe(l.subtotal - l.discount)
    expect(p.lines.reduce((a, l) => a + l.discount, 0)).toBe(p.discount)
  })
})
