import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/** Hand-written: verification tokens are looked up by their hash; only unconfirmed accounts carry one. */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  CREATE UNIQUE INDEX "users_verification_token_hash_idx" ON "users" ("verification_token_hash") WHERE "verification_token_hash" IS NOT NULL;`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`DROP INDEX IF EXISTS "users_verification_token_hash_idx";`)
}
