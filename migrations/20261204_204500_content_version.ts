import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * Hand-written: one content version for the public reads' caches (src/db/contentCache.ts). Any
 * insert, update or delete of published-content tables bumps it in the changing transaction,
 * at commit (a deferred constraint trigger, once per transaction), so the version row is the
 * last lock a writer takes and two writers cannot wait on each other through it. Ticket types
 * bump it for what a page shows (name, price, sale window...), not for `sold`/`held`, which
 * checkout changes on every hold and which the pages read live.
 */
const TABLES = [
  'events', 'events_rels', 'events_texts', 'event_schedules', 'event_categories', 'venues', 'venues_rels', 'venues_texts', 'media',
  'media_texts', 'ticket_types_texts', 'sponsors', 'sponsorships', 'sponsorship_tiers', 'designers', 'designers_awards',
  'designers_press_mentions', 'designers_social_media', 'fashion_collections', 'fashion_collections_texts', 'fashion_items',
  'fashion_items_texts', 'fashion_item_images', 'models', 'models_rels', 'runway_shows', 'runway_segments', 'runway_appearances',
  'pages', 'pages_rels',
]

export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  CREATE TABLE "content_version" ("id" boolean PRIMARY KEY DEFAULT true CHECK ("id"), "version" bigint NOT NULL, "changed_at" timestamptz NOT NULL DEFAULT now());
  INSERT INTO "content_version" ("version") VALUES (1);
  CREATE FUNCTION "content_version_bump"() RETURNS trigger LANGUAGE plpgsql AS $fn$
  BEGIN
    IF current_setting('fashionistas.content_bumped', true) IS DISTINCT FROM 'yes' THEN
      UPDATE "content_version" SET "version" = "version" + 1, "changed_at" = now();
      PERFORM set_config('fashionistas.content_bumped', 'yes', true);
    END IF;
    RETURN NULL;
  END $fn$;
  CREATE CONSTRAINT TRIGGER "content_version_ticket_types" AFTER INSERT OR DELETE OR UPDATE OF "name", "description", "price", "currency", "capacity", "active", "sale_start", "sale_end", "max_per_order", "tier", "event_id"
    ON "ticket_types" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "content_version_bump"();`)
  for (const table of TABLES) {
    await db.execute(
      sql.raw(
        `CREATE CONSTRAINT TRIGGER "content_version_${table}" AFTER INSERT OR UPDATE OR DELETE ON "${table}" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "content_version_bump"();`,
      ),
    )
  }
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  for (const table of [...TABLES, 'ticket_types']) await db.execute(sql.raw(`DROP TRIGGER IF EXISTS "content_version_${table}" ON "${table}";`))
  await db.execute(sql`
  DROP FUNCTION IF EXISTS "content_version_bump"();
  DROP TABLE IF EXISTS "content_version";`)
}
