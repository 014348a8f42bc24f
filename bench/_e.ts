import pg from 'pg'
const pool = new pg.Pool({ connectionString: 'postgres://postgres@127.0.0.1:5432/fsh_bench' })
const orig = pool.query.bind(pool)
;(pool as any).query = async (text: string, params: unknown[]) => {
  const r = await orig('EXPLAIN (ANALYZE, COSTS OFF) ' + text, params as never)
  console.log(r.rows.map((x: any) => x['QUERY PLAN']).filter((l: string) => /Scan|Execution|actual time=[1-9]\d\./.test(l)).join('\n'))
  return { rows: [] }
}
const { search } = await import('../src/domain/search')
await search(pool, process.argv[2])
await pool.end()
