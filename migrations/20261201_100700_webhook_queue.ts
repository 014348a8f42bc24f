import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/** The delivery queue's index (due work only) and the invariants Payload cannot declare. */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  CREATE INDEX "webhook_deliveries_due_idx" ON "webhook_deliveries" ("next_attempt_at") WHERE "status" IN ('pending', 'retrying');
  CREATE INDEX "webhooks_event_types_value_idx" ON "webhooks_event_types" ("value", "parent_id");
  ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_attempts" CHECK ("attempts" >= 0);
  ALTER TABLE "webhooks" ADD CONSTRAINT "webhooks_url_scheme" CHECK ("url" ~ '^https?://');
  `)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  ALTER TABLE "webhooks" DROP CONSTRAINT IF EXISTS "webhooks_url_scheme";
  ALTER TABLE "webhook_deliveries" DROP CONSTRAINT IF EXISTS "webhook_deliveries_attempts";
  DROP INDEX IF EXISTS "webhooks_event_types_value_idx";
  DROP INDEX IF EXISTS "webhook_deliveries_due_idx";
  `)
}
