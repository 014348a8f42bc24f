/** What every report shares: parameter schemas, the UTC-day window, and `define`. */
import type { Pool } from 'pg'
import { z } from 'zod'

export const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine((v) => !Number.isNaN(Date.parse(v)), 'must be a real date')
export const uuid = (what: string) => z.uuid({ message: `must be the ${what}'s id (a uuid)` })
export const limit = z.coerce.number().int().min(1).max(500).default(100)

export const isoDay = (d: Date) => d.toISOString().slice(0, 10)
export const daysAgo = (now: Date, n: number) => isoDay(new Date(now.getTime() - n * 86_400_000))

/** `from`/`to` with defaults relative to today (the design's CURRENT_DATE windows), checked in order. */
export const range = (defaultDays: number) =>
  z.object({ from: day.optional(), to: day.optional() }).transform((r, ctx) => {
    const now = new Date()
    const to = r.to ?? isoDay(now)
    const from = r.from ?? daysAgo(new Date(`${to}T00:00:00Z`), defaultDays)
    if (from > to) ctx.addIssue({ code: 'custom', path: ['from'], message: 'must not be after to' })
    return { from, to }
  })

/** An optional window (either end may be left open), for reports that are not dated by default. */
export const window = { from: day.optional(), to: day.optional() }
export const inWindow = (col: string, from: string, to: string) =>
  `(${from}::date IS NULL OR ${utcDay(col)} >= ${from}::date) AND (${to}::date IS NULL OR ${utcDay(col)} <= ${to}::date)`

/** How current a report's rows are: read live from the tables, or from a rollup refreshed at a time. */
export type Freshness = { live: true } | { live: false; rollup: string; refreshedAt: string | null; refreshedEvery: string }

export type Report<S extends z.ZodType = z.ZodType> = {
  description: string
  params: S
  run: (db: Pool, p: z.infer<S>) => Promise<unknown[]>
  /** Omitted: live. */
  freshness?: (db: Pool) => Promise<Freshness>
}

export const define = <S extends z.ZodType>(r: Report<S>) => r as unknown as Report

export const rows = async (db: Pool, text: string, values: unknown[]) => (await db.query(text, values)).rows

export const utcDay = (col: string) => `(${col} AT TIME ZONE 'UTC')::date`
/** The first instant of a UTC day, and the first instant after one (exclusive end). */
export const utcStart = (param: string) => `(${param}::date::timestamp AT TIME ZONE 'UTC')`
export const utcEnd = (param: string) => `((${param}::date + 1)::timestamp AT TIME ZONE 'UTC')`
