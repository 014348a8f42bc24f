import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * What Payload's schema cannot declare: CHECK constraints that back the collection
 * validators, the one-homepage partial unique index, full-text GIN indexes on
 * to_tsvector(...) for events, venues, pages and media, a trigram index on user names,
 * and the composite/partial btrees the design lists for event listings.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  CREATE EXTENSION IF NOT EXISTS pg_trgm;

  ALTER TABLE "events" ADD CONSTRAINT "events_end_after_start" CHECK ("end_date" > "start_date");
  ALTER TABLE "events" ADD CONSTRAINT "events_attendance_within_capacity"
    CHECK ("capacity" IS NULL OR "current_attendance" IS NULL OR "current_attendance" <= "capacity");
  ALTER TABLE "events" ADD CONSTRAINT "events_capacity_not_negative" CHECK ("capacity" IS NULL OR "capacity" >= 0);
  ALTER TABLE "event_schedules" ADD CONSTRAINT "event_schedules_end_after_start" CHECK ("end_time" > "start_time");
  ALTER TABLE "venues" ADD CONSTRAINT "venues_latitude_range" CHECK ("latitude" IS NULL OR "latitude" BETWEEN -90 AND 90);
  ALTER TABLE "venues" ADD CONSTRAINT "venues_longitude_range" CHECK ("longitude" IS NULL OR "longitude" BETWEEN -180 AND 180);
  ALTER TABLE "venues" ADD CONSTRAINT "venues_capacity_not_negative" CHECK ("capacity" IS NULL OR "capacity" >= 0);
  ALTER TABLE "venue_sections" ADD CONSTRAINT "venue_sections_capacity_not_negative" CHECK ("capacity" >= 0);

  CREATE UNIQUE INDEX "pages_one_homepage" ON "pages" ("is_homepage") WHERE "is_homepage";

  CREATE INDEX "events_status_start_date_idx" ON "events" ("status", "start_date");
  CREATE INDEX "events_date_range_idx" ON "events" ("start_date", "end_date");
  CREATE INDEX "events_featured_partial_idx" ON "events" ("start_date") WHERE "featured";
  CREATE INDEX "venues_city_country_idx" ON "venues" ("city", "country");

  CREATE INDEX "events_fts_idx" ON "events" USING GIN (
    to_tsvector('english', coalesce("title", '') || ' ' || coalesce("short_description", '') || ' ' || coalesce("meta_description", '')));
  CREATE INDEX "venues_fts_idx" ON "venues" USING GIN (
    to_tsvector('english', coalesce("name", '') || ' ' || coalesce("description", '') || ' ' || coalesce("address", '') || ' ' ||
      coalesce("city", '') || ' ' || coalesce("country", '')));
  CREATE INDEX "pages_fts_idx" ON "pages" USING GIN (
    to_tsvector('english', coalesce("title", '') || ' ' || coalesce("meta_title", '') || ' ' || coalesce("meta_description", '')));
  CREATE INDEX "media_fts_idx" ON "media" USING GIN (
    to_tsvector('english', coalesce("filename", '') || ' ' || coalesce("alt", '') || ' ' || coalesce("caption", '')));
  CREATE INDEX "users_full_name_trgm_idx" ON "users" USING GIN ("full_name" gin_trgm_ops);
  `)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  DROP INDEX IF EXISTS "users_full_name_trgm_idx";
  DROP INDEX IF EXISTS "media_fts_idx";
  DROP INDEX IF EXISTS "pages_fts_idx";
  DROP INDEX IF EXISTS "venues_fts_idx";
  DROP INDEX IF EXISTS "events_fts_idx";
  DROP INDEX IF EXISTS "venues_city_country_idx";
  DROP INDEX IF EXISTS "events_featured_partial_idx";
  DROP INDEX IF EXISTS "events_date_range_idx";
  DROP INDEX IF EXISTS "events_status_start_date_idx";
  DROP INDEX IF EXISTS "pages_one_homepage";
  ALTER TABLE "venue_sections" DROP CONSTRAINT IF EXISTS "venue_sections_capacity_not_negative";
  ALTER TABLE "venues" DROP CONSTRAINT IF EXISTS "venues_capacity_not_negative";
  ALTER TABLE "venues" DROP CONSTRAINT IF EXISTS "venues_longitude_range";
  ALTER TABLE "venues" DROP CONSTRAINT IF EXISTS "venues_latitude_range";
  ALTER TABLE "event_schedules" DROP CONSTRAINT IF EXISTS "event_schedules_end_after_start";
  ALTER TABLE "events" DROP CONSTRAINT IF EXISTS "events_capacity_not_negative";
  ALTER TABLE "events" DROP CONSTRAINT IF EXISTS "events_attendance_within_capacity";
  ALTER TABLE "events" DROP CONSTRAINT IF EXISTS "events_end_after_start";
  `)
}
