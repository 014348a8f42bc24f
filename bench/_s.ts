import pg from 'pg'
import { search } from '../src/domain/search'
const pool = new pg.Pool({ connectionString: 'postgres://postgres@127.0.0.1:5432/fsh_bench' })
for (const q of ['couture', 'Event 4242', 'zzqxvw', 'velvet studio', 'coutur', 'Paris']) {
  await search(pool, q)
  const t = performance.now()
  for (let i = 0; i < 5; i++) await search(pool, q)
  const hits = await search(pool, q)
  console.log(q.padEnd(16), ((performance.now() - t) / 5).toFixed(1), 'ms', hits.length, hits[0]?.title, hits[0]?.match)
}
await pool.end()
