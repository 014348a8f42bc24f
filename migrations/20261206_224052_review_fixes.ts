import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_waitlist_entries_status" ADD VALUE 'unconfirmed' BEFORE 'waiting';
  ALTER TYPE "public"."enum_orders_status" ADD VALUE 'refund_failed';
  ALTER TYPE "public"."enum_notifications_kind" ADD VALUE 'waitlist_confirm';
  ALTER TYPE "public"."enum_notifications_kind" ADD VALUE 'email_change_confirm';
  ALTER TYPE "public"."enum_notifications_kind" ADD VALUE 'email_change_notice';
  ALTER TYPE "public"."enum_notifications_kind" ADD VALUE 'refund_failed';
  ALTER TYPE "public"."enum_notifications_kind" ADD VALUE 'guest_data_link';
  ALTER TABLE "users" ADD COLUMN "pending_email" varchar;
  ALTER TABLE "users" ADD COLUMN "email_change_token_hash" varchar;
  ALTER TABLE "users" ADD COLUMN "email_change_sent_at" timestamp(3) with time zone;
  ALTER TABLE "waitlist_entries" ADD COLUMN "confirm_token_hash" varchar;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "waitlist_entries" ALTER COLUMN "status" SET DATA TYPE text;
  ALTER TABLE "waitlist_entries" ALTER COLUMN "status" SET DEFAULT 'waiting'::text;
  DROP TYPE "public"."enum_waitlist_entries_status";
  CREATE TYPE "public"."enum_waitlist_entries_status" AS ENUM('waiting', 'offered', 'claimed', 'lapsed', 'left', 'closed');
  ALTER TABLE "waitlist_entries" ALTER COLUMN "status" SET DEFAULT 'waiting'::"public"."enum_waitlist_entries_status";
  ALTER TABLE "waitlist_entries" ALTER COLUMN "status" SET DATA TYPE "public"."enum_waitlist_entries_status" USING "status"::"public"."enum_waitlist_entries_status";
  ALTER TABLE "orders" ALTER COLUMN "status" SET DATA TYPE text;
  ALTER TABLE "orders" ALTER COLUMN "status" SET DEFAULT 'pending'::text;
  DROP TYPE "public"."enum_orders_status";
  CREATE TYPE "public"."enum_orders_status" AS ENUM('pending', 'processing', 'completed', 'partially_refunded', 'refunded', 'cancelled', 'failed', 'refunded_unfulfilled');
  ALTER TABLE "orders" ALTER COLUMN "status" SET DEFAULT 'pending'::"public"."enum_orders_status";
  ALTER TABLE "orders" ALTER COLUMN "status" SET DATA TYPE "public"."enum_orders_status" USING "status"::"public"."enum_orders_status";
  ALTER TABLE "notifications" ALTER COLUMN "kind" SET DATA TYPE text;
  DROP TYPE "public"."enum_notifications_kind";
  CREATE TYPE "public"."enum_notifications_kind" AS ENUM('order_confirmation', 'order_unfulfilled', 'organizer_unfulfilled', 'organizer_dispute', 'event_cancelled', 'waitlist_offer', 'waitlist_closed', 'event_reminder', 'event_changed', 'verify_email');
  ALTER TABLE "notifications" ALTER COLUMN "kind" SET DATA TYPE "public"."enum_notifications_kind" USING "kind"::"public"."enum_notifications_kind";
  ALTER TABLE "users" DROP COLUMN "pending_email";
  ALTER TABLE "users" DROP COLUMN "email_change_token_hash";
  ALTER TABLE "users" DROP COLUMN "email_change_sent_at";
  ALTER TABLE "waitlist_entries" DROP COLUMN "confirm_token_hash";`)
}
