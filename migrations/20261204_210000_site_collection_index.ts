import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/** Hand-written: the site's collection listing keyset order over published collections (GET /api/site/collections). */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  CREATE INDEX "fashion_collections_published_name_id_idx" ON "fashion_collections" ("name", "id") WHERE "status" = 'published';`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  DROP INDEX IF EXISTS "fashion_collections_published_name_id_idx";`)
}
