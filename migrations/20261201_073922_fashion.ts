import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_designers_status" AS ENUM('active', 'inactive', 'pending', 'rejected');
  CREATE TYPE "public"."enum_fashion_collections_season" AS ENUM('spring', 'summer', 'fall', 'winter', 'resort', 'pre-fall', 'bridal', 'couture', 'other');
  CREATE TYPE "public"."enum_fashion_collections_status" AS ENUM('draft', 'published', 'archived');
  CREATE TYPE "public"."enum_fashion_items_type" AS ENUM('dress', 'top', 'bottom', 'outerwear', 'footwear', 'accessory', 'swimwear', 'activewear', 'other');
  CREATE TYPE "public"."enum_runway_shows_status" AS ENUM('scheduled', 'in_progress', 'completed', 'cancelled');
  CREATE TYPE "public"."enum_models_status" AS ENUM('active', 'inactive');
  CREATE TYPE "public"."enum_designer_collaborations_status" AS ENUM('planned', 'active', 'completed', 'cancelled');
  CREATE TABLE "designers_social_media" (
  	"_order" integer NOT NULL,
  	"_parent_id" uuid NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"platform" varchar NOT NULL,
  	"url" varchar NOT NULL
  );
  
  CREATE TABLE "designers_awards" (
  	"_order" integer NOT NULL,
  	"_parent_id" uuid NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"title" varchar NOT NULL,
  	"year" numeric,
  	"organisation" varchar
  );
  
  CREATE TABLE "designers_press_mentions" (
  	"_order" integer NOT NULL,
  	"_parent_id" uuid NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"outlet" varchar NOT NULL,
  	"title" varchar,
  	"url" varchar,
  	"date" timestamp(3) with time zone
  );
  
  CREATE TABLE "designers" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"name" varchar NOT NULL,
  	"slug" varchar,
  	"user_id" uuid,
  	"brand" varchar,
  	"specialty" varchar,
  	"bio" varchar,
  	"website" varchar,
  	"contact_email" varchar,
  	"contact_phone" varchar,
  	"profile_image_id" uuid,
  	"cover_image_id" uuid,
  	"status" "enum_designers_status" DEFAULT 'pending' NOT NULL,
  	"featured" boolean DEFAULT false,
  	"verified" boolean DEFAULT false,
  	"years_active" numeric,
  	"location_city" varchar,
  	"location_country" varchar,
  	"meta_data" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "fashion_collections" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"designer_id" uuid NOT NULL,
  	"name" varchar NOT NULL,
  	"slug" varchar,
  	"description" varchar,
  	"season" "enum_fashion_collections_season",
  	"year" numeric,
  	"release_date" timestamp(3) with time zone,
  	"status" "enum_fashion_collections_status" DEFAULT 'draft' NOT NULL,
  	"featured" boolean DEFAULT false,
  	"cover_image_id" uuid,
  	"inspiration" varchar,
  	"show_notes" varchar,
  	"event_id" uuid,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "fashion_collections_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" uuid NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  CREATE TABLE "fashion_items" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"collection_id" uuid NOT NULL,
  	"name" varchar NOT NULL,
  	"description" varchar,
  	"type" "enum_fashion_items_type" NOT NULL,
  	"price_min" numeric,
  	"price_max" numeric,
  	"currency" varchar DEFAULT 'EUR',
  	"featured" boolean DEFAULT false,
  	"display_order" numeric DEFAULT 0,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "fashion_items_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" uuid NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  CREATE TABLE "fashion_item_images" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"item_id" uuid NOT NULL,
  	"media_id" uuid NOT NULL,
  	"alt_text" varchar,
  	"display_order" numeric DEFAULT 0,
  	"is_primary" boolean DEFAULT false,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "runway_shows" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"title" varchar NOT NULL,
  	"collection_id" uuid NOT NULL,
  	"event_id" uuid NOT NULL,
  	"venue_id" uuid NOT NULL,
  	"show_date" timestamp(3) with time zone NOT NULL,
  	"duration_minutes" numeric,
  	"status" "enum_runway_shows_status" DEFAULT 'scheduled' NOT NULL,
  	"capacity" numeric,
  	"attendance" numeric,
  	"video_url" varchar,
  	"livestream_url" varchar,
  	"notes" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "runway_segments" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"show_id" uuid NOT NULL,
  	"name" varchar NOT NULL,
  	"description" varchar,
  	"order" numeric NOT NULL,
  	"start_time" timestamp(3) with time zone,
  	"duration_minutes" numeric,
  	"theme" varchar,
  	"music" varchar,
  	"lighting_notes" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "models_social_media" (
  	"_order" integer NOT NULL,
  	"_parent_id" uuid NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"platform" varchar NOT NULL,
  	"url" varchar NOT NULL
  );
  
  CREATE TABLE "models" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"name" varchar NOT NULL,
  	"slug" varchar,
  	"user_id" uuid,
  	"agency" varchar,
  	"height" varchar,
  	"measurements_bust" varchar,
  	"measurements_waist" varchar,
  	"measurements_hips" varchar,
  	"measurements_shoe" varchar,
  	"measurements_dress" varchar,
  	"bio" varchar,
  	"portfolio_url" varchar,
  	"featured" boolean DEFAULT false,
  	"status" "enum_models_status" DEFAULT 'active' NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "models_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" uuid NOT NULL,
  	"path" varchar NOT NULL,
  	"media_id" uuid
  );
  
  CREATE TABLE "runway_appearances" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"segment_id" uuid NOT NULL,
  	"order" numeric NOT NULL,
  	"model_id" uuid NOT NULL,
  	"item_id" uuid,
  	"notes" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "designer_collaborations_members" (
  	"_order" integer NOT NULL,
  	"_parent_id" uuid NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"designer_id" uuid NOT NULL,
  	"role" varchar
  );
  
  CREATE TABLE "designer_collaborations" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"name" varchar NOT NULL,
  	"description" varchar,
  	"start_date" timestamp(3) with time zone,
  	"end_date" timestamp(3) with time zone,
  	"status" "enum_designer_collaborations_status" DEFAULT 'planned' NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "designer_analytics" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"designer_id" uuid NOT NULL,
  	"day" varchar NOT NULL,
  	"profile_views" numeric DEFAULT 0,
  	"collection_views" numeric DEFAULT 0,
  	"item_views" numeric DEFAULT 0,
  	"favorites" numeric DEFAULT 0,
  	"shares" numeric DEFAULT 0,
  	"click_throughs" numeric DEFAULT 0,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "pages_blocks_designer_list" ALTER COLUMN "mode" SET DATA TYPE text;
  ALTER TABLE "pages_blocks_designer_list" ALTER COLUMN "mode" SET DEFAULT 'featured'::text;
  DROP TYPE "public"."enum_pages_blocks_designer_list_mode";
  CREATE TYPE "public"."enum_pages_blocks_designer_list_mode" AS ENUM('featured', 'manual');
  ALTER TABLE "pages_blocks_designer_list" ALTER COLUMN "mode" SET DEFAULT 'featured'::"public"."enum_pages_blocks_designer_list_mode";
  ALTER TABLE "pages_blocks_designer_list" ALTER COLUMN "mode" SET DATA TYPE "public"."enum_pages_blocks_designer_list_mode" USING "mode"::"public"."enum_pages_blocks_designer_list_mode";
  ALTER TABLE "_pages_v_blocks_designer_list" ALTER COLUMN "mode" SET DATA TYPE text;
  ALTER TABLE "_pages_v_blocks_designer_list" ALTER COLUMN "mode" SET DEFAULT 'featured'::text;
  DROP TYPE "public"."enum__pages_v_blocks_designer_list_mode";
  CREATE TYPE "public"."enum__pages_v_blocks_designer_list_mode" AS ENUM('featured', 'manual');
  ALTER TABLE "_pages_v_blocks_designer_list" ALTER COLUMN "mode" SET DEFAULT 'featured'::"public"."enum__pages_v_blocks_designer_list_mode";
  ALTER TABLE "_pages_v_blocks_designer_list" ALTER COLUMN "mode" SET DATA TYPE "public"."enum__pages_v_blocks_designer_list_mode" USING "mode"::"public"."enum__pages_v_blocks_designer_list_mode";
  ALTER TABLE "pages_rels" ADD COLUMN "designers_id" uuid;
  ALTER TABLE "_pages_v_rels" ADD COLUMN "designers_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "designers_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "fashion_collections_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "fashion_items_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "fashion_item_images_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "runway_shows_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "runway_segments_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "models_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "runway_appearances_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "designer_collaborations_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "designer_analytics_id" uuid;
  ALTER TABLE "designers_social_media" ADD CONSTRAINT "designers_social_media_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."designers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "designers_awards" ADD CONSTRAINT "designers_awards_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."designers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "designers_press_mentions" ADD CONSTRAINT "designers_press_mentions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."designers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "designers" ADD CONSTRAINT "designers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "designers" ADD CONSTRAINT "designers_profile_image_id_media_id_fk" FOREIGN KEY ("profile_image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "designers" ADD CONSTRAINT "designers_cover_image_id_media_id_fk" FOREIGN KEY ("cover_image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "fashion_collections" ADD CONSTRAINT "fashion_collections_designer_id_designers_id_fk" FOREIGN KEY ("designer_id") REFERENCES "public"."designers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "fashion_collections" ADD CONSTRAINT "fashion_collections_cover_image_id_media_id_fk" FOREIGN KEY ("cover_image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "fashion_collections" ADD CONSTRAINT "fashion_collections_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "fashion_collections_texts" ADD CONSTRAINT "fashion_collections_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."fashion_collections"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "fashion_items" ADD CONSTRAINT "fashion_items_collection_id_fashion_collections_id_fk" FOREIGN KEY ("collection_id") REFERENCES "public"."fashion_collections"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "fashion_items_texts" ADD CONSTRAINT "fashion_items_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."fashion_items"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "fashion_item_images" ADD CONSTRAINT "fashion_item_images_item_id_fashion_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."fashion_items"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "fashion_item_images" ADD CONSTRAINT "fashion_item_images_media_id_media_id_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "runway_shows" ADD CONSTRAINT "runway_shows_collection_id_fashion_collections_id_fk" FOREIGN KEY ("collection_id") REFERENCES "public"."fashion_collections"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "runway_shows" ADD CONSTRAINT "runway_shows_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "runway_shows" ADD CONSTRAINT "runway_shows_venue_id_venues_id_fk" FOREIGN KEY ("venue_id") REFERENCES "public"."venues"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "runway_segments" ADD CONSTRAINT "runway_segments_show_id_runway_shows_id_fk" FOREIGN KEY ("show_id") REFERENCES "public"."runway_shows"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "models_social_media" ADD CONSTRAINT "models_social_media_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."models"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "models" ADD CONSTRAINT "models_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "models_rels" ADD CONSTRAINT "models_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."models"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "models_rels" ADD CONSTRAINT "models_rels_media_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "runway_appearances" ADD CONSTRAINT "runway_appearances_segment_id_runway_segments_id_fk" FOREIGN KEY ("segment_id") REFERENCES "public"."runway_segments"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "runway_appearances" ADD CONSTRAINT "runway_appearances_model_id_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."models"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "runway_appearances" ADD CONSTRAINT "runway_appearances_item_id_fashion_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."fashion_items"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "designer_collaborations_members" ADD CONSTRAINT "designer_collaborations_members_designer_id_designers_id_fk" FOREIGN KEY ("designer_id") REFERENCES "public"."designers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "designer_collaborations_members" ADD CONSTRAINT "designer_collaborations_members_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."designer_collaborations"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "designer_analytics" ADD CONSTRAINT "designer_analytics_designer_id_designers_id_fk" FOREIGN KEY ("designer_id") REFERENCES "public"."designers"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "designers_social_media_order_idx" ON "designers_social_media" USING btree ("_order");
  CREATE INDEX "designers_social_media_parent_id_idx" ON "designers_social_media" USING btree ("_parent_id");
  CREATE INDEX "designers_awards_order_idx" ON "designers_awards" USING btree ("_order");
  CREATE INDEX "designers_awards_parent_id_idx" ON "designers_awards" USING btree ("_parent_id");
  CREATE INDEX "designers_press_mentions_order_idx" ON "designers_press_mentions" USING btree ("_order");
  CREATE INDEX "designers_press_mentions_parent_id_idx" ON "designers_press_mentions" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "designers_slug_idx" ON "designers" USING btree ("slug");
  CREATE INDEX "designers_user_idx" ON "designers" USING btree ("user_id");
  CREATE INDEX "designers_specialty_idx" ON "designers" USING btree ("specialty");
  CREATE INDEX "designers_profile_image_idx" ON "designers" USING btree ("profile_image_id");
  CREATE INDEX "designers_cover_image_idx" ON "designers" USING btree ("cover_image_id");
  CREATE INDEX "designers_status_idx" ON "designers" USING btree ("status");
  CREATE INDEX "designers_featured_idx" ON "designers" USING btree ("featured");
  CREATE INDEX "designers_updated_at_idx" ON "designers" USING btree ("updated_at");
  CREATE INDEX "designers_created_at_idx" ON "designers" USING btree ("created_at");
  CREATE INDEX "fashion_collections_designer_idx" ON "fashion_collections" USING btree ("designer_id");
  CREATE UNIQUE INDEX "fashion_collections_slug_idx" ON "fashion_collections" USING btree ("slug");
  CREATE INDEX "fashion_collections_season_idx" ON "fashion_collections" USING btree ("season");
  CREATE INDEX "fashion_collections_year_idx" ON "fashion_collections" USING btree ("year");
  CREATE INDEX "fashion_collections_release_date_idx" ON "fashion_collections" USING btree ("release_date");
  CREATE INDEX "fashion_collections_status_idx" ON "fashion_collections" USING btree ("status");
  CREATE INDEX "fashion_collections_featured_idx" ON "fashion_collections" USING btree ("featured");
  CREATE INDEX "fashion_collections_cover_image_idx" ON "fashion_collections" USING btree ("cover_image_id");
  CREATE INDEX "fashion_collections_event_idx" ON "fashion_collections" USING btree ("event_id");
  CREATE INDEX "fashion_collections_updated_at_idx" ON "fashion_collections" USING btree ("updated_at");
  CREATE INDEX "fashion_collections_created_at_idx" ON "fashion_collections" USING btree ("created_at");
  CREATE INDEX "fashion_collections_texts_order_parent" ON "fashion_collections_texts" USING btree ("order","parent_id");
  CREATE INDEX "fashion_items_collection_idx" ON "fashion_items" USING btree ("collection_id");
  CREATE INDEX "fashion_items_type_idx" ON "fashion_items" USING btree ("type");
  CREATE INDEX "fashion_items_featured_idx" ON "fashion_items" USING btree ("featured");
  CREATE INDEX "fashion_items_display_order_idx" ON "fashion_items" USING btree ("display_order");
  CREATE INDEX "fashion_items_updated_at_idx" ON "fashion_items" USING btree ("updated_at");
  CREATE INDEX "fashion_items_created_at_idx" ON "fashion_items" USING btree ("created_at");
  CREATE INDEX "fashion_items_texts_order_parent" ON "fashion_items_texts" USING btree ("order","parent_id");
  CREATE INDEX "fashion_item_images_item_idx" ON "fashion_item_images" USING btree ("item_id");
  CREATE INDEX "fashion_item_images_media_idx" ON "fashion_item_images" USING btree ("media_id");
  CREATE INDEX "fashion_item_images_display_order_idx" ON "fashion_item_images" USING btree ("display_order");
  CREATE INDEX "fashion_item_images_updated_at_idx" ON "fashion_item_images" USING btree ("updated_at");
  CREATE INDEX "fashion_item_images_created_at_idx" ON "fashion_item_images" USING btree ("created_at");
  CREATE INDEX "runway_shows_collection_idx" ON "runway_shows" USING btree ("collection_id");
  CREATE INDEX "runway_shows_event_idx" ON "runway_shows" USING btree ("event_id");
  CREATE INDEX "runway_shows_venue_idx" ON "runway_shows" USING btree ("venue_id");
  CREATE INDEX "runway_shows_show_date_idx" ON "runway_shows" USING btree ("show_date");
  CREATE INDEX "runway_shows_status_idx" ON "runway_shows" USING btree ("status");
  CREATE INDEX "runway_shows_updated_at_idx" ON "runway_shows" USING btree ("updated_at");
  CREATE INDEX "runway_shows_created_at_idx" ON "runway_shows" USING btree ("created_at");
  CREATE INDEX "runway_segments_show_idx" ON "runway_segments" USING btree ("show_id");
  CREATE INDEX "runway_segments_updated_at_idx" ON "runway_segments" USING btree ("updated_at");
  CREATE INDEX "runway_segments_created_at_idx" ON "runway_segments" USING btree ("created_at");
  CREATE UNIQUE INDEX "show_order_idx" ON "runway_segments" USING btree ("show_id","order");
  CREATE INDEX "models_social_media_order_idx" ON "models_social_media" USING btree ("_order");
  CREATE INDEX "models_social_media_parent_id_idx" ON "models_social_media" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "models_slug_idx" ON "models" USING btree ("slug");
  CREATE INDEX "models_user_idx" ON "models" USING btree ("user_id");
  CREATE INDEX "models_agency_idx" ON "models" USING btree ("agency");
  CREATE INDEX "models_featured_idx" ON "models" USING btree ("featured");
  CREATE INDEX "models_status_idx" ON "models" USING btree ("status");
  CREATE INDEX "models_updated_at_idx" ON "models" USING btree ("updated_at");
  CREATE INDEX "models_created_at_idx" ON "models" USING btree ("created_at");
  CREATE INDEX "models_rels_order_idx" ON "models_rels" USING btree ("order");
  CREATE INDEX "models_rels_parent_idx" ON "models_rels" USING btree ("parent_id");
  CREATE INDEX "models_rels_path_idx" ON "models_rels" USING btree ("path");
  CREATE INDEX "models_rels_media_id_idx" ON "models_rels" USING btree ("media_id");
  CREATE INDEX "runway_appearances_segment_idx" ON "runway_appearances" USING btree ("segment_id");
  CREATE INDEX "runway_appearances_model_idx" ON "runway_appearances" USING btree ("model_id");
  CREATE INDEX "runway_appearances_item_idx" ON "runway_appearances" USING btree ("item_id");
  CREATE INDEX "runway_appearances_updated_at_idx" ON "runway_appearances" USING btree ("updated_at");
  CREATE INDEX "runway_appearances_created_at_idx" ON "runway_appearances" USING btree ("created_at");
  CREATE UNIQUE INDEX "segment_order_idx" ON "runway_appearances" USING btree ("segment_id","order");
  CREATE INDEX "designer_collaborations_members_order_idx" ON "designer_collaborations_members" USING btree ("_order");
  CREATE INDEX "designer_collaborations_members_parent_id_idx" ON "designer_collaborations_members" USING btree ("_parent_id");
  CREATE INDEX "designer_collaborations_members_designer_idx" ON "designer_collaborations_members" USING btree ("designer_id");
  CREATE INDEX "designer_collaborations_status_idx" ON "designer_collaborations" USING btree ("status");
  CREATE INDEX "designer_collaborations_updated_at_idx" ON "designer_collaborations" USING btree ("updated_at");
  CREATE INDEX "designer_collaborations_created_at_idx" ON "designer_collaborations" USING btree ("created_at");
  CREATE INDEX "designer_analytics_designer_idx" ON "designer_analytics" USING btree ("designer_id");
  CREATE INDEX "designer_analytics_day_idx" ON "designer_analytics" USING btree ("day");
  CREATE INDEX "designer_analytics_updated_at_idx" ON "designer_analytics" USING btree ("updated_at");
  CREATE INDEX "designer_analytics_created_at_idx" ON "designer_analytics" USING btree ("created_at");
  CREATE UNIQUE INDEX "designer_day_idx" ON "designer_analytics" USING btree ("designer_id","day");
  ALTER TABLE "pages_rels" ADD CONSTRAINT "pages_rels_designers_fk" FOREIGN KEY ("designers_id") REFERENCES "public"."designers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_pages_v_rels" ADD CONSTRAINT "_pages_v_rels_designers_fk" FOREIGN KEY ("designers_id") REFERENCES "public"."designers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_designers_fk" FOREIGN KEY ("designers_id") REFERENCES "public"."designers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_fashion_collections_fk" FOREIGN KEY ("fashion_collections_id") REFERENCES "public"."fashion_collections"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_fashion_items_fk" FOREIGN KEY ("fashion_items_id") REFERENCES "public"."fashion_items"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_fashion_item_images_fk" FOREIGN KEY ("fashion_item_images_id") REFERENCES "public"."fashion_item_images"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_runway_shows_fk" FOREIGN KEY ("runway_shows_id") REFERENCES "public"."runway_shows"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_runway_segments_fk" FOREIGN KEY ("runway_segments_id") REFERENCES "public"."runway_segments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_models_fk" FOREIGN KEY ("models_id") REFERENCES "public"."models"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_runway_appearances_fk" FOREIGN KEY ("runway_appearances_id") REFERENCES "public"."runway_appearances"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_designer_collaborations_fk" FOREIGN KEY ("designer_collaborations_id") REFERENCES "public"."designer_collaborations"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_designer_analytics_fk" FOREIGN KEY ("designer_analytics_id") REFERENCES "public"."designer_analytics"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "pages_rels_designers_id_idx" ON "pages_rels" USING btree ("designers_id");
  CREATE INDEX "_pages_v_rels_designers_id_idx" ON "_pages_v_rels" USING btree ("designers_id");
  CREATE INDEX "payload_locked_documents_rels_designers_id_idx" ON "payload_locked_documents_rels" USING btree ("designers_id");
  CREATE INDEX "payload_locked_documents_rels_fashion_collections_id_idx" ON "payload_locked_documents_rels" USING btree ("fashion_collections_id");
  CREATE INDEX "payload_locked_documents_rels_fashion_items_id_idx" ON "payload_locked_documents_rels" USING btree ("fashion_items_id");
  CREATE INDEX "payload_locked_documents_rels_fashion_item_images_id_idx" ON "payload_locked_documents_rels" USING btree ("fashion_item_images_id");
  CREATE INDEX "payload_locked_documents_rels_runway_shows_id_idx" ON "payload_locked_documents_rels" USING btree ("runway_shows_id");
  CREATE INDEX "payload_locked_documents_rels_runway_segments_id_idx" ON "payload_locked_documents_rels" USING btree ("runway_segments_id");
  CREATE INDEX "payload_locked_documents_rels_models_id_idx" ON "payload_locked_documents_rels" USING btree ("models_id");
  CREATE INDEX "payload_locked_documents_rels_runway_appearances_id_idx" ON "payload_locked_documents_rels" USING btree ("runway_appearances_id");
  CREATE INDEX "payload_locked_documents_rels_designer_collaborations_id_idx" ON "payload_locked_documents_rels" USING btree ("designer_collaborations_id");
  CREATE INDEX "payload_locked_documents_rels_designer_analytics_id_idx" ON "payload_locked_documents_rels" USING btree ("designer_analytics_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "designers_social_media" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "designers_awards" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "designers_press_mentions" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "designers" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "fashion_collections" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "fashion_collections_texts" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "fashion_items" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "fashion_items_texts" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "fashion_item_images" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "runway_shows" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "runway_segments" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "models_social_media" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "models" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "models_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "runway_appearances" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "designer_collaborations_members" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "designer_collaborations" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "designer_analytics" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "designers_social_media" CASCADE;
  DROP TABLE "designers_awards" CASCADE;
  DROP TABLE "designers_press_mentions" CASCADE;
  DROP TABLE "designers" CASCADE;
  DROP TABLE "fashion_collections" CASCADE;
  DROP TABLE "fashion_collections_texts" CASCADE;
  DROP TABLE "fashion_items" CASCADE;
  DROP TABLE "fashion_items_texts" CASCADE;
  DROP TABLE "fashion_item_images" CASCADE;
  DROP TABLE "runway_shows" CASCADE;
  DROP TABLE "runway_segments" CASCADE;
  DROP TABLE "models_social_media" CASCADE;
  DROP TABLE "models" CASCADE;
  DROP TABLE "models_rels" CASCADE;
  DROP TABLE "runway_appearances" CASCADE;
  DROP TABLE "designer_collaborations_members" CASCADE;
  DROP TABLE "designer_collaborations" CASCADE;
  DROP TABLE "designer_analytics" CASCADE;
  ALTER TABLE "pages_rels" DROP CONSTRAINT "pages_rels_designers_fk";
  
  ALTER TABLE "_pages_v_rels" DROP CONSTRAINT "_pages_v_rels_designers_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_designers_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_fashion_collections_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_fashion_items_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_fashion_item_images_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_runway_shows_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_runway_segments_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_models_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_runway_appearances_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_designer_collaborations_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_designer_analytics_fk";
  
  ALTER TABLE "pages_blocks_designer_list" ALTER COLUMN "mode" SET DATA TYPE text;
  ALTER TABLE "pages_blocks_designer_list" ALTER COLUMN "mode" SET DEFAULT 'featured'::text;
  DROP TYPE "public"."enum_pages_blocks_designer_list_mode";
  CREATE TYPE "public"."enum_pages_blocks_designer_list_mode" AS ENUM('featured', 'latest');
  ALTER TABLE "pages_blocks_designer_list" ALTER COLUMN "mode" SET DEFAULT 'featured'::"public"."enum_pages_blocks_designer_list_mode";
  ALTER TABLE "pages_blocks_designer_list" ALTER COLUMN "mode" SET DATA TYPE "public"."enum_pages_blocks_designer_list_mode" USING "mode"::"public"."enum_pages_blocks_designer_list_mode";
  ALTER TABLE "_pages_v_blocks_designer_list" ALTER COLUMN "mode" SET DATA TYPE text;
  ALTER TABLE "_pages_v_blocks_designer_list" ALTER COLUMN "mode" SET DEFAULT 'featured'::text;
  DROP TYPE "public"."enum__pages_v_blocks_designer_list_mode";
  CREATE TYPE "public"."enum__pages_v_blocks_designer_list_mode" AS ENUM('featured', 'latest');
  ALTER TABLE "_pages_v_blocks_designer_list" ALTER COLUMN "mode" SET DEFAULT 'featured'::"public"."enum__pages_v_blocks_designer_list_mode";
  ALTER TABLE "_pages_v_blocks_designer_list" ALTER COLUMN "mode" SET DATA TYPE "public"."enum__pages_v_blocks_designer_list_mode" USING "mode"::"public"."enum__pages_v_blocks_designer_list_mode";
  DROP INDEX "pages_rels_designers_id_idx";
  DROP INDEX "_pages_v_rels_designers_id_idx";
  DROP INDEX "payload_locked_documents_rels_designers_id_idx";
  DROP INDEX "payload_locked_documents_rels_fashion_collections_id_idx";
  DROP INDEX "payload_locked_documents_rels_fashion_items_id_idx";
  DROP INDEX "payload_locked_documents_rels_fashion_item_images_id_idx";
  DROP INDEX "payload_locked_documents_rels_runway_shows_id_idx";
  DROP INDEX "payload_locked_documents_rels_runway_segments_id_idx";
  DROP INDEX "payload_locked_documents_rels_models_id_idx";
  DROP INDEX "payload_locked_documents_rels_runway_appearances_id_idx";
  DROP INDEX "payload_locked_documents_rels_designer_collaborations_id_idx";
  DROP INDEX "payload_locked_documents_rels_designer_analytics_id_idx";
  ALTER TABLE "pages_rels" DROP COLUMN "designers_id";
  ALTER TABLE "_pages_v_rels" DROP COLUMN "designers_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "designers_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "fashion_collections_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "fashion_items_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "fashion_item_images_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "runway_shows_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "runway_segments_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "models_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "runway_appearances_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "designer_collaborations_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "designer_analytics_id";
  DROP TYPE "public"."enum_designers_status";
  DROP TYPE "public"."enum_fashion_collections_season";
  DROP TYPE "public"."enum_fashion_collections_status";
  DROP TYPE "public"."enum_fashion_items_type";
  DROP TYPE "public"."enum_runway_shows_status";
  DROP TYPE "public"."enum_models_status";
  DROP TYPE "public"."enum_designer_collaborations_status";`)
}
