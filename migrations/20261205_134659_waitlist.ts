import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_ticket_types_waitlist" AS ENUM('open', 'paused', 'closed');
  CREATE TYPE "public"."enum_waitlist_entries_status" AS ENUM('waiting', 'offered', 'claimed', 'lapsed', 'left', 'closed');
  ALTER TYPE "public"."enum_notifications_kind" ADD VALUE 'waitlist_offer';
  ALTER TYPE "public"."enum_notifications_kind" ADD VALUE 'waitlist_closed';
  ALTER TYPE "public"."enum_webhooks_event_types" ADD VALUE 'waitlist.offered' BEFORE 'event.published';
  ALTER TYPE "public"."enum_webhooks_event_types" ADD VALUE 'waitlist.claimed' BEFORE 'event.published';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'offerWaitlist' BEFORE 'deliverWebhooks';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'offerWaitlist' BEFORE 'deliverWebhooks';
  CREATE TABLE "waitlist_entries" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"seq" numeric,
  	"event_id" uuid NOT NULL,
  	"ticket_type_id" uuid NOT NULL,
  	"email" varchar NOT NULL,
  	"name" varchar NOT NULL,
  	"quantity" numeric NOT NULL,
  	"user_id" uuid,
  	"token_hash" varchar NOT NULL,
  	"status" "enum_waitlist_entries_status" DEFAULT 'waiting' NOT NULL,
  	"offered_at" timestamp(3) with time zone,
  	"offer_expires_at" timestamp(3) with time zone,
  	"offer_checkout" varchar,
  	"claimed_order_id" uuid,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "ticket_types" ADD COLUMN "waitlist" "enum_ticket_types_waitlist" DEFAULT 'open' NOT NULL;
  ALTER TABLE "ticket_types" ADD COLUMN "waitlisted" numeric DEFAULT 0;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "waitlist_entries_id" uuid;
  ALTER TABLE "waitlist_entries" ADD CONSTRAINT "waitlist_entries_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "waitlist_entries" ADD CONSTRAINT "waitlist_entries_ticket_type_id_ticket_types_id_fk" FOREIGN KEY ("ticket_type_id") REFERENCES "public"."ticket_types"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "waitlist_entries" ADD CONSTRAINT "waitlist_entries_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "waitlist_entries" ADD CONSTRAINT "waitlist_entries_claimed_order_id_orders_id_fk" FOREIGN KEY ("claimed_order_id") REFERENCES "public"."orders"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "waitlist_entries_event_idx" ON "waitlist_entries" USING btree ("event_id");
  CREATE INDEX "waitlist_entries_ticket_type_idx" ON "waitlist_entries" USING btree ("ticket_type_id");
  CREATE INDEX "waitlist_entries_email_idx" ON "waitlist_entries" USING btree ("email");
  CREATE INDEX "waitlist_entries_user_idx" ON "waitlist_entries" USING btree ("user_id");
  CREATE INDEX "waitlist_entries_status_idx" ON "waitlist_entries" USING btree ("status");
  CREATE INDEX "waitlist_entries_claimed_order_idx" ON "waitlist_entries" USING btree ("claimed_order_id");
  CREATE INDEX "waitlist_entries_updated_at_idx" ON "waitlist_entries" USING btree ("updated_at");
  CREATE INDEX "waitlist_entries_created_at_idx" ON "waitlist_entries" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_waitlist_entries_fk" FOREIGN KEY ("waitlist_entries_id") REFERENCES "public"."waitlist_entries"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_waitlist_entries_id_idx" ON "payload_locked_documents_rels" USING btree ("waitlist_entries_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "waitlist_entries" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "waitlist_entries" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_waitlist_entries_fk";
  
  ALTER TABLE "notifications" ALTER COLUMN "kind" SET DATA TYPE text;
  DROP TYPE "public"."enum_notifications_kind";
  CREATE TYPE "public"."enum_notifications_kind" AS ENUM('order_confirmation', 'order_unfulfilled', 'organizer_unfulfilled', 'organizer_dispute', 'event_cancelled');
  ALTER TABLE "notifications" ALTER COLUMN "kind" SET DATA TYPE "public"."enum_notifications_kind" USING "kind"::"public"."enum_notifications_kind";
  ALTER TABLE "webhooks_event_types" ALTER COLUMN "value" SET DATA TYPE text;
  DROP TYPE "public"."enum_webhooks_event_types";
  CREATE TYPE "public"."enum_webhooks_event_types" AS ENUM('order.completed', 'order.refunded', 'order.cancelled', 'order.partially_refunded', 'order.refunded_unfulfilled', 'order.disputed', 'ticket.checked_in', 'event.published', 'event.updated', 'event.cancelled', 'designer.published', 'sponsorship.approved', 'events.created', 'events.updated', 'events.deleted', 'venues.created', 'venues.updated', 'venues.deleted', 'ticket-types.created', 'ticket-types.updated', 'ticket-types.deleted', 'sponsors.created', 'sponsors.updated', 'sponsors.deleted', 'fashion-collections.created', 'fashion-collections.updated', 'fashion-collections.deleted', 'webhook.test');
  ALTER TABLE "webhooks_event_types" ALTER COLUMN "value" SET DATA TYPE "public"."enum_webhooks_event_types" USING "value"::"public"."enum_webhooks_event_types";
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'expireCheckouts', 'sendEmailCampaigns', 'sendNotifications', 'sendRefunds', 'cancelEventOrders', 'refreshReportRollups', 'deliverWebhooks', 'rotateFieldEncryption', 'retention', 'schedulePublish');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'expireCheckouts', 'sendEmailCampaigns', 'sendNotifications', 'sendRefunds', 'cancelEventOrders', 'refreshReportRollups', 'deliverWebhooks', 'rotateFieldEncryption', 'retention', 'schedulePublish');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "payload_locked_documents_rels_waitlist_entries_id_idx";
  ALTER TABLE "ticket_types" DROP COLUMN "waitlist";
  ALTER TABLE "ticket_types" DROP COLUMN "waitlisted";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "waitlist_entries_id";
  DROP TYPE "public"."enum_ticket_types_waitlist";
  DROP TYPE "public"."enum_waitlist_entries_status";`)
}
