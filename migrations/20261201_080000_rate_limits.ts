import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/** Shared rate-limit counters (one row per key per minute: bucket = "<key>@<minute>") and the indexes usage logs and keys are queried by. */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  CREATE TABLE "rate_limit_counters" (
    "bucket" varchar PRIMARY KEY NOT NULL,
    "window_start" timestamptz NOT NULL,
    "count" integer NOT NULL DEFAULT 0
  );
  CREATE INDEX "rate_limit_counters_window_idx" ON "rate_limit_counters" ("window_start");
  CREATE INDEX "usage_logs_prefix_created_idx" ON "usage_logs" ("key_prefix", "created_at");
  `)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  DROP INDEX IF EXISTS "usage_logs_prefix_created_idx";
  DROP TABLE IF EXISTS "rate_limit_counters";
  `)
}
