// GET /healthz: the process answers (for load balancers, and the benchmarks' floor of a bare
// Next.js route: no Payload, no database).
export const dynamic = 'force-dynamic'

export function GET() {
  return Response.json({ ok: true }, { headers: { 'cache-control': 'no-store' } })
}
