import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_sponsors_status" AS ENUM('active', 'pending', 'inactive', 'archived');
  CREATE TYPE "public"."enum_sponsors_company_size" AS ENUM('1-10', '11-50', '51-200', '201-1000', '1000+');
  CREATE TYPE "public"."enum_sponsor_benefits_category" AS ENUM('branding', 'hospitality', 'media', 'digital', 'experience', 'data', 'other');
  CREATE TYPE "public"."enum_sponsorships_payment_status" AS ENUM('pending', 'partial', 'paid', 'refunded');
  CREATE TYPE "public"."enum_sponsorships_status" AS ENUM('proposed', 'approved', 'cancelled');
  CREATE TYPE "public"."enum_sponsorship_assets_asset_type" AS ENUM('logo', 'banner', 'video', 'document', 'social', 'print', 'other');
  CREATE TYPE "public"."enum_sponsorship_assets_status" AS ENUM('pending', 'approved', 'rejected');
  CREATE TYPE "public"."enum_marketing_campaigns_channels" AS ENUM('email', 'social', 'web', 'search', 'display', 'affiliate', 'partner', 'promo_code', 'print', 'other');
  CREATE TYPE "public"."enum_marketing_campaigns_goals_metric" AS ENUM('impressions', 'clicks', 'conversions', 'revenue', 'signups', 'tickets');
  CREATE TYPE "public"."enum_marketing_campaigns_status" AS ENUM('draft', 'scheduled', 'active', 'paused', 'completed', 'cancelled');
  CREATE TYPE "public"."enum_campaign_assets_asset_type" AS ENUM('image', 'video', 'document', 'audio', 'other');
  CREATE TYPE "public"."enum_email_campaigns_template" AS ENUM('newsletter', 'announcement', 'plain');
  CREATE TYPE "public"."enum_email_campaigns_status" AS ENUM('draft', 'scheduled', 'sending', 'sent', 'cancelled');
  CREATE TYPE "public"."enum_email_sends_status" AS ENUM('pending', 'sending', 'sent', 'bounced', 'failed', 'skipped');
  CREATE TYPE "public"."enum_social_posts_platform" AS ENUM('instagram', 'facebook', 'twitter', 'linkedin', 'tiktok', 'pinterest', 'other');
  CREATE TYPE "public"."enum_social_posts_status" AS ENUM('draft', 'scheduled', 'published', 'failed');
  CREATE TYPE "public"."enum_marketing_segments_criteria_user_types" AS ENUM('admin', 'organizer', 'designer', 'model', 'sponsor', 'attendee', 'staff');
  CREATE TYPE "public"."enum_marketing_segments_type" AS ENUM('static', 'dynamic');
  CREATE TYPE "public"."enum_campaign_analytics_channel" AS ENUM('email', 'social', 'web', 'search', 'display', 'affiliate', 'partner', 'promo_code', 'print', 'other');
  CREATE TABLE "sponsors_social_media" (
  	"_order" integer NOT NULL,
  	"_parent_id" uuid NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"platform" varchar NOT NULL,
  	"url" varchar NOT NULL
  );
  
  CREATE TABLE "sponsors" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"name" varchar NOT NULL,
  	"slug" varchar,
  	"owner_id" uuid,
  	"status" "enum_sponsors_status" DEFAULT 'pending' NOT NULL,
  	"logo_id" uuid,
  	"website" varchar,
  	"description" varchar,
  	"contact_name" varchar,
  	"contact_email" varchar,
  	"contact_phone" varchar,
  	"industry" varchar,
  	"company_size" "enum_sponsors_company_size",
  	"founded_year" numeric,
  	"headquarters" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "tier_benefits" (
  	"_order" integer NOT NULL,
  	"_parent_id" uuid NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"benefit_id" uuid NOT NULL,
  	"quantity" numeric DEFAULT 1,
  	"details" varchar
  );
  
  CREATE TABLE "sponsorship_tiers" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"name" varchar NOT NULL,
  	"description" varchar,
  	"min_price" numeric,
  	"max_price" numeric,
  	"currency" varchar DEFAULT 'EUR',
  	"custom" boolean DEFAULT false,
  	"order" numeric DEFAULT 0 NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "sponsor_benefits" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"name" varchar NOT NULL,
  	"description" varchar,
  	"category" "enum_sponsor_benefits_category" NOT NULL,
  	"icon_id" uuid,
  	"digital" boolean DEFAULT false,
  	"physical" boolean DEFAULT false,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "sp_benefits" (
  	"_order" integer NOT NULL,
  	"_parent_id" uuid NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"benefit_id" uuid NOT NULL,
  	"quantity" numeric DEFAULT 1,
  	"delivered" boolean DEFAULT false
  );
  
  CREATE TABLE "sponsorships" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"sponsor_id" uuid NOT NULL,
  	"event_id" uuid NOT NULL,
  	"tier_id" uuid,
  	"custom_tier_name" varchar,
  	"start_date" timestamp(3) with time zone NOT NULL,
  	"end_date" timestamp(3) with time zone NOT NULL,
  	"amount" numeric DEFAULT 0,
  	"currency" varchar DEFAULT 'EUR' NOT NULL,
  	"payment_status" "enum_sponsorships_payment_status" DEFAULT 'pending' NOT NULL,
  	"status" "enum_sponsorships_status" DEFAULT 'proposed' NOT NULL,
  	"approved_by_id" uuid,
  	"approved_at" timestamp(3) with time zone,
  	"featured" boolean DEFAULT false,
  	"order" numeric DEFAULT 0,
  	"contract_id" uuid,
  	"notes" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "sponsorship_assets" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"name" varchar NOT NULL,
  	"sponsorship_id" uuid NOT NULL,
  	"asset_type" "enum_sponsorship_assets_asset_type" DEFAULT 'logo' NOT NULL,
  	"status" "enum_sponsorship_assets_status" DEFAULT 'pending' NOT NULL,
  	"rejection_reason" varchar,
  	"reviewed_by_id" uuid,
  	"reviewed_at" timestamp(3) with time zone,
  	"uploaded_by_id" uuid,
  	"notes" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"url" varchar,
  	"thumbnail_u_r_l" varchar,
  	"filename" varchar,
  	"mime_type" varchar,
  	"filesize" numeric,
  	"width" numeric,
  	"height" numeric,
  	"focal_x" numeric,
  	"focal_y" numeric,
  	"sizes_thumbnail_url" varchar,
  	"sizes_thumbnail_width" numeric,
  	"sizes_thumbnail_height" numeric,
  	"sizes_thumbnail_mime_type" varchar,
  	"sizes_thumbnail_filesize" numeric,
  	"sizes_thumbnail_filename" varchar
  );
  
  CREATE TABLE "sponsor_analytics" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"sponsor_id" uuid NOT NULL,
  	"event_id" uuid,
  	"day" varchar NOT NULL,
  	"impressions" numeric DEFAULT 0,
  	"clicks" numeric DEFAULT 0,
  	"leads" numeric DEFAULT 0,
  	"conversions" numeric DEFAULT 0,
  	"engagement_interactions" numeric DEFAULT 0,
  	"engagement_shares" numeric DEFAULT 0,
  	"engagement_dwell_seconds" numeric DEFAULT 0,
  	"roi_cost" numeric DEFAULT 0,
  	"roi_value" numeric DEFAULT 0,
  	"roi_currency" varchar DEFAULT 'EUR',
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "marketing_campaigns_channels" (
  	"order" integer NOT NULL,
  	"parent_id" uuid NOT NULL,
  	"value" "enum_marketing_campaigns_channels",
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL
  );
  
  CREATE TABLE "marketing_campaigns_goals" (
  	"_order" integer NOT NULL,
  	"_parent_id" uuid NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"metric" "enum_marketing_campaigns_goals_metric" NOT NULL,
  	"target" numeric NOT NULL
  );
  
  CREATE TABLE "marketing_campaigns" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"name" varchar NOT NULL,
  	"description" varchar,
  	"start_date" timestamp(3) with time zone NOT NULL,
  	"end_date" timestamp(3) with time zone NOT NULL,
  	"status" "enum_marketing_campaigns_status" DEFAULT 'draft' NOT NULL,
  	"budget" numeric DEFAULT 0,
  	"currency" varchar DEFAULT 'EUR' NOT NULL,
  	"event_id" uuid,
  	"target_audience_description" varchar,
  	"created_by_id" uuid,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "marketing_campaigns_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" uuid NOT NULL,
  	"path" varchar NOT NULL,
  	"marketing_segments_id" uuid
  );
  
  CREATE TABLE "campaign_assets" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"name" varchar NOT NULL,
  	"campaign_id" uuid NOT NULL,
  	"asset_type" "enum_campaign_assets_asset_type",
  	"duration" numeric,
  	"created_by_id" uuid,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"url" varchar,
  	"thumbnail_u_r_l" varchar,
  	"filename" varchar,
  	"mime_type" varchar,
  	"filesize" numeric,
  	"width" numeric,
  	"height" numeric,
  	"focal_x" numeric,
  	"focal_y" numeric,
  	"sizes_thumbnail_url" varchar,
  	"sizes_thumbnail_width" numeric,
  	"sizes_thumbnail_height" numeric,
  	"sizes_thumbnail_mime_type" varchar,
  	"sizes_thumbnail_filesize" numeric,
  	"sizes_thumbnail_filename" varchar
  );
  
  CREATE TABLE "email_campaigns" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"campaign_id" uuid NOT NULL,
  	"subject" varchar NOT NULL,
  	"preview_text" varchar,
  	"sender_name" varchar DEFAULT 'Fashionistas' NOT NULL,
  	"sender_email" varchar DEFAULT 'news@fashionistas.local' NOT NULL,
  	"template" "enum_email_campaigns_template" DEFAULT 'newsletter' NOT NULL,
  	"content" jsonb NOT NULL,
  	"segment_id" uuid,
  	"tracking_opens" boolean DEFAULT true,
  	"tracking_clicks" boolean DEFAULT true,
  	"status" "enum_email_campaigns_status" DEFAULT 'draft' NOT NULL,
  	"scheduled_at" timestamp(3) with time zone,
  	"sent_at" timestamp(3) with time zone,
  	"links" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "email_sends" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"email_campaign_id" uuid NOT NULL,
  	"user_id" uuid NOT NULL,
  	"email" varchar NOT NULL,
  	"token" varchar NOT NULL,
  	"status" "enum_email_sends_status" DEFAULT 'pending' NOT NULL,
  	"sent_at" timestamp(3) with time zone,
  	"opened_at" timestamp(3) with time zone,
  	"clicked_at" timestamp(3) with time zone,
  	"unsubscribed_at" timestamp(3) with time zone,
  	"message_id" varchar,
  	"error" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "social_posts" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"campaign_id" uuid NOT NULL,
  	"platform" "enum_social_posts_platform" NOT NULL,
  	"content" varchar NOT NULL,
  	"status" "enum_social_posts_status" DEFAULT 'draft' NOT NULL,
  	"scheduled_at" timestamp(3) with time zone,
  	"published_at" timestamp(3) with time zone,
  	"post_url" varchar,
  	"post_id" varchar,
  	"created_by_id" uuid,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "social_posts_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" uuid NOT NULL,
  	"path" varchar NOT NULL,
  	"media_id" uuid
  );
  
  CREATE TABLE "marketing_segments_criteria_user_types" (
  	"order" integer NOT NULL,
  	"parent_id" uuid NOT NULL,
  	"value" "enum_marketing_segments_criteria_user_types",
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL
  );
  
  CREATE TABLE "marketing_segments" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"name" varchar NOT NULL,
  	"description" varchar,
  	"type" "enum_marketing_segments_type" DEFAULT 'dynamic' NOT NULL,
  	"criteria_location" varchar,
  	"criteria_joined_after" timestamp(3) with time zone,
  	"criteria_joined_before" timestamp(3) with time zone,
  	"estimated_size" numeric,
  	"reachable" numeric,
  	"computed_at" timestamp(3) with time zone,
  	"created_by_id" uuid,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "marketing_segments_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" uuid NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  CREATE TABLE "marketing_segments_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" uuid NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" uuid,
  	"events_id" uuid
  );
  
  CREATE TABLE "campaign_analytics" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"campaign_id" uuid NOT NULL,
  	"day" varchar NOT NULL,
  	"channel" "enum_campaign_analytics_channel" NOT NULL,
  	"impressions" numeric DEFAULT 0,
  	"clicks" numeric DEFAULT 0,
  	"conversions" numeric DEFAULT 0,
  	"revenue" numeric DEFAULT 0,
  	"cost" numeric DEFAULT 0,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "email_analytics" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"email_campaign_id" uuid NOT NULL,
  	"day" varchar NOT NULL,
  	"sends" numeric DEFAULT 0,
  	"opens" numeric DEFAULT 0,
  	"clicks" numeric DEFAULT 0,
  	"bounces" numeric DEFAULT 0,
  	"unsubscribes" numeric DEFAULT 0,
  	"complaints" numeric DEFAULT 0,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "social_analytics" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"post_id" uuid NOT NULL,
  	"day" varchar NOT NULL,
  	"impressions" numeric DEFAULT 0,
  	"reach" numeric DEFAULT 0,
  	"engagement" numeric DEFAULT 0,
  	"likes" numeric DEFAULT 0,
  	"comments" numeric DEFAULT 0,
  	"shares" numeric DEFAULT 0,
  	"saves" numeric DEFAULT 0,
  	"clicks" numeric DEFAULT 0,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "user_engagement" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"type" varchar NOT NULL,
  	"source" varchar NOT NULL,
  	"user_id" uuid,
  	"session_id" varchar,
  	"event_id" uuid,
  	"campaign_id" uuid,
  	"sponsor_id" uuid,
  	"data" jsonb,
  	"ip" varchar,
  	"user_agent" varchar,
  	"occurred_at" timestamp(3) with time zone NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "users" ADD COLUMN "profile_notification_settings_marketing" boolean DEFAULT false;
  ALTER TABLE "discount_codes" ADD COLUMN "campaign_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "sponsors_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "sponsorship_tiers_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "sponsor_benefits_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "sponsorships_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "sponsorship_assets_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "sponsor_analytics_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "marketing_campaigns_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "campaign_assets_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "email_campaigns_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "email_sends_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "social_posts_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "marketing_segments_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "campaign_analytics_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "email_analytics_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "social_analytics_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "user_engagement_id" uuid;
  ALTER TABLE "sponsors_social_media" ADD CONSTRAINT "sponsors_social_media_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."sponsors"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "sponsors" ADD CONSTRAINT "sponsors_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "sponsors" ADD CONSTRAINT "sponsors_logo_id_media_id_fk" FOREIGN KEY ("logo_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "tier_benefits" ADD CONSTRAINT "tier_benefits_benefit_id_sponsor_benefits_id_fk" FOREIGN KEY ("benefit_id") REFERENCES "public"."sponsor_benefits"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "tier_benefits" ADD CONSTRAINT "tier_benefits_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."sponsorship_tiers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "sponsor_benefits" ADD CONSTRAINT "sponsor_benefits_icon_id_media_id_fk" FOREIGN KEY ("icon_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "sp_benefits" ADD CONSTRAINT "sp_benefits_benefit_id_sponsor_benefits_id_fk" FOREIGN KEY ("benefit_id") REFERENCES "public"."sponsor_benefits"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "sp_benefits" ADD CONSTRAINT "sp_benefits_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."sponsorships"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "sponsorships" ADD CONSTRAINT "sponsorships_sponsor_id_sponsors_id_fk" FOREIGN KEY ("sponsor_id") REFERENCES "public"."sponsors"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "sponsorships" ADD CONSTRAINT "sponsorships_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "sponsorships" ADD CONSTRAINT "sponsorships_tier_id_sponsorship_tiers_id_fk" FOREIGN KEY ("tier_id") REFERENCES "public"."sponsorship_tiers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "sponsorships" ADD CONSTRAINT "sponsorships_approved_by_id_users_id_fk" FOREIGN KEY ("approved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "sponsorships" ADD CONSTRAINT "sponsorships_contract_id_media_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "sponsorship_assets" ADD CONSTRAINT "sponsorship_assets_sponsorship_id_sponsorships_id_fk" FOREIGN KEY ("sponsorship_id") REFERENCES "public"."sponsorships"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "sponsorship_assets" ADD CONSTRAINT "sponsorship_assets_reviewed_by_id_users_id_fk" FOREIGN KEY ("reviewed_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "sponsorship_assets" ADD CONSTRAINT "sponsorship_assets_uploaded_by_id_users_id_fk" FOREIGN KEY ("uploaded_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "sponsor_analytics" ADD CONSTRAINT "sponsor_analytics_sponsor_id_sponsors_id_fk" FOREIGN KEY ("sponsor_id") REFERENCES "public"."sponsors"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "sponsor_analytics" ADD CONSTRAINT "sponsor_analytics_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "marketing_campaigns_channels" ADD CONSTRAINT "marketing_campaigns_channels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."marketing_campaigns"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "marketing_campaigns_goals" ADD CONSTRAINT "marketing_campaigns_goals_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."marketing_campaigns"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "marketing_campaigns" ADD CONSTRAINT "marketing_campaigns_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "marketing_campaigns" ADD CONSTRAINT "marketing_campaigns_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "marketing_campaigns_rels" ADD CONSTRAINT "marketing_campaigns_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."marketing_campaigns"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "marketing_campaigns_rels" ADD CONSTRAINT "marketing_campaigns_rels_marketing_segments_fk" FOREIGN KEY ("marketing_segments_id") REFERENCES "public"."marketing_segments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "campaign_assets" ADD CONSTRAINT "campaign_assets_campaign_id_marketing_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."marketing_campaigns"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "campaign_assets" ADD CONSTRAINT "campaign_assets_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "email_campaigns" ADD CONSTRAINT "email_campaigns_campaign_id_marketing_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."marketing_campaigns"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "email_campaigns" ADD CONSTRAINT "email_campaigns_segment_id_marketing_segments_id_fk" FOREIGN KEY ("segment_id") REFERENCES "public"."marketing_segments"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "email_sends" ADD CONSTRAINT "email_sends_email_campaign_id_email_campaigns_id_fk" FOREIGN KEY ("email_campaign_id") REFERENCES "public"."email_campaigns"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "email_sends" ADD CONSTRAINT "email_sends_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "social_posts" ADD CONSTRAINT "social_posts_campaign_id_marketing_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."marketing_campaigns"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "social_posts" ADD CONSTRAINT "social_posts_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "social_posts_rels" ADD CONSTRAINT "social_posts_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."social_posts"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "social_posts_rels" ADD CONSTRAINT "social_posts_rels_media_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "marketing_segments_criteria_user_types" ADD CONSTRAINT "marketing_segments_criteria_user_types_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."marketing_segments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "marketing_segments" ADD CONSTRAINT "marketing_segments_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "marketing_segments_texts" ADD CONSTRAINT "marketing_segments_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."marketing_segments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "marketing_segments_rels" ADD CONSTRAINT "marketing_segments_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."marketing_segments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "marketing_segments_rels" ADD CONSTRAINT "marketing_segments_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "marketing_segments_rels" ADD CONSTRAINT "marketing_segments_rels_events_fk" FOREIGN KEY ("events_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "campaign_analytics" ADD CONSTRAINT "campaign_analytics_campaign_id_marketing_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."marketing_campaigns"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "email_analytics" ADD CONSTRAINT "email_analytics_email_campaign_id_email_campaigns_id_fk" FOREIGN KEY ("email_campaign_id") REFERENCES "public"."email_campaigns"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "social_analytics" ADD CONSTRAINT "social_analytics_post_id_social_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."social_posts"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "user_engagement" ADD CONSTRAINT "user_engagement_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "user_engagement" ADD CONSTRAINT "user_engagement_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "user_engagement" ADD CONSTRAINT "user_engagement_campaign_id_marketing_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."marketing_campaigns"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "user_engagement" ADD CONSTRAINT "user_engagement_sponsor_id_sponsors_id_fk" FOREIGN KEY ("sponsor_id") REFERENCES "public"."sponsors"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "sponsors_social_media_order_idx" ON "sponsors_social_media" USING btree ("_order");
  CREATE INDEX "sponsors_social_media_parent_id_idx" ON "sponsors_social_media" USING btree ("_parent_id");
  CREATE INDEX "sponsors_name_idx" ON "sponsors" USING btree ("name");
  CREATE UNIQUE INDEX "sponsors_slug_idx" ON "sponsors" USING btree ("slug");
  CREATE INDEX "sponsors_owner_idx" ON "sponsors" USING btree ("owner_id");
  CREATE INDEX "sponsors_status_idx" ON "sponsors" USING btree ("status");
  CREATE INDEX "sponsors_logo_idx" ON "sponsors" USING btree ("logo_id");
  CREATE INDEX "sponsors_industry_idx" ON "sponsors" USING btree ("industry");
  CREATE INDEX "sponsors_updated_at_idx" ON "sponsors" USING btree ("updated_at");
  CREATE INDEX "sponsors_created_at_idx" ON "sponsors" USING btree ("created_at");
  CREATE INDEX "tier_benefits_order_idx" ON "tier_benefits" USING btree ("_order");
  CREATE INDEX "tier_benefits_parent_id_idx" ON "tier_benefits" USING btree ("_parent_id");
  CREATE INDEX "tier_benefits_benefit_idx" ON "tier_benefits" USING btree ("benefit_id");
  CREATE UNIQUE INDEX "sponsorship_tiers_name_idx" ON "sponsorship_tiers" USING btree ("name");
  CREATE INDEX "sponsorship_tiers_order_idx" ON "sponsorship_tiers" USING btree ("order");
  CREATE INDEX "sponsorship_tiers_updated_at_idx" ON "sponsorship_tiers" USING btree ("updated_at");
  CREATE INDEX "sponsorship_tiers_created_at_idx" ON "sponsorship_tiers" USING btree ("created_at");
  CREATE INDEX "sponsor_benefits_category_idx" ON "sponsor_benefits" USING btree ("category");
  CREATE INDEX "sponsor_benefits_icon_idx" ON "sponsor_benefits" USING btree ("icon_id");
  CREATE INDEX "sponsor_benefits_updated_at_idx" ON "sponsor_benefits" USING btree ("updated_at");
  CREATE INDEX "sponsor_benefits_created_at_idx" ON "sponsor_benefits" USING btree ("created_at");
  CREATE INDEX "sp_benefits_order_idx" ON "sp_benefits" USING btree ("_order");
  CREATE INDEX "sp_benefits_parent_id_idx" ON "sp_benefits" USING btree ("_parent_id");
  CREATE INDEX "sp_benefits_benefit_idx" ON "sp_benefits" USING btree ("benefit_id");
  CREATE INDEX "sponsorships_sponsor_idx" ON "sponsorships" USING btree ("sponsor_id");
  CREATE INDEX "sponsorships_event_idx" ON "sponsorships" USING btree ("event_id");
  CREATE INDEX "sponsorships_tier_idx" ON "sponsorships" USING btree ("tier_id");
  CREATE INDEX "sponsorships_status_idx" ON "sponsorships" USING btree ("status");
  CREATE INDEX "sponsorships_approved_by_idx" ON "sponsorships" USING btree ("approved_by_id");
  CREATE INDEX "sponsorships_featured_idx" ON "sponsorships" USING btree ("featured");
  CREATE INDEX "sponsorships_contract_idx" ON "sponsorships" USING btree ("contract_id");
  CREATE INDEX "sponsorships_updated_at_idx" ON "sponsorships" USING btree ("updated_at");
  CREATE INDEX "sponsorships_created_at_idx" ON "sponsorships" USING btree ("created_at");
  CREATE UNIQUE INDEX "sponsor_event_idx" ON "sponsorships" USING btree ("sponsor_id","event_id");
  CREATE INDEX "sponsorship_assets_sponsorship_idx" ON "sponsorship_assets" USING btree ("sponsorship_id");
  CREATE INDEX "sponsorship_assets_status_idx" ON "sponsorship_assets" USING btree ("status");
  CREATE INDEX "sponsorship_assets_reviewed_by_idx" ON "sponsorship_assets" USING btree ("reviewed_by_id");
  CREATE INDEX "sponsorship_assets_uploaded_by_idx" ON "sponsorship_assets" USING btree ("uploaded_by_id");
  CREATE INDEX "sponsorship_assets_updated_at_idx" ON "sponsorship_assets" USING btree ("updated_at");
  CREATE INDEX "sponsorship_assets_created_at_idx" ON "sponsorship_assets" USING btree ("created_at");
  CREATE UNIQUE INDEX "sponsorship_assets_filename_idx" ON "sponsorship_assets" USING btree ("filename");
  CREATE INDEX "sponsorship_assets_sizes_thumbnail_sizes_thumbnail_filen_idx" ON "sponsorship_assets" USING btree ("sizes_thumbnail_filename");
  CREATE INDEX "sponsor_analytics_sponsor_idx" ON "sponsor_analytics" USING btree ("sponsor_id");
  CREATE INDEX "sponsor_analytics_event_idx" ON "sponsor_analytics" USING btree ("event_id");
  CREATE INDEX "sponsor_analytics_day_idx" ON "sponsor_analytics" USING btree ("day");
  CREATE INDEX "sponsor_analytics_updated_at_idx" ON "sponsor_analytics" USING btree ("updated_at");
  CREATE INDEX "sponsor_analytics_created_at_idx" ON "sponsor_analytics" USING btree ("created_at");
  CREATE INDEX "marketing_campaigns_channels_order_idx" ON "marketing_campaigns_channels" USING btree ("order");
  CREATE INDEX "marketing_campaigns_channels_parent_idx" ON "marketing_campaigns_channels" USING btree ("parent_id");
  CREATE INDEX "marketing_campaigns_goals_order_idx" ON "marketing_campaigns_goals" USING btree ("_order");
  CREATE INDEX "marketing_campaigns_goals_parent_id_idx" ON "marketing_campaigns_goals" USING btree ("_parent_id");
  CREATE INDEX "marketing_campaigns_status_idx" ON "marketing_campaigns" USING btree ("status");
  CREATE INDEX "marketing_campaigns_event_idx" ON "marketing_campaigns" USING btree ("event_id");
  CREATE INDEX "marketing_campaigns_created_by_idx" ON "marketing_campaigns" USING btree ("created_by_id");
  CREATE INDEX "marketing_campaigns_updated_at_idx" ON "marketing_campaigns" USING btree ("updated_at");
  CREATE INDEX "marketing_campaigns_created_at_idx" ON "marketing_campaigns" USING btree ("created_at");
  CREATE INDEX "marketing_campaigns_rels_order_idx" ON "marketing_campaigns_rels" USING btree ("order");
  CREATE INDEX "marketing_campaigns_rels_parent_idx" ON "marketing_campaigns_rels" USING btree ("parent_id");
  CREATE INDEX "marketing_campaigns_rels_path_idx" ON "marketing_campaigns_rels" USING btree ("path");
  CREATE INDEX "marketing_campaigns_rels_marketing_segments_id_idx" ON "marketing_campaigns_rels" USING btree ("marketing_segments_id");
  CREATE INDEX "campaign_assets_campaign_idx" ON "campaign_assets" USING btree ("campaign_id");
  CREATE INDEX "campaign_assets_asset_type_idx" ON "campaign_assets" USING btree ("asset_type");
  CREATE INDEX "campaign_assets_created_by_idx" ON "campaign_assets" USING btree ("created_by_id");
  CREATE INDEX "campaign_assets_updated_at_idx" ON "campaign_assets" USING btree ("updated_at");
  CREATE INDEX "campaign_assets_created_at_idx" ON "campaign_assets" USING btree ("created_at");
  CREATE UNIQUE INDEX "campaign_assets_filename_idx" ON "campaign_assets" USING btree ("filename");
  CREATE INDEX "campaign_assets_sizes_thumbnail_sizes_thumbnail_filename_idx" ON "campaign_assets" USING btree ("sizes_thumbnail_filename");
  CREATE INDEX "email_campaigns_campaign_idx" ON "email_campaigns" USING btree ("campaign_id");
  CREATE INDEX "email_campaigns_segment_idx" ON "email_campaigns" USING btree ("segment_id");
  CREATE INDEX "email_campaigns_status_idx" ON "email_campaigns" USING btree ("status");
  CREATE INDEX "email_campaigns_scheduled_at_idx" ON "email_campaigns" USING btree ("scheduled_at");
  CREATE INDEX "email_campaigns_sent_at_idx" ON "email_campaigns" USING btree ("sent_at");
  CREATE INDEX "email_campaigns_updated_at_idx" ON "email_campaigns" USING btree ("updated_at");
  CREATE INDEX "email_campaigns_created_at_idx" ON "email_campaigns" USING btree ("created_at");
  CREATE INDEX "email_sends_email_campaign_idx" ON "email_sends" USING btree ("email_campaign_id");
  CREATE INDEX "email_sends_user_idx" ON "email_sends" USING btree ("user_id");
  CREATE UNIQUE INDEX "email_sends_token_idx" ON "email_sends" USING btree ("token");
  CREATE INDEX "email_sends_status_idx" ON "email_sends" USING btree ("status");
  CREATE INDEX "email_sends_updated_at_idx" ON "email_sends" USING btree ("updated_at");
  CREATE INDEX "email_sends_created_at_idx" ON "email_sends" USING btree ("created_at");
  CREATE UNIQUE INDEX "emailCampaign_user_idx" ON "email_sends" USING btree ("email_campaign_id","user_id");
  CREATE INDEX "social_posts_campaign_idx" ON "social_posts" USING btree ("campaign_id");
  CREATE INDEX "social_posts_platform_idx" ON "social_posts" USING btree ("platform");
  CREATE INDEX "social_posts_status_idx" ON "social_posts" USING btree ("status");
  CREATE INDEX "social_posts_scheduled_at_idx" ON "social_posts" USING btree ("scheduled_at");
  CREATE INDEX "social_posts_published_at_idx" ON "social_posts" USING btree ("published_at");
  CREATE INDEX "social_posts_created_by_idx" ON "social_posts" USING btree ("created_by_id");
  CREATE INDEX "social_posts_updated_at_idx" ON "social_posts" USING btree ("updated_at");
  CREATE INDEX "social_posts_created_at_idx" ON "social_posts" USING btree ("created_at");
  CREATE INDEX "social_posts_rels_order_idx" ON "social_posts_rels" USING btree ("order");
  CREATE INDEX "social_posts_rels_parent_idx" ON "social_posts_rels" USING btree ("parent_id");
  CREATE INDEX "social_posts_rels_path_idx" ON "social_posts_rels" USING btree ("path");
  CREATE INDEX "social_posts_rels_media_id_idx" ON "social_posts_rels" USING btree ("media_id");
  CREATE INDEX "marketing_segments_criteria_user_types_order_idx" ON "marketing_segments_criteria_user_types" USING btree ("order");
  CREATE INDEX "marketing_segments_criteria_user_types_parent_idx" ON "marketing_segments_criteria_user_types" USING btree ("parent_id");
  CREATE INDEX "marketing_segments_type_idx" ON "marketing_segments" USING btree ("type");
  CREATE INDEX "marketing_segments_created_by_idx" ON "marketing_segments" USING btree ("created_by_id");
  CREATE INDEX "marketing_segments_updated_at_idx" ON "marketing_segments" USING btree ("updated_at");
  CREATE INDEX "marketing_segments_created_at_idx" ON "marketing_segments" USING btree ("created_at");
  CREATE INDEX "marketing_segments_texts_order_parent" ON "marketing_segments_texts" USING btree ("order","parent_id");
  CREATE INDEX "marketing_segments_rels_order_idx" ON "marketing_segments_rels" USING btree ("order");
  CREATE INDEX "marketing_segments_rels_parent_idx" ON "marketing_segments_rels" USING btree ("parent_id");
  CREATE INDEX "marketing_segments_rels_path_idx" ON "marketing_segments_rels" USING btree ("path");
  CREATE INDEX "marketing_segments_rels_users_id_idx" ON "marketing_segments_rels" USING btree ("users_id");
  CREATE INDEX "marketing_segments_rels_events_id_idx" ON "marketing_segments_rels" USING btree ("events_id");
  CREATE INDEX "campaign_analytics_campaign_idx" ON "campaign_analytics" USING btree ("campaign_id");
  CREATE INDEX "campaign_analytics_day_idx" ON "campaign_analytics" USING btree ("day");
  CREATE INDEX "campaign_analytics_channel_idx" ON "campaign_analytics" USING btree ("channel");
  CREATE INDEX "campaign_analytics_updated_at_idx" ON "campaign_analytics" USING btree ("updated_at");
  CREATE INDEX "campaign_analytics_created_at_idx" ON "campaign_analytics" USING btree ("created_at");
  CREATE UNIQUE INDEX "campaign_day_channel_idx" ON "campaign_analytics" USING btree ("campaign_id","day","channel");
  CREATE INDEX "email_analytics_email_campaign_idx" ON "email_analytics" USING btree ("email_campaign_id");
  CREATE INDEX "email_analytics_day_idx" ON "email_analytics" USING btree ("day");
  CREATE INDEX "email_analytics_updated_at_idx" ON "email_analytics" USING btree ("updated_at");
  CREATE INDEX "email_analytics_created_at_idx" ON "email_analytics" USING btree ("created_at");
  CREATE UNIQUE INDEX "emailCampaign_day_idx" ON "email_analytics" USING btree ("email_campaign_id","day");
  CREATE INDEX "social_analytics_post_idx" ON "social_analytics" USING btree ("post_id");
  CREATE INDEX "social_analytics_day_idx" ON "social_analytics" USING btree ("day");
  CREATE INDEX "social_analytics_updated_at_idx" ON "social_analytics" USING btree ("updated_at");
  CREATE INDEX "social_analytics_created_at_idx" ON "social_analytics" USING btree ("created_at");
  CREATE UNIQUE INDEX "post_day_idx" ON "social_analytics" USING btree ("post_id","day");
  CREATE INDEX "user_engagement_type_idx" ON "user_engagement" USING btree ("type");
  CREATE INDEX "user_engagement_source_idx" ON "user_engagement" USING btree ("source");
  CREATE INDEX "user_engagement_user_idx" ON "user_engagement" USING btree ("user_id");
  CREATE INDEX "user_engagement_session_id_idx" ON "user_engagement" USING btree ("session_id");
  CREATE INDEX "user_engagement_event_idx" ON "user_engagement" USING btree ("event_id");
  CREATE INDEX "user_engagement_campaign_idx" ON "user_engagement" USING btree ("campaign_id");
  CREATE INDEX "user_engagement_sponsor_idx" ON "user_engagement" USING btree ("sponsor_id");
  CREATE INDEX "user_engagement_occurred_at_idx" ON "user_engagement" USING btree ("occurred_at");
  CREATE INDEX "user_engagement_updated_at_idx" ON "user_engagement" USING btree ("updated_at");
  CREATE INDEX "user_engagement_created_at_idx" ON "user_engagement" USING btree ("created_at");
  ALTER TABLE "discount_codes" ADD CONSTRAINT "discount_codes_campaign_id_marketing_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."marketing_campaigns"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_sponsors_fk" FOREIGN KEY ("sponsors_id") REFERENCES "public"."sponsors"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_sponsorship_tiers_fk" FOREIGN KEY ("sponsorship_tiers_id") REFERENCES "public"."sponsorship_tiers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_sponsor_benefits_fk" FOREIGN KEY ("sponsor_benefits_id") REFERENCES "public"."sponsor_benefits"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_sponsorships_fk" FOREIGN KEY ("sponsorships_id") REFERENCES "public"."sponsorships"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_sponsorship_assets_fk" FOREIGN KEY ("sponsorship_assets_id") REFERENCES "public"."sponsorship_assets"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_sponsor_analytics_fk" FOREIGN KEY ("sponsor_analytics_id") REFERENCES "public"."sponsor_analytics"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_marketing_campaigns_fk" FOREIGN KEY ("marketing_campaigns_id") REFERENCES "public"."marketing_campaigns"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_campaign_assets_fk" FOREIGN KEY ("campaign_assets_id") REFERENCES "public"."campaign_assets"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_email_campaigns_fk" FOREIGN KEY ("email_campaigns_id") REFERENCES "public"."email_campaigns"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_email_sends_fk" FOREIGN KEY ("email_sends_id") REFERENCES "public"."email_sends"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_social_posts_fk" FOREIGN KEY ("social_posts_id") REFERENCES "public"."social_posts"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_marketing_segments_fk" FOREIGN KEY ("marketing_segments_id") REFERENCES "public"."marketing_segments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_campaign_analytics_fk" FOREIGN KEY ("campaign_analytics_id") REFERENCES "public"."campaign_analytics"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_email_analytics_fk" FOREIGN KEY ("email_analytics_id") REFERENCES "public"."email_analytics"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_social_analytics_fk" FOREIGN KEY ("social_analytics_id") REFERENCES "public"."social_analytics"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_user_engagement_fk" FOREIGN KEY ("user_engagement_id") REFERENCES "public"."user_engagement"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "discount_codes_campaign_idx" ON "discount_codes" USING btree ("campaign_id");
  CREATE INDEX "payload_locked_documents_rels_sponsors_id_idx" ON "payload_locked_documents_rels" USING btree ("sponsors_id");
  CREATE INDEX "payload_locked_documents_rels_sponsorship_tiers_id_idx" ON "payload_locked_documents_rels" USING btree ("sponsorship_tiers_id");
  CREATE INDEX "payload_locked_documents_rels_sponsor_benefits_id_idx" ON "payload_locked_documents_rels" USING btree ("sponsor_benefits_id");
  CREATE INDEX "payload_locked_documents_rels_sponsorships_id_idx" ON "payload_locked_documents_rels" USING btree ("sponsorships_id");
  CREATE INDEX "payload_locked_documents_rels_sponsorship_assets_id_idx" ON "payload_locked_documents_rels" USING btree ("sponsorship_assets_id");
  CREATE INDEX "payload_locked_documents_rels_sponsor_analytics_id_idx" ON "payload_locked_documents_rels" USING btree ("sponsor_analytics_id");
  CREATE INDEX "payload_locked_documents_rels_marketing_campaigns_id_idx" ON "payload_locked_documents_rels" USING btree ("marketing_campaigns_id");
  CREATE INDEX "payload_locked_documents_rels_campaign_assets_id_idx" ON "payload_locked_documents_rels" USING btree ("campaign_assets_id");
  CREATE INDEX "payload_locked_documents_rels_email_campaigns_id_idx" ON "payload_locked_documents_rels" USING btree ("email_campaigns_id");
  CREATE INDEX "payload_locked_documents_rels_email_sends_id_idx" ON "payload_locked_documents_rels" USING btree ("email_sends_id");
  CREATE INDEX "payload_locked_documents_rels_social_posts_id_idx" ON "payload_locked_documents_rels" USING btree ("social_posts_id");
  CREATE INDEX "payload_locked_documents_rels_marketing_segments_id_idx" ON "payload_locked_documents_rels" USING btree ("marketing_segments_id");
  CREATE INDEX "payload_locked_documents_rels_campaign_analytics_id_idx" ON "payload_locked_documents_rels" USING btree ("campaign_analytics_id");
  CREATE INDEX "payload_locked_documents_rels_email_analytics_id_idx" ON "payload_locked_documents_rels" USING btree ("email_analytics_id");
  CREATE INDEX "payload_locked_documents_rels_social_analytics_id_idx" ON "payload_locked_documents_rels" USING btree ("social_analytics_id");
  CREATE INDEX "payload_locked_documents_rels_user_engagement_id_idx" ON "payload_locked_documents_rels" USING btree ("user_engagement_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "sponsors_social_media" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "sponsors" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "tier_benefits" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "sponsorship_tiers" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "sponsor_benefits" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "sp_benefits" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "sponsorships" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "sponsorship_assets" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "sponsor_analytics" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "marketing_campaigns_channels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "marketing_campaigns_goals" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "marketing_campaigns" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "marketing_campaigns_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "campaign_assets" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "email_campaigns" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "email_sends" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "social_posts" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "social_posts_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "marketing_segments_criteria_user_types" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "marketing_segments" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "marketing_segments_texts" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "marketing_segments_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "campaign_analytics" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "email_analytics" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "social_analytics" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "user_engagement" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "sponsors_social_media" CASCADE;
  DROP TABLE "sponsors" CASCADE;
  DROP TABLE "tier_benefits" CASCADE;
  DROP TABLE "sponsorship_tiers" CASCADE;
  DROP TABLE "sponsor_benefits" CASCADE;
  DROP TABLE "sp_benefits" CASCADE;
  DROP TABLE "sponsorships" CASCADE;
  DROP TABLE "sponsorship_assets" CASCADE;
  DROP TABLE "sponsor_analytics" CASCADE;
  DROP TABLE "marketing_campaigns_channels" CASCADE;
  DROP TABLE "marketing_campaigns_goals" CASCADE;
  DROP TABLE "marketing_campaigns" CASCADE;
  DROP TABLE "marketing_campaigns_rels" CASCADE;
  DROP TABLE "campaign_assets" CASCADE;
  DROP TABLE "email_campaigns" CASCADE;
  DROP TABLE "email_sends" CASCADE;
  DROP TABLE "social_posts" CASCADE;
  DROP TABLE "social_posts_rels" CASCADE;
  DROP TABLE "marketing_segments_criteria_user_types" CASCADE;
  DROP TABLE "marketing_segments" CASCADE;
  DROP TABLE "marketing_segments_texts" CASCADE;
  DROP TABLE "marketing_segments_rels" CASCADE;
  DROP TABLE "campaign_analytics" CASCADE;
  DROP TABLE "email_analytics" CASCADE;
  DROP TABLE "social_analytics" CASCADE;
  DROP TABLE "user_engagement" CASCADE;
  ALTER TABLE "discount_codes" DROP CONSTRAINT "discount_codes_campaign_id_marketing_campaigns_id_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_sponsors_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_sponsorship_tiers_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_sponsor_benefits_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_sponsorships_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_sponsorship_assets_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_sponsor_analytics_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_marketing_campaigns_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_campaign_assets_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_email_campaigns_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_email_sends_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_social_posts_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_marketing_segments_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_campaign_analytics_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_email_analytics_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_social_analytics_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_user_engagement_fk";
  
  DROP INDEX "discount_codes_campaign_idx";
  DROP INDEX "payload_locked_documents_rels_sponsors_id_idx";
  DROP INDEX "payload_locked_documents_rels_sponsorship_tiers_id_idx";
  DROP INDEX "payload_locked_documents_rels_sponsor_benefits_id_idx";
  DROP INDEX "payload_locked_documents_rels_sponsorships_id_idx";
  DROP INDEX "payload_locked_documents_rels_sponsorship_assets_id_idx";
  DROP INDEX "payload_locked_documents_rels_sponsor_analytics_id_idx";
  DROP INDEX "payload_locked_documents_rels_marketing_campaigns_id_idx";
  DROP INDEX "payload_locked_documents_rels_campaign_assets_id_idx";
  DROP INDEX "payload_locked_documents_rels_email_campaigns_id_idx";
  DROP INDEX "payload_locked_documents_rels_email_sends_id_idx";
  DROP INDEX "payload_locked_documents_rels_social_posts_id_idx";
  DROP INDEX "payload_locked_documents_rels_marketing_segments_id_idx";
  DROP INDEX "payload_locked_documents_rels_campaign_analytics_id_idx";
  DROP INDEX "payload_locked_documents_rels_email_analytics_id_idx";
  DROP INDEX "payload_locked_documents_rels_social_analytics_id_idx";
  DROP INDEX "payload_locked_documents_rels_user_engagement_id_idx";
  ALTER TABLE "users" DROP COLUMN "profile_notification_settings_marketing";
  ALTER TABLE "discount_codes" DROP COLUMN "campaign_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "sponsors_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "sponsorship_tiers_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "sponsor_benefits_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "sponsorships_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "sponsorship_assets_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "sponsor_analytics_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "marketing_campaigns_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "campaign_assets_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "email_campaigns_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "email_sends_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "social_posts_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "marketing_segments_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "campaign_analytics_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "email_analytics_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "social_analytics_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "user_engagement_id";
  DROP TYPE "public"."enum_sponsors_status";
  DROP TYPE "public"."enum_sponsors_company_size";
  DROP TYPE "public"."enum_sponsor_benefits_category";
  DROP TYPE "public"."enum_sponsorships_payment_status";
  DROP TYPE "public"."enum_sponsorships_status";
  DROP TYPE "public"."enum_sponsorship_assets_asset_type";
  DROP TYPE "public"."enum_sponsorship_assets_status";
  DROP TYPE "public"."enum_marketing_campaigns_channels";
  DROP TYPE "public"."enum_marketing_campaigns_goals_metric";
  DROP TYPE "public"."enum_marketing_campaigns_status";
  DROP TYPE "public"."enum_campaign_assets_asset_type";
  DROP TYPE "public"."enum_email_campaigns_template";
  DROP TYPE "public"."enum_email_campaigns_status";
  DROP TYPE "public"."enum_email_sends_status";
  DROP TYPE "public"."enum_social_posts_platform";
  DROP TYPE "public"."enum_social_posts_status";
  DROP TYPE "public"."enum_marketing_segments_criteria_user_types";
  DROP TYPE "public"."enum_marketing_segments_type";
  DROP TYPE "public"."enum_campaign_analytics_channel";`)
}
