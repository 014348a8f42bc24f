import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * Hand-written: the engagement report's daily rollup (per UTC day, type and source: events and
 * unique people), rebuilt for the days that received rows by the `refreshReportRollups` job, and
 * the rollups' bookkeeping (when each was last refreshed, and up to which insert).
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  CREATE TABLE "engagement_daily" (
    "day" date NOT NULL, "type" varchar NOT NULL, "source" varchar NOT NULL, "total" integer NOT NULL, "unique_people" integer NOT NULL);
  -- A unique index rather than a composite primary key: drizzle's push (the migrations test) cannot introspect the latter.
  CREATE UNIQUE INDEX "engagement_daily_key" ON "engagement_daily" ("day", "type", "source");
  CREATE TABLE "report_rollups" ("name" text PRIMARY KEY, "refreshed_at" timestamptz NOT NULL, "watermark" timestamptz NOT NULL);`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  DROP TABLE IF EXISTS "report_rollups";
  DROP TABLE IF EXISTS "engagement_daily";`)
}
