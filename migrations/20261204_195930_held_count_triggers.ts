import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * Hand-written: `ticket_types.held` is the quantity of every hold whose status is 'active'
 * (expired or not), kept by statement-level triggers on holds in the same transaction as the
 * change, so no code path (checkout, payment events, the expiry job, an admin, psql) can make
 * it drift. The triggers touch ticket types in id order (the fixed lock order) and skip those
 * whose count does not change. Expired-but-active holds are subtracted at read time through the
 * partial index below, which only ever holds live and not-yet-swept rows.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  UPDATE "ticket_types" tt SET "held" = COALESCE((SELECT SUM(h."quantity") FROM "holds" h WHERE h."ticket_type_id" = tt."id" AND h."status" = 'active'), 0);
  ALTER TABLE "ticket_types" ADD CONSTRAINT "ticket_types_held_nonnegative" CHECK ("held" >= 0);
  -- Payload's column is nullable; a NULL count would hide every hold, so none is stored.
  ALTER TABLE "ticket_types" ADD CONSTRAINT "ticket_types_held_not_null" CHECK ("held" IS NOT NULL);
  CREATE INDEX "holds_active_ticket_type_expires_idx" ON "holds" ("ticket_type_id", "expires_at") INCLUDE ("quantity") WHERE "status" = 'active';

  CREATE FUNCTION "holds_held_apply"(deltas jsonb) RETURNS void LANGUAGE plpgsql AS $fn$
  DECLARE r record;
  BEGIN
    FOR r IN SELECT key::uuid AS id, value::numeric AS delta FROM jsonb_each_text(deltas) WHERE value::numeric <> 0 ORDER BY key::uuid LOOP
      UPDATE "ticket_types" SET "held" = COALESCE("held", 0) + r.delta WHERE "id" = r.id;
    END LOOP;
  END $fn$;

  CREATE FUNCTION "holds_held_after_insert"() RETURNS trigger LANGUAGE plpgsql AS $fn$
  BEGIN
    PERFORM "holds_held_apply"((SELECT jsonb_object_agg(t, q) FROM (SELECT "ticket_type_id"::text AS t, SUM("quantity") AS q FROM new_rows WHERE "status" = 'active' GROUP BY 1) s));
    RETURN NULL;
  END $fn$;

  CREATE FUNCTION "holds_held_after_delete"() RETURNS trigger LANGUAGE plpgsql AS $fn$
  BEGIN
    PERFORM "holds_held_apply"((SELECT jsonb_object_agg(t, -q) FROM (SELECT "ticket_type_id"::text AS t, SUM("quantity") AS q FROM old_rows WHERE "status" = 'active' GROUP BY 1) s));
    RETURN NULL;
  END $fn$;

  CREATE FUNCTION "holds_held_after_update"() RETURNS trigger LANGUAGE plpgsql AS $fn$
  BEGIN
    PERFORM "holds_held_apply"((SELECT jsonb_object_agg(t, q) FROM (
      SELECT t, SUM(q) AS q FROM (
        SELECT "ticket_type_id"::text AS t, "quantity" AS q FROM new_rows WHERE "status" = 'active'
        UNION ALL
        SELECT "ticket_type_id"::text, -"quantity" FROM old_rows WHERE "status" = 'active') d
      GROUP BY t) s));
    RETURN NULL;
  END $fn$;

  CREATE TRIGGER "holds_held_insert" AFTER INSERT ON "holds" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "holds_held_after_insert"();
  CREATE TRIGGER "holds_held_delete" AFTER DELETE ON "holds" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "holds_held_after_delete"();
  CREATE TRIGGER "holds_held_update" AFTER UPDATE ON "holds" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "holds_held_after_update"();`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  DROP TRIGGER IF EXISTS "holds_held_update" ON "holds";
  DROP TRIGGER IF EXISTS "holds_held_delete" ON "holds";
  DROP TRIGGER IF EXISTS "holds_held_insert" ON "holds";
  DROP FUNCTION IF EXISTS "holds_held_after_update"();
  DROP FUNCTION IF EXISTS "holds_held_after_delete"();
  DROP FUNCTION IF EXISTS "holds_held_after_insert"();
  DROP FUNCTION IF EXISTS "holds_held_apply"(jsonb);
  DROP INDEX IF EXISTS "holds_active_ticket_type_expires_idx";
  ALTER TABLE "ticket_types" DROP CONSTRAINT IF EXISTS "ticket_types_held_not_null";
  ALTER TABLE "ticket_types" DROP CONSTRAINT IF EXISTS "ticket_types_held_nonnegative";
`)
}
