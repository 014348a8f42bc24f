import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * Rules from the review (issue 23), kept by the database:
 *
 * - Waitlists keep from public sale only what they can offer (finding 3). `waitlist_offerable`
 *   is what the offer job would hand out of `free` tickets: confirmed entries in line order,
 *   each served when its quantity fits what is left, skipped (keeping its place) when it does
 *   not. `waitlist_public_room` is what the public may hold: `free` less that. One active entry
 *   per e-mail and ticket type now includes `unconfirmed` ones (double opt-in).
 * - `discount_codes.times_used` is the count of its redemptions (finding 6), kept by row
 *   triggers in the changing transaction: an insert takes a use only under `usage_limit` (else
 *   it fails with `discount_used_up`), a delete gives one back. Existing counts are recounted.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  DROP INDEX IF EXISTS "waitlist_entries_one_active";
  CREATE UNIQUE INDEX "waitlist_entries_one_active" ON "waitlist_entries" ("ticket_type_id", "email") WHERE "status" IN ('unconfirmed', 'waiting', 'offered');

  CREATE FUNCTION "waitlist_offerable"(tt uuid, free numeric) RETURNS numeric LANGUAGE plpgsql STABLE AS $fn$
  DECLARE left_over numeric := GREATEST(free, 0); given numeric := 0; q numeric;
  BEGIN
    IF left_over <= 0 THEN RETURN 0; END IF;
    FOR q IN SELECT "quantity" FROM "waitlist_entries" WHERE "ticket_type_id" = tt AND "status" = 'waiting' ORDER BY "seq" LOOP
      IF q <= left_over THEN
        left_over := left_over - q;
        given := given + q;
        EXIT WHEN left_over = 0;
      END IF;
    END LOOP;
    RETURN given;
  END $fn$;

  CREATE FUNCTION "waitlist_public_room"(tt uuid, free numeric) RETURNS numeric LANGUAGE sql STABLE AS $fn$
    SELECT free - CASE WHEN t."waitlist" = 'open' AND t."waitlisted" > 0 THEN "waitlist_offerable"(tt, free) ELSE 0 END
      FROM "ticket_types" t WHERE t."id" = tt
  $fn$;

  UPDATE "discount_codes" dc SET "times_used" = (SELECT count(*) FROM "discount_redemptions" r WHERE r."discount_code_id" = dc."id");

  CREATE FUNCTION "discount_redemptions_take_use"() RETURNS trigger LANGUAGE plpgsql AS $fn$
  BEGIN
    UPDATE "discount_codes" SET "times_used" = COALESCE("times_used", 0) + 1
     WHERE "id" = NEW."discount_code_id" AND ("usage_limit" IS NULL OR COALESCE("times_used", 0) < "usage_limit");
    IF NOT FOUND THEN
      RAISE EXCEPTION 'discount_used_up' USING ERRCODE = 'P0001', HINT = 'discount_used_up';
    END IF;
    RETURN NULL;
  END $fn$;
  CREATE TRIGGER "discount_redemptions_take_use" AFTER INSERT ON "discount_redemptions" FOR EACH ROW EXECUTE FUNCTION "discount_redemptions_take_use"();

  CREATE FUNCTION "discount_redemptions_give_use"() RETURNS trigger LANGUAGE plpgsql AS $fn$
  BEGIN
    UPDATE "discount_codes" SET "times_used" = GREATEST(COALESCE("times_used", 0) - 1, 0) WHERE "id" = OLD."discount_code_id";
    RETURN NULL;
  END $fn$;
  CREATE TRIGGER "discount_redemptions_give_use" AFTER DELETE ON "discount_redemptions" FOR EACH ROW EXECUTE FUNCTION "discount_redemptions_give_use"();
  `)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  DROP TRIGGER IF EXISTS "discount_redemptions_take_use" ON "discount_redemptions";
  DROP TRIGGER IF EXISTS "discount_redemptions_give_use" ON "discount_redemptions";
  DROP FUNCTION IF EXISTS "discount_redemptions_take_use"();
  DROP FUNCTION IF EXISTS "discount_redemptions_give_use"();
  DROP FUNCTION IF EXISTS "waitlist_public_room"(uuid, numeric);
  DROP FUNCTION IF EXISTS "waitlist_offerable"(uuid, numeric);
  DROP INDEX IF EXISTS "waitlist_entries_one_active";
  CREATE UNIQUE INDEX "waitlist_entries_one_active" ON "waitlist_entries" ("ticket_type_id", "email") WHERE "status" IN ('waiting', 'offered');
  `)
}
