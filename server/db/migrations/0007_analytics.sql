CREATE TABLE "analytics_daily" (
	"bucket" timestamp with time zone NOT NULL,
	"brand_id" text NOT NULL,
	"kind" text NOT NULL,
	"item_id" text DEFAULT '' NOT NULL,
	"count" integer NOT NULL,
	"visitors" integer NOT NULL,
	"total_ms" bigint NOT NULL,
	CONSTRAINT "analytics_daily_brand_id_bucket_kind_item_id_pk" PRIMARY KEY("brand_id","bucket","kind","item_id")
);
--> statement-breakpoint
CREATE TABLE "analytics_facts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"brand_id" text NOT NULL,
	"kind" text NOT NULL,
	"item_id" text DEFAULT '' NOT NULL,
	"visitor" text,
	"value_ms" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analytics_hourly" (
	"bucket" timestamp with time zone NOT NULL,
	"brand_id" text NOT NULL,
	"kind" text NOT NULL,
	"item_id" text DEFAULT '' NOT NULL,
	"count" integer NOT NULL,
	"visitors" integer NOT NULL,
	"total_ms" bigint NOT NULL,
	CONSTRAINT "analytics_hourly_brand_id_bucket_kind_item_id_pk" PRIMARY KEY("brand_id","bucket","kind","item_id")
);
--> statement-breakpoint
CREATE INDEX "analytics_facts_brand_at" ON "analytics_facts" USING btree ("brand_id","at");--> statement-breakpoint
CREATE INDEX "analytics_facts_at" ON "analytics_facts" USING btree ("at");