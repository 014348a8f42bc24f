import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * Hand-written: event descriptions (the rich text's text nodes) join the events' search vector at
 * weight C, and models become searchable (name A, agency B, bio C) with a trigram index on the
 * name for near misses. A generated column cannot be altered, so the events' one is rebuilt.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  ALTER TABLE "events" DROP COLUMN "search_vector";
  ALTER TABLE "events" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', coalesce("title", '')), 'A') || setweight(to_tsvector('english', coalesce("short_description", '')), 'B')
    || setweight(to_tsvector('english', coalesce("meta_description", '')), 'C')
    || setweight(to_tsvector('english', jsonb_path_query_array(coalesce("description", '{}'::jsonb), 'strict $.**.text')), 'C')) STORED;
  CREATE INDEX "events_search_vector_idx" ON "events" USING GIN ("search_vector");
  ALTER TABLE "models" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', coalesce("name", '')), 'A') || setweight(to_tsvector('english', coalesce("agency", '')), 'B')
    || setweight(to_tsvector('english', coalesce("bio", '')), 'C')) STORED;
  CREATE INDEX "models_search_vector_idx" ON "models" USING GIN ("search_vector");
  CREATE INDEX "models_name_trgm_idx" ON "models" USING GIN ("name" gin_trgm_ops);`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  DROP INDEX IF EXISTS "models_name_trgm_idx";
  DROP INDEX IF EXISTS "models_search_vector_idx";
  ALTER TABLE "models" DROP COLUMN IF EXISTS "search_vector";
  ALTER TABLE "events" DROP COLUMN "search_vector";
  ALTER TABLE "events" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', coalesce("title", '')), 'A') || setweight(to_tsvector('english', coalesce("short_description", '')), 'B')
    || setweight(to_tsvector('english', coalesce("meta_description", '')), 'C')) STORED;
  CREATE INDEX "events_search_vector_idx" ON "events" USING GIN ("search_vector");`)
}
