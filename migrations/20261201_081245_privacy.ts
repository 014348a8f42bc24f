import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_data_subject_requests_type" AS ENUM('access', 'delete', 'rectify', 'restrict', 'portability');
  CREATE TYPE "public"."enum_data_subject_requests_status" AS ENUM('pending', 'processing', 'completed', 'rejected');
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'retention' BEFORE 'schedulePublish';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'retention' BEFORE 'schedulePublish';
  CREATE TABLE "data_subject_requests" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"user_id" uuid NOT NULL,
  	"type" "enum_data_subject_requests_type" NOT NULL,
  	"status" "enum_data_subject_requests_status" DEFAULT 'pending' NOT NULL,
  	"details" varchar,
  	"submitted_at" timestamp(3) with time zone,
  	"due_at" timestamp(3) with time zone,
  	"completed_at" timestamp(3) with time zone,
  	"handled_by_id" uuid,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "data_subject_requests_id" uuid;
  ALTER TABLE "data_subject_requests" ADD CONSTRAINT "data_subject_requests_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "data_subject_requests" ADD CONSTRAINT "data_subject_requests_handled_by_id_users_id_fk" FOREIGN KEY ("handled_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "data_subject_requests_user_idx" ON "data_subject_requests" USING btree ("user_id");
  CREATE INDEX "data_subject_requests_status_idx" ON "data_subject_requests" USING btree ("status");
  CREATE INDEX "data_subject_requests_due_at_idx" ON "data_subject_requests" USING btree ("due_at");
  CREATE INDEX "data_subject_requests_handled_by_idx" ON "data_subject_requests" USING btree ("handled_by_id");
  CREATE INDEX "data_subject_requests_updated_at_idx" ON "data_subject_requests" USING btree ("updated_at");
  CREATE INDEX "data_subject_requests_created_at_idx" ON "data_subject_requests" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_data_subject_requests_fk" FOREIGN KEY ("data_subject_requests_id") REFERENCES "public"."data_subject_requests"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_data_subject_requests_id_idx" ON "payload_locked_documents_rels" USING btree ("data_subject_requests_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "data_subject_requests" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "data_subject_requests" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_data_subject_requests_fk";
  
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'expireCheckouts', 'rotateFieldEncryption', 'schedulePublish');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'expireCheckouts', 'rotateFieldEncryption', 'schedulePublish');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "payload_locked_documents_rels_data_subject_requests_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "data_subject_requests_id";
  DROP TYPE "public"."enum_data_subject_requests_type";
  DROP TYPE "public"."enum_data_subject_requests_status";`)
}
