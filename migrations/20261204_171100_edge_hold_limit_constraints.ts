import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/** Hand-written: the hoarding cap's bounds, and the index its count uses (live holds of one address). */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  ALTER TABLE "events" ADD CONSTRAINT "events_hold_limit_range" CHECK ("hold_limit" IS NULL OR ("hold_limit" >= 1 AND "hold_limit" <= 1000 AND "hold_limit" = trunc("hold_limit")));
  CREATE INDEX "holds_active_holder_address_idx" ON "holds" ("holder_address") WHERE "status" = 'active';`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  DROP INDEX IF EXISTS "holds_active_holder_address_idx";
  ALTER TABLE "events" DROP CONSTRAINT IF EXISTS "events_hold_limit_range";`)
}
