/**
 * The analytics reports: every sample query of the design's sponsorship and marketing parts,
 * plus the ticket-sales figures the dashboard charts. Each report is one SQL statement over the
 * indexes the migrations create, with its parameters validated by a zod schema (the same
 * schema documents it). Dates are UTC calendar days, `from` and `to` inclusive; money is in
 * minor units of the currency each row names.
 */
import type { Report } from './define'
import { marketingReports } from './marketing'
import { sponsorshipReports } from './sponsorship'
import { ticketingReports } from './ticketing'

export type { Report } from './define'

export const reports: Record<string, Report> = { ...sponsorshipReports, ...marketingReports, ...ticketingReports }

export const REPORT_NAMES = Object.keys(reports)
