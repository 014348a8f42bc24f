import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/** Hand-written: backfills for the refund model, CHECKs on refunded amounts, partial indexes for the sweeps. */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  -- Existing tickets get their share of their line's price; orders refunded before this change are refunded in full.
  UPDATE "tickets" t SET "price" = floor(oi."final_price" / GREATEST(oi."quantity", 1)) FROM "order_items" oi WHERE oi."id" = t."order_item_id";
  UPDATE "orders" SET "refunded_amount" = "total" WHERE "status" = 'refunded';
  ALTER TABLE "orders" ADD CONSTRAINT "orders_refunded_within_total" CHECK ("refunded_amount" >= 0 AND "refunded_amount" <= "total");
  ALTER TABLE "refunds" ADD CONSTRAINT "refunds_amount_positive" CHECK ("amount" > 0);
  -- The expiry sweep and the outbox workers look up due rows by these.
  CREATE INDEX "orders_unpaid_expiry_idx" ON "orders" ("expires_at") WHERE "status" IN ('pending', 'processing');
  CREATE INDEX "notifications_due_idx" ON "notifications" ("next_attempt_at") WHERE "status" = 'pending';
  CREATE INDEX "refunds_pending_idx" ON "refunds" ("created_at") WHERE "status" = 'pending';`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  DROP INDEX IF EXISTS "refunds_pending_idx";
  DROP INDEX IF EXISTS "notifications_due_idx";
  DROP INDEX IF EXISTS "orders_unpaid_expiry_idx";
  ALTER TABLE "refunds" DROP CONSTRAINT IF EXISTS "refunds_amount_positive";
  ALTER TABLE "orders" DROP CONSTRAINT IF EXISTS "orders_refunded_within_total";`)
}
