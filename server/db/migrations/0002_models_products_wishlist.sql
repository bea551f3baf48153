CREATE TABLE "brand_models" (
	"id" text PRIMARY KEY NOT NULL,
	"brand_id" text NOT NULL,
	"file_name" text NOT NULL,
	"original_sha256" char(64) NOT NULL,
	"original_bytes" integer NOT NULL,
	"optimized_sha256" char(64) NOT NULL,
	"optimized_bytes" integer NOT NULL,
	"lod_sha256" char(64) NOT NULL,
	"lod_bytes" integer NOT NULL,
	"figures" jsonb NOT NULL,
	"variant_names" jsonb NOT NULL,
	"normalization" jsonb NOT NULL,
	"suggested_display_height" double precision NOT NULL,
	"warnings" jsonb NOT NULL,
	"processing_seconds" double precision NOT NULL,
	"uploaded_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "brand_placements" (
	"brand_id" text PRIMARY KEY NOT NULL,
	"slots" jsonb NOT NULL,
	"published_slots" jsonb,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "product_drafts" (
	"id" text PRIMARY KEY NOT NULL,
	"brand_id" text NOT NULL,
	"name" jsonb NOT NULL,
	"description" jsonb NOT NULL,
	"price_minor" bigint NOT NULL,
	"currency" char(3) NOT NULL,
	"stock" integer DEFAULT 0 NOT NULL,
	"model_id" text,
	"model" jsonb NOT NULL,
	"variant_labels" jsonb NOT NULL,
	"dirty" boolean DEFAULT true NOT NULL,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "product_drafts_price_nonnegative" CHECK ("product_drafts"."price_minor" >= 0),
	CONSTRAINT "product_drafts_stock_nonnegative" CHECK ("product_drafts"."stock" >= 0)
);
--> statement-breakpoint
CREATE TABLE "wishlist_items" (
	"user_id" text NOT NULL,
	"product_id" text NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "wishlist_items_pk" PRIMARY KEY("user_id","product_id")
);
--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "slot" integer;--> statement-breakpoint
ALTER TABLE "brand_models" ADD CONSTRAINT "brand_models_brand_id_brands_id_fk" FOREIGN KEY ("brand_id") REFERENCES "public"."brands"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "brand_models" ADD CONSTRAINT "brand_models_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "brand_placements" ADD CONSTRAINT "brand_placements_brand_id_brands_id_fk" FOREIGN KEY ("brand_id") REFERENCES "public"."brands"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_drafts" ADD CONSTRAINT "product_drafts_brand_id_brands_id_fk" FOREIGN KEY ("brand_id") REFERENCES "public"."brands"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_drafts" ADD CONSTRAINT "product_drafts_model_id_brand_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."brand_models"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wishlist_items" ADD CONSTRAINT "wishlist_items_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wishlist_items" ADD CONSTRAINT "wishlist_items_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "brand_models_brand_created_idx" ON "brand_models" USING btree ("brand_id","created_at");--> statement-breakpoint
CREATE INDEX "product_drafts_brand_idx" ON "product_drafts" USING btree ("brand_id");