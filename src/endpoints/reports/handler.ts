import type { Endpoint } from 'payload'
import { z } from 'zod'

import { reports } from '../../domain/reports'
import { poolOf } from '../../db/pool'
import { errorBody, handle, json, parse, requirePermission } from '../http'

/** GET /api/reports: the reports there are, with what each takes. */
export const listReportsEndpoint: Endpoint = {
  path: '/reports',
  method: 'get',
  handler: handle(async (req) => {
    await requirePermission(req, 'reports', 'read', 'read reports')
    return json({
      reports: Object.entries(reports).map(([name, r]) => ({
        name,
        path: `/api/reports/${name}`,
        description: r.description,
        parameters: z.toJSONSchema(r.params, { io: 'input', unrepresentable: 'any' }),
      })),
    })
  }),
}

/** GET /api/reports/:name?from=YYYY-MM-DD&to=YYYY-MM-DD&...: one report's rows, and how fresh they are (live, or a rollup's refresh time). */
export const reportEndpoint: Endpoint = {
  path: '/reports/:name',
  method: 'get',
  handler: handle(async (req) => {
    await requirePermission(req, 'reports', 'read', 'read reports')
    const name = String(req.routeParams?.name ?? '')
    const report = Object.hasOwn(reports, name) ? reports[name] : undefined
    if (!report) return errorBody(404, 'unknown_report', `No report named ${name}. GET /api/reports lists them.`)
    const params = parse(report.params, Object.fromEntries(req.searchParams.entries()))
    const db = poolOf(req.payload)
    const [rows, freshness] = await Promise.all([report.run(db, params), report.freshness ? report.freshness(db) : { live: true }])
    return json({ report: name, parameters: params, freshness, rows })
  }),
}
