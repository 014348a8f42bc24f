import type { Endpoint } from 'payload'
import { z } from 'zod'

import { can, getPrincipal } from '../../access/principal'
import { reports } from '../../domain/reports'
import { poolOf } from '../../db/pool'
import { errorBody, handle, json, parse } from '../http'

const allowed = async (req: Parameters<Endpoint['handler']>[0]) => {
  const principal = await getPrincipal(req)
  if (!principal) return errorBody(401, 'unauthorized', 'Sign in (or send an API key with the reports:read scope) to read reports.')
  if (!can(principal, 'reports', 'read')) return errorBody(403, 'forbidden', 'Reports need the reports:read permission (admins and the marketing role).')
  return null
}

/** GET /api/reports: the reports there are, with what each takes. */
export const listReportsEndpoint: Endpoint = {
  path: '/reports',
  method: 'get',
  handler: handle(async (req) => {
    const denied = await allowed(req)
    if (denied) return denied
    return json({
      reports: Object.entries(reports).map(([name, r]) => ({ name, path: `/api/reports/${name}`, description: r.description, parameters: z.toJSONSchema(r.params, { io: 'input', unrepresentable: 'any' }) })),
    })
  }),
}

/** GET /api/reports/:name?from=YYYY-MM-DD&to=YYYY-MM-DD&...: one report's rows. */
export const reportEndpoint: Endpoint = {
  path: '/reports/:name',
  method: 'get',
  handler: handle(async (req) => {
    const denied = await allowed(req)
    if (denied) return denied
    const name = String(req.routeParams?.name ?? '')
    const report = Object.hasOwn(reports, name) ? reports[name] : undefined
    if (!report) return errorBody(404, 'unknown_report', `No report named ${name}. GET /api/reports lists them.`)
    const params = parse(report.params, Object.fromEntries(req.searchParams.entries()))
    const rows = await report.run(poolOf(req.payload), params)
    return json({ report: name, parameters: params, rows })
  }),
}
