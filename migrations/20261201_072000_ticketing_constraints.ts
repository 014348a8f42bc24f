import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * The ticketing invariants the database itself keeps, whatever code runs: sold stays within
 * capacity, a code is never used past its limit, order lines add up, one use per buyer
 * where the code says so, one processed record per provider event; plus the partial index
 * that makes "unexpired holds of a ticket type" cheap to sum.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  ALTER TABLE "ticket_types" ADD CONSTRAINT "ticket_types_sold_within_capacity" CHECK ("sold" IS NOT NULL AND "sold" >= 0 AND "sold" <= "capacity");
  ALTER TABLE "ticket_types" ADD CONSTRAINT "ticket_types_price_not_negative" CHECK ("price" >= 0 AND "price" = trunc("price"));
  ALTER TABLE "ticket_types" ADD CONSTRAINT "ticket_types_sale_window" CHECK ("sale_end" IS NULL OR "sale_start" IS NULL OR "sale_end" > "sale_start");
  ALTER TABLE "discount_codes" ADD CONSTRAINT "discount_codes_within_limit" CHECK ("times_used" IS NOT NULL AND "times_used" >= 0 AND ("usage_limit" IS NULL OR "times_used" <= "usage_limit"));
  ALTER TABLE "discount_codes" ADD CONSTRAINT "discount_codes_percentage_max_100" CHECK ("kind" <> 'percentage' OR "value" <= 100);
  ALTER TABLE "order_items" ADD CONSTRAINT "order_items_final_price" CHECK ("final_price" = "subtotal" - "discount" AND "final_price" >= 0);
  ALTER TABLE "orders" ADD CONSTRAINT "orders_total_not_negative" CHECK ("total" >= 0 AND "discount" <= "subtotal");
  ALTER TABLE "holds" ADD CONSTRAINT "holds_quantity_positive" CHECK ("quantity" > 0);

  CREATE UNIQUE INDEX "discount_redemptions_one_per_buyer" ON "discount_redemptions" ("discount_code_id", "buyer_key");
  CREATE UNIQUE INDEX "orders_payment_intent_unique" ON "orders" ("payment_intent_id") WHERE "payment_intent_id" IS NOT NULL;
  CREATE INDEX "holds_active_by_ticket_type" ON "holds" ("ticket_type_id", "expires_at") WHERE "status" = 'active';
  CREATE INDEX "orders_event_status_created_idx" ON "orders" ("event_id", "status", "created_at");
  `)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  DROP INDEX IF EXISTS "orders_event_status_created_idx";
  DROP INDEX IF EXISTS "holds_active_by_ticket_type";
  DROP INDEX IF EXISTS "orders_payment_intent_unique";
  DROP INDEX IF EXISTS "discount_redemptions_one_per_buyer";
  ALTER TABLE "holds" DROP CONSTRAINT IF EXISTS "holds_quantity_positive";
  ALTER TABLE "orders" DROP CONSTRAINT IF EXISTS "orders_total_not_negative";
  ALTER TABLE "order_items" DROP CONSTRAINT IF EXISTS "order_items_final_price";
  ALTER TABLE "discount_codes" DROP CONSTRAINT IF EXISTS "discount_codes_percentage_max_100";
  ALTER TABLE "discount_codes" DROP CONSTRAINT IF EXISTS "discount_codes_within_limit";
  ALTER TABLE "ticket_types" DROP CONSTRAINT IF EXISTS "ticket_types_sale_window";
  ALTER TABLE "ticket_types" DROP CONSTRAINT IF EXISTS "ticket_types_price_not_negative";
  ALTER TABLE "ticket_types" DROP CONSTRAINT IF EXISTS "ticket_types_sold_within_capacity";
  `)
}
