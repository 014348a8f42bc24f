import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "api_keys" ADD COLUMN "reveal_secret" varchar;
  ALTER TABLE "api_keys" ADD COLUMN "reveal_to" varchar;
  ALTER TABLE "api_keys" ADD COLUMN "reveal_until" timestamp(3) with time zone;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "api_keys" DROP COLUMN "reveal_secret";
  ALTER TABLE "api_keys" DROP COLUMN "reveal_to";
  ALTER TABLE "api_keys" DROP COLUMN "reveal_until";`)
}
