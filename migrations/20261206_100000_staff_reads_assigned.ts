import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * Door staff read the tickets of the events they are assigned to, not every event's (review
 * finding 8): the `staff` role trades `tickets:read` for `tickets:read-assigned`. A staff role an
 * administrator changed keeps its other permissions; start-up (ensureAccessModel) would create
 * the permission too, but an existing role is not re-granted there, so it is done here.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  INSERT INTO "permissions" ("name", "resource", "action")
    SELECT 'tickets:read-assigned', 'tickets', 'read-assigned'
     WHERE NOT EXISTS (SELECT 1 FROM "permissions" WHERE "name" = 'tickets:read-assigned');
  DELETE FROM "roles_rels" rr USING "roles" r, "permissions" p
   WHERE rr."parent_id" = r."id" AND rr."permissions_id" = p."id" AND rr."path" = 'permissions'
     AND r."name" = 'staff' AND p."name" = 'tickets:read';
  INSERT INTO "roles_rels" ("order", "parent_id", "path", "permissions_id")
    SELECT COALESCE((SELECT max("order") FROM "roles_rels" WHERE "parent_id" = r."id"), 0) + 1, r."id", 'permissions', p."id"
      FROM "roles" r, "permissions" p
     WHERE r."name" = 'staff' AND p."name" = 'tickets:read-assigned'
       AND NOT EXISTS (SELECT 1 FROM "roles_rels" x WHERE x."parent_id" = r."id" AND x."permissions_id" = p."id");
  `)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  DELETE FROM "roles_rels" rr USING "roles" r, "permissions" p
   WHERE rr."parent_id" = r."id" AND rr."permissions_id" = p."id" AND r."name" = 'staff' AND p."name" = 'tickets:read-assigned';
  INSERT INTO "roles_rels" ("order", "parent_id", "path", "permissions_id")
    SELECT 1, r."id", 'permissions', p."id" FROM "roles" r, "permissions" p WHERE r."name" = 'staff' AND p."name" = 'tickets:read';
  `)
}
