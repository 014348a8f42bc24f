import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * Hand-written rules of the seat inventory (src/domain/ticketing/seating.ts):
 * - a held seat names its hold, a sold seat its ticket, and no ticket has two seats;
 * - a hold that ends without an order (released by checkout, the sweep, a failed or cancelled
 *   order, or deleted) gives its held seats back in the same transaction, whatever path ends
 *   it. The seat keeps `hold_id` (its last claimant) so an order paid after its hold lapsed can
 *   take the same seat back if nobody else has; a deleted hold lets go of it entirely.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  ALTER TABLE "event_seats" ADD CONSTRAINT "event_seats_held_has_hold" CHECK ("status" <> 'held' OR "hold_id" IS NOT NULL);
  ALTER TABLE "event_seats" ADD CONSTRAINT "event_seats_sold_has_ticket" CHECK ("status" <> 'sold' OR "ticket_id" IS NOT NULL);
  CREATE UNIQUE INDEX "event_seats_one_per_ticket" ON "event_seats" ("ticket_id") WHERE "ticket_id" IS NOT NULL;
  CREATE INDEX "event_seats_ticket_type_status_idx" ON "event_seats" ("ticket_type_id", "status");

  CREATE FUNCTION "event_seats_free_on_hold_end"() RETURNS trigger LANGUAGE plpgsql AS $fn$
  BEGIN
    IF TG_OP = 'DELETE' THEN
      UPDATE "event_seats" SET "status" = 'available', "updated_at" = now() WHERE "hold_id" = OLD."id" AND "status" = 'held';
      UPDATE "event_seats" SET "hold_id" = NULL WHERE "hold_id" = OLD."id";
      RETURN OLD;
    END IF;
    UPDATE "event_seats" SET "status" = 'available', "updated_at" = now() WHERE "hold_id" = NEW."id" AND "status" = 'held';
    RETURN NEW;
  END $fn$;

  CREATE TRIGGER "event_seats_hold_released" AFTER UPDATE OF "status" ON "holds"
    FOR EACH ROW WHEN (OLD."status" = 'active' AND NEW."status" = 'released') EXECUTE FUNCTION "event_seats_free_on_hold_end"();
  CREATE TRIGGER "event_seats_hold_deleted" BEFORE DELETE ON "holds"
    FOR EACH ROW EXECUTE FUNCTION "event_seats_free_on_hold_end"();`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  DROP TRIGGER IF EXISTS "event_seats_hold_deleted" ON "holds";
  DROP TRIGGER IF EXISTS "event_seats_hold_released" ON "holds";
  DROP FUNCTION IF EXISTS "event_seats_free_on_hold_end"();
  DROP INDEX IF EXISTS "event_seats_ticket_type_status_idx";
  DROP INDEX IF EXISTS "event_seats_one_per_ticket";
  ALTER TABLE "event_seats" DROP CONSTRAINT IF EXISTS "event_seats_sold_has_ticket";
  ALTER TABLE "event_seats" DROP CONSTRAINT IF EXISTS "event_seats_held_has_hold";`)
}
