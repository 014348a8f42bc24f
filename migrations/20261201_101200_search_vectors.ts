import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * Site search: a weighted tsvector column per searchable table, maintained by PostgreSQL itself
 * (generated, stored), with a GIN index; trigram indexes on titles for the misspelling fallback.
 * Weights: A the title or name, B the short text, C the longer text.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  ALTER TABLE "events" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', coalesce("title", '')), 'A') || setweight(to_tsvector('english', coalesce("short_description", '')), 'B') || setweight(to_tsvector('english', coalesce("meta_description", '')), 'C')) STORED;
  CREATE INDEX "events_search_vector_idx" ON "events" USING GIN ("search_vector");
  CREATE INDEX "events_title_trgm_idx" ON "events" USING GIN ("title" gin_trgm_ops);
  ALTER TABLE "designers" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', coalesce("name", '')), 'A') || setweight(to_tsvector('english', coalesce("brand", '') || ' ' || coalesce("specialty", '')), 'B') || setweight(to_tsvector('english', coalesce("bio", '')), 'C')) STORED;
  CREATE INDEX "designers_search_vector_idx" ON "designers" USING GIN ("search_vector");
  CREATE INDEX "designers_name_trgm_idx" ON "designers" USING GIN ("name" gin_trgm_ops);
  ALTER TABLE "fashion_collections" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', coalesce("name", '')), 'A') || setweight(to_tsvector('english', coalesce("description", '')), 'B') || setweight(to_tsvector('english', coalesce("inspiration", '') || ' ' || coalesce("show_notes", '')), 'C')) STORED;
  CREATE INDEX "fashion_collections_search_vector_idx" ON "fashion_collections" USING GIN ("search_vector");
  CREATE INDEX "fashion_collections_name_trgm_idx" ON "fashion_collections" USING GIN ("name" gin_trgm_ops);
  ALTER TABLE "sponsors" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', coalesce("name", '')), 'A') || setweight(to_tsvector('english', coalesce("industry", '')), 'B') || setweight(to_tsvector('english', coalesce("description", '')), 'C')) STORED;
  CREATE INDEX "sponsors_search_vector_idx" ON "sponsors" USING GIN ("search_vector");
  CREATE INDEX "sponsors_name_trgm_idx" ON "sponsors" USING GIN ("name" gin_trgm_ops);
  ALTER TABLE "venues" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', coalesce("name", '')), 'A') || setweight(to_tsvector('english', coalesce("city", '') || ' ' || coalesce("country", '')), 'B') || setweight(to_tsvector('english', coalesce("description", '')), 'C')) STORED;
  CREATE INDEX "venues_search_vector_idx" ON "venues" USING GIN ("search_vector");
  CREATE INDEX "venues_name_trgm_idx" ON "venues" USING GIN ("name" gin_trgm_ops);
  ALTER TABLE "pages" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', coalesce("title", '')), 'A') || setweight(to_tsvector('english', coalesce("meta_title", '')), 'B') || setweight(to_tsvector('english', coalesce("meta_description", '')), 'C')) STORED;
  CREATE INDEX "pages_search_vector_idx" ON "pages" USING GIN ("search_vector");
  CREATE INDEX "pages_title_trgm_idx" ON "pages" USING GIN ("title" gin_trgm_ops);
  `)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  DROP INDEX IF EXISTS "pages_title_trgm_idx";
  DROP INDEX IF EXISTS "pages_search_vector_idx";
  ALTER TABLE "pages" DROP COLUMN IF EXISTS "search_vector";
  DROP INDEX IF EXISTS "venues_name_trgm_idx";
  DROP INDEX IF EXISTS "venues_search_vector_idx";
  ALTER TABLE "venues" DROP COLUMN IF EXISTS "search_vector";
  DROP INDEX IF EXISTS "sponsors_name_trgm_idx";
  DROP INDEX IF EXISTS "sponsors_search_vector_idx";
  ALTER TABLE "sponsors" DROP COLUMN IF EXISTS "search_vector";
  DROP INDEX IF EXISTS "fashion_collections_name_trgm_idx";
  DROP INDEX IF EXISTS "fashion_collections_search_vector_idx";
  ALTER TABLE "fashion_collections" DROP COLUMN IF EXISTS "search_vector";
  DROP INDEX IF EXISTS "designers_name_trgm_idx";
  DROP INDEX IF EXISTS "designers_search_vector_idx";
  ALTER TABLE "designers" DROP COLUMN IF EXISTS "search_vector";
  DROP INDEX IF EXISTS "events_title_trgm_idx";
  DROP INDEX IF EXISTS "events_search_vector_idx";
  ALTER TABLE "events" DROP COLUMN IF EXISTS "search_vector";
  `)
}
