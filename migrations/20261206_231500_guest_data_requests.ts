import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * Guests' data by e-mailed link (src/domain/privacy/guestData.ts): one row a request, the link's
 * token stored as its SHA-256 only. The platform's own table, outside Payload's collections.
 * Existing e-mail changes: none can be pending (the columns are new), nothing to carry.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  CREATE TABLE "guest_data_requests" (
    "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
    "email" varchar NOT NULL,
    "token_hash" varchar NOT NULL,
    "created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
    "used_at" timestamp(3) with time zone
  );
  CREATE UNIQUE INDEX "guest_data_requests_token_idx" ON "guest_data_requests" ("token_hash");
  CREATE INDEX "guest_data_requests_created_idx" ON "guest_data_requests" ("created_at");
  `)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`DROP TABLE IF EXISTS "guest_data_requests";`)
}
