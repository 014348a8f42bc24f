import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_notifications_kind" ADD VALUE 'verify_email';
  ALTER TABLE "users" ADD COLUMN "verification_token_hash" varchar;
  ALTER TABLE "users" ADD COLUMN "verification_sent_at" timestamp(3) with time zone;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "notifications" ALTER COLUMN "kind" SET DATA TYPE text;
  DROP TYPE "public"."enum_notifications_kind";
  CREATE TYPE "public"."enum_notifications_kind" AS ENUM('order_confirmation', 'order_unfulfilled', 'organizer_unfulfilled', 'organizer_dispute', 'event_cancelled', 'waitlist_offer', 'waitlist_closed', 'event_reminder', 'event_changed');
  ALTER TABLE "notifications" ALTER COLUMN "kind" SET DATA TYPE "public"."enum_notifications_kind" USING "kind"::"public"."enum_notifications_kind";
  ALTER TABLE "users" DROP COLUMN "verification_token_hash";
  ALTER TABLE "users" DROP COLUMN "verification_sent_at";`)
}
