CREATE TABLE "analytics_seen" (
	"grain" text NOT NULL,
	"bucket" timestamp with time zone NOT NULL,
	"brand_id" text NOT NULL,
	"kind" text NOT NULL,
	"item_id" text NOT NULL,
	"visitor" text NOT NULL,
	CONSTRAINT "analytics_seen_grain_brand_id_bucket_kind_item_id_visitor_pk" PRIMARY KEY("grain","brand_id","bucket","kind","item_id","visitor")
);
--> statement-breakpoint
CREATE INDEX "analytics_seen_bucket" ON "analytics_seen" USING btree ("bucket");