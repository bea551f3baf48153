CREATE TABLE "collectible_copies" (
	"id" text PRIMARY KEY NOT NULL,
	"collectible_id" text NOT NULL,
	"edition" integer NOT NULL,
	"owner_id" text NOT NULL,
	"grant_reason" text NOT NULL,
	"grant_ref" text,
	"hidden" boolean DEFAULT false NOT NULL,
	"certificate" jsonb NOT NULL,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "collectible_copies_edition_unique" UNIQUE("collectible_id","edition"),
	CONSTRAINT "collectible_copies_owner_unique" UNIQUE("collectible_id","owner_id"),
	CONSTRAINT "collectible_copies_edition_positive" CHECK ("collectible_copies"."edition" >= 1),
	CONSTRAINT "collectible_copies_reason_known" CHECK ("collectible_copies"."grant_reason" in ('drop_claim', 'event_attendance', 'pass_holder', 'manual'))
);
--> statement-breakpoint
CREATE TABLE "collectibles" (
	"id" text PRIMARY KEY NOT NULL,
	"brand_id" text NOT NULL,
	"model_id" text NOT NULL,
	"model_sha256" char(64) NOT NULL,
	"model_bytes" integer NOT NULL,
	"name" jsonb NOT NULL,
	"story" jsonb NOT NULL,
	"edition_size" integer NOT NULL,
	"issued" integer DEFAULT 0 NOT NULL,
	"obtained_by" text NOT NULL,
	"source_id" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "collectibles_edition_size_positive" CHECK ("collectibles"."edition_size" > 0),
	CONSTRAINT "collectibles_issued_within_edition" CHECK ("collectibles"."issued" >= 0 and "collectibles"."issued" <= "collectibles"."edition_size"),
	CONSTRAINT "collectibles_obtained_by_known" CHECK ("collectibles"."obtained_by" in ('drop', 'event', 'pass', 'manual'))
);
--> statement-breakpoint
CREATE TABLE "vitrine_shares" (
	"owner_id" text PRIMARY KEY NOT NULL,
	"token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "vitrine_shares_token_unique" UNIQUE("token")
);
--> statement-breakpoint
CREATE TABLE "chat_reports" (
	"id" text PRIMARY KEY NOT NULL,
	"reporter_id" text,
	"reporter_name" text NOT NULL,
	"author_id" text,
	"author_name" text NOT NULL,
	"message_id" text NOT NULL,
	"message" text NOT NULL,
	"channel" text NOT NULL,
	"room_id" text NOT NULL,
	"reason" text,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "chat_reports_status_known" CHECK ("chat_reports"."status" in ('open', 'dismissed', 'actioned'))
);
--> statement-breakpoint
CREATE TABLE "host_scripts" (
	"scope" text PRIMARY KEY NOT NULL,
	"brand_id" text,
	"document" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "collectible_copies" ADD CONSTRAINT "collectible_copies_collectible_id_collectibles_id_fk" FOREIGN KEY ("collectible_id") REFERENCES "public"."collectibles"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collectible_copies" ADD CONSTRAINT "collectible_copies_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collectibles" ADD CONSTRAINT "collectibles_brand_id_brands_id_fk" FOREIGN KEY ("brand_id") REFERENCES "public"."brands"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collectibles" ADD CONSTRAINT "collectibles_model_id_brand_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."brand_models"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collectibles" ADD CONSTRAINT "collectibles_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vitrine_shares" ADD CONSTRAINT "vitrine_shares_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_reports" ADD CONSTRAINT "chat_reports_reporter_id_users_id_fk" FOREIGN KEY ("reporter_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_reports" ADD CONSTRAINT "chat_reports_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "host_scripts" ADD CONSTRAINT "host_scripts_brand_id_brands_id_fk" FOREIGN KEY ("brand_id") REFERENCES "public"."brands"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "host_scripts" ADD CONSTRAINT "host_scripts_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "collectible_copies_owner_idx" ON "collectible_copies" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "collectibles_brand_idx" ON "collectibles" USING btree ("brand_id");--> statement-breakpoint
CREATE INDEX "collectibles_source_idx" ON "collectibles" USING btree ("obtained_by","source_id");--> statement-breakpoint
CREATE INDEX "chat_reports_status_created_idx" ON "chat_reports" USING btree ("status","created_at");