import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * Sponsorship and marketing invariants and the design's indexes that Payload cannot declare:
 * day formats, date and price ranges, one benefit per tier, one analytics row per sponsor,
 * event (or none) and day, anonymous engagement only with a session, and the text-search,
 * date-range and work-queue indexes the reports and jobs use.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  ALTER TABLE "sponsor_analytics" ADD CONSTRAINT "sponsor_analytics_day_format" CHECK ("day" ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$');
  ALTER TABLE "campaign_analytics" ADD CONSTRAINT "campaign_analytics_day_format" CHECK ("day" ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$');
  ALTER TABLE "email_analytics" ADD CONSTRAINT "email_analytics_day_format" CHECK ("day" ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$');
  ALTER TABLE "social_analytics" ADD CONSTRAINT "social_analytics_day_format" CHECK ("day" ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$');
  ALTER TABLE "sponsor_analytics" ADD CONSTRAINT "sponsor_analytics_counts" CHECK ("impressions" >= 0 AND "clicks" >= 0 AND "leads" >= 0 AND "conversions" >= 0 AND "roi_cost" >= 0 AND "roi_value" >= 0);
  ALTER TABLE "campaign_analytics" ADD CONSTRAINT "campaign_analytics_counts" CHECK ("impressions" >= 0 AND "clicks" >= 0 AND "conversions" >= 0 AND "revenue" >= 0 AND "cost" >= 0);
  ALTER TABLE "email_analytics" ADD CONSTRAINT "email_analytics_counts" CHECK ("sends" >= 0 AND "opens" >= 0 AND "clicks" >= 0 AND "bounces" >= 0 AND "unsubscribes" >= 0 AND "complaints" >= 0);
  CREATE UNIQUE INDEX "sponsor_analytics_sponsor_event_day" ON "sponsor_analytics" ("sponsor_id", "event_id", "day") NULLS NOT DISTINCT;
  CREATE UNIQUE INDEX "tier_benefits_once_per_tier" ON "tier_benefits" ("_parent_id", "benefit_id");
  ALTER TABLE "sponsorship_tiers" ADD CONSTRAINT "sponsorship_tiers_price_range" CHECK ("min_price" IS NULL OR "max_price" IS NULL OR "min_price" <= "max_price");
  ALTER TABLE "sponsorships" ADD CONSTRAINT "sponsorships_dates" CHECK ("end_date" >= "start_date");
  ALTER TABLE "sponsorships" ADD CONSTRAINT "sponsorships_amount" CHECK ("amount" IS NULL OR "amount" >= 0);
  ALTER TABLE "sponsorships" ADD CONSTRAINT "sponsorships_tier_named" CHECK ("tier_id" IS NOT NULL OR coalesce(btrim("custom_tier_name"), '') <> '');
  ALTER TABLE "marketing_campaigns" ADD CONSTRAINT "marketing_campaigns_dates" CHECK ("end_date" >= "start_date");
  ALTER TABLE "marketing_campaigns" ADD CONSTRAINT "marketing_campaigns_budget" CHECK ("budget" IS NULL OR "budget" >= 0);
  ALTER TABLE "user_engagement" ADD CONSTRAINT "user_engagement_who" CHECK ("user_id" IS NOT NULL OR "session_id" IS NOT NULL);
  CREATE INDEX "sponsorships_date_range_idx" ON "sponsorships" ("start_date", "end_date");
  CREATE INDEX "marketing_campaigns_date_range_idx" ON "marketing_campaigns" ("start_date", "end_date");
  CREATE INDEX "user_engagement_type_source_idx" ON "user_engagement" ("occurred_at", "type", "source");
  CREATE INDEX "discount_redemptions_code_created_idx" ON "discount_redemptions" ("discount_code_id", "created_at") WHERE "status" = 'confirmed';
  CREATE INDEX "email_sends_pending_idx" ON "email_sends" ("email_campaign_id") WHERE "status" = 'pending';
  CREATE INDEX "email_campaigns_due_idx" ON "email_campaigns" ("scheduled_at") WHERE "status" IN ('scheduled', 'sending');
  CREATE INDEX "sponsors_fts_idx" ON "sponsors" USING GIN (
    to_tsvector('english', coalesce("name", '') || ' ' || coalesce("description", '') || ' ' || coalesce("industry", '')));
  CREATE INDEX "marketing_campaigns_fts_idx" ON "marketing_campaigns" USING GIN (
    to_tsvector('english', coalesce("name", '') || ' ' || coalesce("description", '')));
  `)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  DROP INDEX IF EXISTS "marketing_campaigns_fts_idx";
  DROP INDEX IF EXISTS "sponsors_fts_idx";
  DROP INDEX IF EXISTS "email_campaigns_due_idx";
  DROP INDEX IF EXISTS "email_sends_pending_idx";
  DROP INDEX IF EXISTS "discount_redemptions_code_created_idx";
  DROP INDEX IF EXISTS "user_engagement_type_source_idx";
  DROP INDEX IF EXISTS "marketing_campaigns_date_range_idx";
  DROP INDEX IF EXISTS "sponsorships_date_range_idx";
  ALTER TABLE "user_engagement" DROP CONSTRAINT IF EXISTS "user_engagement_who";
  ALTER TABLE "marketing_campaigns" DROP CONSTRAINT IF EXISTS "marketing_campaigns_budget";
  ALTER TABLE "marketing_campaigns" DROP CONSTRAINT IF EXISTS "marketing_campaigns_dates";
  ALTER TABLE "sponsorships" DROP CONSTRAINT IF EXISTS "sponsorships_tier_named";
  ALTER TABLE "sponsorships" DROP CONSTRAINT IF EXISTS "sponsorships_amount";
  ALTER TABLE "sponsorships" DROP CONSTRAINT IF EXISTS "sponsorships_dates";
  ALTER TABLE "sponsorship_tiers" DROP CONSTRAINT IF EXISTS "sponsorship_tiers_price_range";
  DROP INDEX IF EXISTS "tier_benefits_once_per_tier";
  DROP INDEX IF EXISTS "sponsor_analytics_sponsor_event_day";
  ALTER TABLE "email_analytics" DROP CONSTRAINT IF EXISTS "email_analytics_counts";
  ALTER TABLE "campaign_analytics" DROP CONSTRAINT IF EXISTS "campaign_analytics_counts";
  ALTER TABLE "sponsor_analytics" DROP CONSTRAINT IF EXISTS "sponsor_analytics_counts";
  ALTER TABLE "social_analytics" DROP CONSTRAINT IF EXISTS "social_analytics_day_format";
  ALTER TABLE "email_analytics" DROP CONSTRAINT IF EXISTS "email_analytics_day_format";
  ALTER TABLE "campaign_analytics" DROP CONSTRAINT IF EXISTS "campaign_analytics_day_format";
  ALTER TABLE "sponsor_analytics" DROP CONSTRAINT IF EXISTS "sponsor_analytics_day_format";
  `)
}
