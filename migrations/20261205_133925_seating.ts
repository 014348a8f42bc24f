import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_event_seats_status" AS ENUM('available', 'held', 'sold', 'blocked');
  CREATE TABLE "event_seats" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"event_id" uuid NOT NULL,
  	"venue_seat_id" uuid,
  	"section_id" uuid,
  	"ticket_type_id" uuid,
  	"section_name" varchar NOT NULL,
  	"row_name" varchar NOT NULL,
  	"seat_number" varchar NOT NULL,
  	"label" varchar NOT NULL,
  	"x" numeric DEFAULT 0 NOT NULL,
  	"y" numeric DEFAULT 0 NOT NULL,
  	"accessible" boolean DEFAULT false,
  	"status" "enum_event_seats_status" DEFAULT 'available' NOT NULL,
  	"hold_id" uuid,
  	"ticket_id" uuid,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "events" ADD COLUMN "seating" boolean DEFAULT false;
  ALTER TABLE "ticket_types" ADD COLUMN "section_price" numeric;
  ALTER TABLE "ticket_types" ADD COLUMN "seat_price" numeric;
  ALTER TABLE "tickets" ADD COLUMN "event_seat_id" uuid;
  ALTER TABLE "tickets" ADD COLUMN "seat_section" varchar;
  ALTER TABLE "tickets" ADD COLUMN "seat_row" varchar;
  ALTER TABLE "tickets" ADD COLUMN "seat_number" varchar;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "event_seats_id" uuid;
  ALTER TABLE "event_seats" ADD CONSTRAINT "event_seats_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "event_seats" ADD CONSTRAINT "event_seats_venue_seat_id_venue_seats_id_fk" FOREIGN KEY ("venue_seat_id") REFERENCES "public"."venue_seats"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "event_seats" ADD CONSTRAINT "event_seats_section_id_venue_sections_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."venue_sections"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "event_seats" ADD CONSTRAINT "event_seats_ticket_type_id_ticket_types_id_fk" FOREIGN KEY ("ticket_type_id") REFERENCES "public"."ticket_types"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "event_seats" ADD CONSTRAINT "event_seats_hold_id_holds_id_fk" FOREIGN KEY ("hold_id") REFERENCES "public"."holds"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "event_seats" ADD CONSTRAINT "event_seats_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "event_seats_event_idx" ON "event_seats" USING btree ("event_id");
  CREATE INDEX "event_seats_venue_seat_idx" ON "event_seats" USING btree ("venue_seat_id");
  CREATE INDEX "event_seats_section_idx" ON "event_seats" USING btree ("section_id");
  CREATE INDEX "event_seats_ticket_type_idx" ON "event_seats" USING btree ("ticket_type_id");
  CREATE INDEX "event_seats_status_idx" ON "event_seats" USING btree ("status");
  CREATE INDEX "event_seats_hold_idx" ON "event_seats" USING btree ("hold_id");
  CREATE INDEX "event_seats_ticket_idx" ON "event_seats" USING btree ("ticket_id");
  CREATE INDEX "event_seats_updated_at_idx" ON "event_seats" USING btree ("updated_at");
  CREATE INDEX "event_seats_created_at_idx" ON "event_seats" USING btree ("created_at");
  CREATE UNIQUE INDEX "event_venueSeat_idx" ON "event_seats" USING btree ("event_id","venue_seat_id");
  ALTER TABLE "tickets" ADD CONSTRAINT "tickets_event_seat_id_event_seats_id_fk" FOREIGN KEY ("event_seat_id") REFERENCES "public"."event_seats"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_event_seats_fk" FOREIGN KEY ("event_seats_id") REFERENCES "public"."event_seats"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "tickets_event_seat_idx" ON "tickets" USING btree ("event_seat_id");
  CREATE INDEX "payload_locked_documents_rels_event_seats_id_idx" ON "payload_locked_documents_rels" USING btree ("event_seats_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "event_seats" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "event_seats" CASCADE;
  ALTER TABLE "tickets" DROP CONSTRAINT "tickets_event_seat_id_event_seats_id_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_event_seats_fk";
  
  DROP INDEX "tickets_event_seat_idx";
  DROP INDEX "payload_locked_documents_rels_event_seats_id_idx";
  ALTER TABLE "events" DROP COLUMN "seating";
  ALTER TABLE "ticket_types" DROP COLUMN "section_price";
  ALTER TABLE "ticket_types" DROP COLUMN "seat_price";
  ALTER TABLE "tickets" DROP COLUMN "event_seat_id";
  ALTER TABLE "tickets" DROP COLUMN "seat_section";
  ALTER TABLE "tickets" DROP COLUMN "seat_row";
  ALTER TABLE "tickets" DROP COLUMN "seat_number";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "event_seats_id";
  DROP TYPE "public"."enum_event_seats_status";`)
}
