import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * Hand-written rules of the waitlists (src/domain/ticketing/waitlist.ts):
 * - `seq` is the line: set from a sequence on insert, so two people joining at once get
 *   distinct places (earlier insert, earlier place);
 * - one active entry (waiting or offered) per e-mail and ticket type;
 * - `ticket_types.waitlisted` is the quantity of every waiting entry, kept by statement-level
 *   triggers in the changing transaction (as `held` is for holds), ticket types touched in id order.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  CREATE SEQUENCE "waitlist_entries_seq_seq";
  UPDATE "waitlist_entries" SET "seq" = nextval('waitlist_entries_seq_seq') WHERE "seq" IS NULL;
  -- Set by a trigger rather than a column default, which the config's schema does not declare.
  CREATE FUNCTION "waitlist_entries_set_seq"() RETURNS trigger LANGUAGE plpgsql AS $fn$
  BEGIN
    NEW."seq" := nextval('waitlist_entries_seq_seq');
    RETURN NEW;
  END $fn$;
  CREATE TRIGGER "waitlist_entries_seq" BEFORE INSERT ON "waitlist_entries" FOR EACH ROW EXECUTE FUNCTION "waitlist_entries_set_seq"();
  ALTER TABLE "waitlist_entries" ADD CONSTRAINT "waitlist_entries_seq_not_null" CHECK ("seq" IS NOT NULL);
  ALTER TABLE "waitlist_entries" ADD CONSTRAINT "waitlist_entries_quantity_positive" CHECK ("quantity" >= 1);
  CREATE UNIQUE INDEX "waitlist_entries_one_active" ON "waitlist_entries" ("ticket_type_id", "email") WHERE "status" IN ('waiting', 'offered');
  CREATE INDEX "waitlist_entries_line_idx" ON "waitlist_entries" ("ticket_type_id", "seq") WHERE "status" IN ('waiting', 'offered');
  CREATE INDEX "waitlist_entries_offer_checkout_idx" ON "waitlist_entries" ("offer_checkout") WHERE "offer_checkout" IS NOT NULL;

  UPDATE "ticket_types" SET "waitlisted" = 0;
  ALTER TABLE "ticket_types" ADD CONSTRAINT "ticket_types_waitlisted_nonnegative" CHECK ("waitlisted" IS NOT NULL AND "waitlisted" >= 0);

  CREATE FUNCTION "waitlist_waitlisted_apply"(deltas jsonb) RETURNS void LANGUAGE plpgsql AS $fn$
  DECLARE r record;
  BEGIN
    FOR r IN SELECT key::uuid AS id, value::numeric AS delta FROM jsonb_each_text(deltas) WHERE value::numeric <> 0 ORDER BY key::uuid LOOP
      UPDATE "ticket_types" SET "waitlisted" = COALESCE("waitlisted", 0) + r.delta WHERE "id" = r.id;
    END LOOP;
  END $fn$;

  CREATE FUNCTION "waitlist_after_insert"() RETURNS trigger LANGUAGE plpgsql AS $fn$
  BEGIN
    PERFORM "waitlist_waitlisted_apply"((SELECT jsonb_object_agg(t, q) FROM (SELECT "ticket_type_id"::text AS t, SUM("quantity") AS q FROM new_rows WHERE "status" = 'waiting' GROUP BY 1) s));
    RETURN NULL;
  END $fn$;

  CREATE FUNCTION "waitlist_after_delete"() RETURNS trigger LANGUAGE plpgsql AS $fn$
  BEGIN
    PERFORM "waitlist_waitlisted_apply"((SELECT jsonb_object_agg(t, -q) FROM (SELECT "ticket_type_id"::text AS t, SUM("quantity") AS q FROM old_rows WHERE "status" = 'waiting' GROUP BY 1) s));
    RETURN NULL;
  END $fn$;

  CREATE FUNCTION "waitlist_after_update"() RETURNS trigger LANGUAGE plpgsql AS $fn$
  BEGIN
    PERFORM "waitlist_waitlisted_apply"((SELECT jsonb_object_agg(t, q) FROM (
      SELECT t, SUM(q) AS q FROM (
        SELECT "ticket_type_id"::text AS t, "quantity" AS q FROM new_rows WHERE "status" = 'waiting'
        UNION ALL
        SELECT "ticket_type_id"::text, -"quantity" FROM old_rows WHERE "status" = 'waiting') d
      GROUP BY t) s));
    RETURN NULL;
  END $fn$;

  CREATE TRIGGER "waitlist_waitlisted_insert" AFTER INSERT ON "waitlist_entries" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "waitlist_after_insert"();
  CREATE TRIGGER "waitlist_waitlisted_delete" AFTER DELETE ON "waitlist_entries" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "waitlist_after_delete"();
  CREATE TRIGGER "waitlist_waitlisted_update" AFTER UPDATE ON "waitlist_entries" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "waitlist_after_update"();`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  DROP TRIGGER IF EXISTS "waitlist_waitlisted_update" ON "waitlist_entries";
  DROP TRIGGER IF EXISTS "waitlist_waitlisted_delete" ON "waitlist_entries";
  DROP TRIGGER IF EXISTS "waitlist_waitlisted_insert" ON "waitlist_entries";
  DROP FUNCTION IF EXISTS "waitlist_after_update"();
  DROP FUNCTION IF EXISTS "waitlist_after_delete"();
  DROP FUNCTION IF EXISTS "waitlist_after_insert"();
  DROP FUNCTION IF EXISTS "waitlist_waitlisted_apply"(jsonb);
  ALTER TABLE "ticket_types" DROP CONSTRAINT IF EXISTS "ticket_types_waitlisted_nonnegative";
  DROP INDEX IF EXISTS "waitlist_entries_offer_checkout_idx";
  DROP INDEX IF EXISTS "waitlist_entries_line_idx";
  DROP INDEX IF EXISTS "waitlist_entries_one_active";
  ALTER TABLE "waitlist_entries" DROP CONSTRAINT IF EXISTS "waitlist_entries_quantity_positive";
  ALTER TABLE "waitlist_entries" DROP CONSTRAINT IF EXISTS "waitlist_entries_seq_not_null";
  DROP TRIGGER IF EXISTS "waitlist_entries_seq" ON "waitlist_entries";
  DROP FUNCTION IF EXISTS "waitlist_entries_set_seq"();
  DROP SEQUENCE IF EXISTS "waitlist_entries_seq_seq";`)
}
