import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "events" ADD COLUMN "hold_limit" numeric;
  ALTER TABLE "holds" ADD COLUMN "holder_address" varchar;
  ALTER TABLE "holds" ADD COLUMN "holder_user_id" uuid;
  ALTER TABLE "holds" ADD CONSTRAINT "holds_holder_user_id_users_id_fk" FOREIGN KEY ("holder_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "holds_holder_user_idx" ON "holds" USING btree ("holder_user_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "holds" DROP CONSTRAINT "holds_holder_user_id_users_id_fk";
  
  DROP INDEX "holds_holder_user_idx";
  ALTER TABLE "events" DROP COLUMN "hold_limit";
  ALTER TABLE "holds" DROP COLUMN "holder_address";
  ALTER TABLE "holds" DROP COLUMN "holder_user_id";`)
}
