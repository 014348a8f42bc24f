import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * Fashion invariants and the design's indexes that Payload cannot declare. A person has one
 * model profile; a designer account may run several labels, so designers are not unique per user.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  CREATE UNIQUE INDEX "fashion_item_images_one_primary" ON "fashion_item_images" ("item_id") WHERE "is_primary";
  CREATE UNIQUE INDEX "models_one_profile_per_user" ON "models" ("user_id") WHERE "user_id" IS NOT NULL;
  ALTER TABLE "fashion_items" ADD CONSTRAINT "fashion_items_price_range" CHECK ("price_min" IS NULL OR "price_max" IS NULL OR "price_min" <= "price_max");
  ALTER TABLE "runway_shows" ADD CONSTRAINT "runway_shows_attendance_within_capacity" CHECK ("attendance" IS NULL OR "capacity" IS NULL OR "attendance" <= "capacity");
  CREATE INDEX "designers_featured_partial_idx" ON "designers" ("name") WHERE "featured" AND "status" = 'active';
  CREATE INDEX "fashion_collections_season_year_idx" ON "fashion_collections" ("season", "year");
  CREATE INDEX "fashion_collections_designer_release_idx" ON "fashion_collections" ("designer_id", "release_date" DESC NULLS LAST) WHERE "status" = 'published';
  CREATE INDEX "fashion_items_collection_order_idx" ON "fashion_items" ("collection_id", "display_order");
  CREATE INDEX "fashion_item_images_item_order_idx" ON "fashion_item_images" ("item_id", "display_order");
  CREATE INDEX "runway_shows_upcoming_idx" ON "runway_shows" ("show_date") WHERE "status" IN ('scheduled', 'in_progress');
  CREATE INDEX "designers_fts_idx" ON "designers" USING GIN (
    to_tsvector('english', coalesce("name", '') || ' ' || coalesce("brand", '') || ' ' || coalesce("specialty", '') || ' ' || coalesce("bio", '')));
  CREATE INDEX "fashion_collections_fts_idx" ON "fashion_collections" USING GIN (
    to_tsvector('english', coalesce("name", '') || ' ' || coalesce("description", '') || ' ' || coalesce("inspiration", '') || ' ' || coalesce("show_notes", '')));
  CREATE INDEX "models_fts_idx" ON "models" USING GIN (
    to_tsvector('english', coalesce("name", '') || ' ' || coalesce("agency", '') || ' ' || coalesce("bio", '')));
  `)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  DROP INDEX IF EXISTS "models_fts_idx";
  DROP INDEX IF EXISTS "fashion_collections_fts_idx";
  DROP INDEX IF EXISTS "designers_fts_idx";
  DROP INDEX IF EXISTS "runway_shows_upcoming_idx";
  DROP INDEX IF EXISTS "fashion_item_images_item_order_idx";
  DROP INDEX IF EXISTS "fashion_items_collection_order_idx";
  DROP INDEX IF EXISTS "fashion_collections_designer_release_idx";
  DROP INDEX IF EXISTS "fashion_collections_season_year_idx";
  DROP INDEX IF EXISTS "designers_featured_partial_idx";
  ALTER TABLE "runway_shows" DROP CONSTRAINT IF EXISTS "runway_shows_attendance_within_capacity";
  ALTER TABLE "fashion_items" DROP CONSTRAINT IF EXISTS "fashion_items_price_range";
  DROP INDEX IF EXISTS "models_one_profile_per_user";
  DROP INDEX IF EXISTS "fashion_item_images_one_primary";
  `)
}
