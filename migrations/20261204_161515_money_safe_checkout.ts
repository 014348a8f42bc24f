import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_events_cancellation_status" AS ENUM('refunding', 'done');
  CREATE TYPE "public"."enum_orders_dispute_status" AS ENUM('warning_needs_response', 'warning_under_review', 'warning_closed', 'needs_response', 'under_review', 'won', 'lost', 'prevented');
  CREATE TYPE "public"."enum_refunds_reason" AS ENUM('requested', 'event_cancelled', 'unfulfilled', 'provider', 'dispute_lost');
  CREATE TYPE "public"."enum_refunds_status" AS ENUM('pending', 'succeeded', 'failed');
  CREATE TYPE "public"."enum_notifications_kind" AS ENUM('order_confirmation', 'order_unfulfilled', 'organizer_unfulfilled', 'organizer_dispute', 'event_cancelled');
  CREATE TYPE "public"."enum_notifications_status" AS ENUM('pending', 'sent', 'failed');
  ALTER TYPE "public"."enum_webhooks_event_types" ADD VALUE 'order.partially_refunded' BEFORE 'ticket.checked_in';
  ALTER TYPE "public"."enum_webhooks_event_types" ADD VALUE 'order.refunded_unfulfilled' BEFORE 'ticket.checked_in';
  ALTER TYPE "public"."enum_webhooks_event_types" ADD VALUE 'order.disputed' BEFORE 'ticket.checked_in';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'sendNotifications' BEFORE 'deliverWebhooks';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'sendRefunds' BEFORE 'deliverWebhooks';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'cancelEventOrders' BEFORE 'deliverWebhooks';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'sendNotifications' BEFORE 'deliverWebhooks';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'sendRefunds' BEFORE 'deliverWebhooks';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'cancelEventOrders' BEFORE 'deliverWebhooks';
  CREATE TABLE "refunds" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"order_id" uuid NOT NULL,
  	"amount" numeric DEFAULT 0 NOT NULL,
  	"currency" varchar DEFAULT 'EUR' NOT NULL,
  	"reason" "enum_refunds_reason" NOT NULL,
  	"status" "enum_refunds_status" DEFAULT 'pending' NOT NULL,
  	"provider_refund_id" varchar,
  	"requested_by_id" uuid,
  	"attempts" numeric DEFAULT 0,
  	"last_error" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "refunds_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" uuid NOT NULL,
  	"path" varchar NOT NULL,
  	"tickets_id" uuid
  );
  
  CREATE TABLE "notifications" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"kind" "enum_notifications_kind" NOT NULL,
  	"dedupe_key" varchar NOT NULL,
  	"recipient" varchar NOT NULL,
  	"order_id" uuid,
  	"event_id" uuid,
  	"data" jsonb,
  	"status" "enum_notifications_status" DEFAULT 'pending' NOT NULL,
  	"attempts" numeric DEFAULT 0,
  	"next_attempt_at" timestamp(3) with time zone,
  	"locked_until" timestamp(3) with time zone,
  	"last_error" varchar,
  	"sent_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "orders" ALTER COLUMN "status" SET DATA TYPE text;
  ALTER TABLE "orders" ALTER COLUMN "status" SET DEFAULT 'pending'::text;
  DROP TYPE "public"."enum_orders_status";
  CREATE TYPE "public"."enum_orders_status" AS ENUM('pending', 'processing', 'completed', 'partially_refunded', 'refunded', 'cancelled', 'failed', 'refunded_unfulfilled');
  ALTER TABLE "orders" ALTER COLUMN "status" SET DEFAULT 'pending'::"public"."enum_orders_status";
  ALTER TABLE "orders" ALTER COLUMN "status" SET DATA TYPE "public"."enum_orders_status" USING "status"::"public"."enum_orders_status";
  ALTER TABLE "events" ADD COLUMN "buyer_cancellation_hours" numeric;
  ALTER TABLE "events" ADD COLUMN "cancellation_status" "enum_events_cancellation_status";
  ALTER TABLE "events" ADD COLUMN "cancellation_orders" numeric;
  ALTER TABLE "events" ADD COLUMN "cancellation_orders_done" numeric;
  ALTER TABLE "events_rels" ADD COLUMN "users_id" uuid;
  ALTER TABLE "orders" ADD COLUMN "refunded_amount" numeric DEFAULT 0;
  ALTER TABLE "orders" ADD COLUMN "payment_attempts" numeric DEFAULT 0;
  ALTER TABLE "orders" ADD COLUMN "last_payment_error" varchar;
  ALTER TABLE "orders" ADD COLUMN "last_payment_error_at" timestamp(3) with time zone;
  ALTER TABLE "orders" ADD COLUMN "dispute_status" "enum_orders_dispute_status";
  ALTER TABLE "orders" ADD COLUMN "dispute_amount" numeric;
  ALTER TABLE "orders" ADD COLUMN "dispute_reason" varchar;
  ALTER TABLE "discount_codes" ADD COLUMN "organizer_id" uuid;
  ALTER TABLE "tickets" ADD COLUMN "price" numeric DEFAULT 0;
  ALTER TABLE "payment_events" ADD COLUMN "amount" numeric;
  ALTER TABLE "payment_events" ADD COLUMN "detail" varchar;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "refunds_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "notifications_id" uuid;
  ALTER TABLE "refunds" ADD CONSTRAINT "refunds_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "refunds" ADD CONSTRAINT "refunds_requested_by_id_users_id_fk" FOREIGN KEY ("requested_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "refunds_rels" ADD CONSTRAINT "refunds_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."refunds"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "refunds_rels" ADD CONSTRAINT "refunds_rels_tickets_fk" FOREIGN KEY ("tickets_id") REFERENCES "public"."tickets"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "notifications" ADD CONSTRAINT "notifications_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "notifications" ADD CONSTRAINT "notifications_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "refunds_order_idx" ON "refunds" USING btree ("order_id");
  CREATE INDEX "refunds_status_idx" ON "refunds" USING btree ("status");
  CREATE INDEX "refunds_provider_refund_id_idx" ON "refunds" USING btree ("provider_refund_id");
  CREATE INDEX "refunds_requested_by_idx" ON "refunds" USING btree ("requested_by_id");
  CREATE INDEX "refunds_updated_at_idx" ON "refunds" USING btree ("updated_at");
  CREATE INDEX "refunds_created_at_idx" ON "refunds" USING btree ("created_at");
  CREATE INDEX "refunds_rels_order_idx" ON "refunds_rels" USING btree ("order");
  CREATE INDEX "refunds_rels_parent_idx" ON "refunds_rels" USING btree ("parent_id");
  CREATE INDEX "refunds_rels_path_idx" ON "refunds_rels" USING btree ("path");
  CREATE INDEX "refunds_rels_tickets_id_idx" ON "refunds_rels" USING btree ("tickets_id");
  CREATE INDEX "notifications_kind_idx" ON "notifications" USING btree ("kind");
  CREATE UNIQUE INDEX "notifications_dedupe_key_idx" ON "notifications" USING btree ("dedupe_key");
  CREATE INDEX "notifications_order_idx" ON "notifications" USING btree ("order_id");
  CREATE INDEX "notifications_event_idx" ON "notifications" USING btree ("event_id");
  CREATE INDEX "notifications_status_idx" ON "notifications" USING btree ("status");
  CREATE INDEX "notifications_next_attempt_at_idx" ON "notifications" USING btree ("next_attempt_at");
  CREATE INDEX "notifications_updated_at_idx" ON "notifications" USING btree ("updated_at");
  CREATE INDEX "notifications_created_at_idx" ON "notifications" USING btree ("created_at");
  ALTER TABLE "events_rels" ADD CONSTRAINT "events_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "discount_codes" ADD CONSTRAINT "discount_codes_organizer_id_users_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_refunds_fk" FOREIGN KEY ("refunds_id") REFERENCES "public"."refunds"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_notifications_fk" FOREIGN KEY ("notifications_id") REFERENCES "public"."notifications"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "events_rels_users_id_idx" ON "events_rels" USING btree ("users_id");
  CREATE INDEX "discount_codes_organizer_idx" ON "discount_codes" USING btree ("organizer_id");
  CREATE INDEX "payload_locked_documents_rels_refunds_id_idx" ON "payload_locked_documents_rels" USING btree ("refunds_id");
  CREATE INDEX "payload_locked_documents_rels_notifications_id_idx" ON "payload_locked_documents_rels" USING btree ("notifications_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "refunds" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "refunds_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "notifications" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "refunds" CASCADE;
  DROP TABLE "refunds_rels" CASCADE;
  DROP TABLE "notifications" CASCADE;
  ALTER TABLE "events_rels" DROP CONSTRAINT "events_rels_users_fk";
  
  ALTER TABLE "discount_codes" DROP CONSTRAINT "discount_codes_organizer_id_users_id_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_refunds_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_notifications_fk";
  
  ALTER TABLE "orders" ALTER COLUMN "status" SET DATA TYPE text;
  ALTER TABLE "orders" ALTER COLUMN "status" SET DEFAULT 'pending'::text;
  DROP TYPE "public"."enum_orders_status";
  CREATE TYPE "public"."enum_orders_status" AS ENUM('pending', 'processing', 'completed', 'cancelled', 'refunded', 'failed');
  ALTER TABLE "orders" ALTER COLUMN "status" SET DEFAULT 'pending'::"public"."enum_orders_status";
  ALTER TABLE "orders" ALTER COLUMN "status" SET DATA TYPE "public"."enum_orders_status" USING "status"::"public"."enum_orders_status";
  ALTER TABLE "webhooks_event_types" ALTER COLUMN "value" SET DATA TYPE text;
  DROP TYPE "public"."enum_webhooks_event_types";
  CREATE TYPE "public"."enum_webhooks_event_types" AS ENUM('order.completed', 'order.refunded', 'order.cancelled', 'ticket.checked_in', 'event.published', 'event.updated', 'event.cancelled', 'designer.published', 'sponsorship.approved', 'events.created', 'events.updated', 'events.deleted', 'venues.created', 'venues.updated', 'venues.deleted', 'ticket-types.created', 'ticket-types.updated', 'ticket-types.deleted', 'sponsors.created', 'sponsors.updated', 'sponsors.deleted', 'fashion-collections.created', 'fashion-collections.updated', 'fashion-collections.deleted', 'webhook.test');
  ALTER TABLE "webhooks_event_types" ALTER COLUMN "value" SET DATA TYPE "public"."enum_webhooks_event_types" USING "value"::"public"."enum_webhooks_event_types";
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'expireCheckouts', 'sendEmailCampaigns', 'deliverWebhooks', 'rotateFieldEncryption', 'retention', 'schedulePublish');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'expireCheckouts', 'sendEmailCampaigns', 'deliverWebhooks', 'rotateFieldEncryption', 'retention', 'schedulePublish');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "events_rels_users_id_idx";
  DROP INDEX "discount_codes_organizer_idx";
  DROP INDEX "payload_locked_documents_rels_refunds_id_idx";
  DROP INDEX "payload_locked_documents_rels_notifications_id_idx";
  ALTER TABLE "events" DROP COLUMN "buyer_cancellation_hours";
  ALTER TABLE "events" DROP COLUMN "cancellation_status";
  ALTER TABLE "events" DROP COLUMN "cancellation_orders";
  ALTER TABLE "events" DROP COLUMN "cancellation_orders_done";
  ALTER TABLE "events_rels" DROP COLUMN "users_id";
  ALTER TABLE "orders" DROP COLUMN "refunded_amount";
  ALTER TABLE "orders" DROP COLUMN "payment_attempts";
  ALTER TABLE "orders" DROP COLUMN "last_payment_error";
  ALTER TABLE "orders" DROP COLUMN "last_payment_error_at";
  ALTER TABLE "orders" DROP COLUMN "dispute_status";
  ALTER TABLE "orders" DROP COLUMN "dispute_amount";
  ALTER TABLE "orders" DROP COLUMN "dispute_reason";
  ALTER TABLE "discount_codes" DROP COLUMN "organizer_id";
  ALTER TABLE "tickets" DROP COLUMN "price";
  ALTER TABLE "payment_events" DROP COLUMN "amount";
  ALTER TABLE "payment_events" DROP COLUMN "detail";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "refunds_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "notifications_id";
  DROP TYPE "public"."enum_events_cancellation_status";
  DROP TYPE "public"."enum_orders_dispute_status";
  DROP TYPE "public"."enum_refunds_reason";
  DROP TYPE "public"."enum_refunds_status";
  DROP TYPE "public"."enum_notifications_kind";
  DROP TYPE "public"."enum_notifications_status";`)
}
