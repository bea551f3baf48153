CREATE TABLE "audit_events" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"actor_user_id" text,
	"subject_user_id" text,
	"drop_id" text,
	"pass_id" text,
	"claim_id" text,
	"reason" text,
	"details" jsonb
);
--> statement-breakpoint
CREATE TABLE "brand_webhooks" (
	"brand_id" text PRIMARY KEY NOT NULL,
	"url" text NOT NULL,
	"secret" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "drop_accounts" (
	"drop_id" text NOT NULL,
	"user_id" text NOT NULL,
	"active" integer NOT NULL,
	CONSTRAINT "drop_accounts_pk" PRIMARY KEY("drop_id","user_id"),
	CONSTRAINT "drop_accounts_active_nonnegative" CHECK ("drop_accounts"."active" >= 0)
);
--> statement-breakpoint
CREATE TABLE "drop_claim_requests" (
	"drop_id" text NOT NULL,
	"user_id" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"answer" jsonb,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "drop_claim_requests_pk" PRIMARY KEY("drop_id","user_id","idempotency_key")
);
--> statement-breakpoint
CREATE TABLE "drop_claims" (
	"id" text PRIMARY KEY NOT NULL,
	"drop_id" text NOT NULL,
	"user_id" text NOT NULL,
	"status" text NOT NULL,
	"hold_expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"confirmed_at" timestamp with time zone,
	"expired_at" timestamp with time zone,
	CONSTRAINT "drop_claims_status_known" CHECK ("drop_claims"."status" in ('held', 'confirmed', 'expired'))
);
--> statement-breakpoint
CREATE TABLE "drop_entries" (
	"id" text PRIMARY KEY NOT NULL,
	"drop_id" text NOT NULL,
	"user_id" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "drops" (
	"id" text PRIMARY KEY NOT NULL,
	"brand_id" text NOT NULL,
	"product_id" text NOT NULL,
	"title" text NOT NULL,
	"mode" text NOT NULL,
	"stock" integer NOT NULL,
	"remaining" integer NOT NULL,
	"per_account_limit" integer NOT NULL,
	"early_access_pass_type_ids" jsonb NOT NULL,
	"announce_at" timestamp with time zone NOT NULL,
	"early_access_starts_at" timestamp with time zone NOT NULL,
	"public_starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"entries_close_at" timestamp with time zone,
	"hold_seconds" integer NOT NULL,
	"seed_commitment" text,
	"seed" text,
	"drawn_at" timestamp with time zone,
	"sold_out_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "drops_mode_known" CHECK ("drops"."mode" in ('fcfs', 'raffle')),
	CONSTRAINT "drops_remaining_in_stock" CHECK ("drops"."remaining" >= 0 and "drops"."remaining" <= "drops"."stock"),
	CONSTRAINT "drops_limit_positive" CHECK ("drops"."per_account_limit" >= 1),
	CONSTRAINT "drops_times_ordered" CHECK ("drops"."announce_at" <= "drops"."early_access_starts_at" and "drops"."early_access_starts_at" <= "drops"."public_starts_at" and "drops"."public_starts_at" < "drops"."ends_at")
);
--> statement-breakpoint
CREATE TABLE "order_deliveries" (
	"id" text PRIMARY KEY NOT NULL,
	"claim_id" text NOT NULL,
	"brand_id" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"last_error" text,
	"delivered_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "order_deliveries_claim_unique" UNIQUE("claim_id"),
	CONSTRAINT "order_deliveries_status_known" CHECK ("order_deliveries"."status" in ('pending', 'delivered', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "order_delivery_attempts" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"delivery_id" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"http_status" integer,
	"error" text
);
--> statement-breakpoint
CREATE TABLE "pass_types" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"tier" text NOT NULL,
	"valid_from" timestamp with time zone NOT NULL,
	"valid_until" timestamp with time zone NOT NULL,
	"entitlements" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "pass_types_window_ordered" CHECK ("pass_types"."valid_from" < "pass_types"."valid_until")
);
--> statement-breakpoint
CREATE TABLE "passes" (
	"id" text PRIMARY KEY NOT NULL,
	"pass_type_id" text NOT NULL,
	"user_id" text NOT NULL,
	"source" text NOT NULL,
	"issued_by" text NOT NULL,
	"valid_from" timestamp with time zone NOT NULL,
	"valid_until" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_reason" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "passes_source_known" CHECK ("passes"."source" in ('manual', 'rule')),
	CONSTRAINT "passes_window_ordered" CHECK ("passes"."valid_from" < "passes"."valid_until")
);
--> statement-breakpoint
ALTER TABLE "brand_webhooks" ADD CONSTRAINT "brand_webhooks_brand_id_brands_id_fk" FOREIGN KEY ("brand_id") REFERENCES "public"."brands"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drop_accounts" ADD CONSTRAINT "drop_accounts_drop_id_drops_id_fk" FOREIGN KEY ("drop_id") REFERENCES "public"."drops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drop_accounts" ADD CONSTRAINT "drop_accounts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drop_claim_requests" ADD CONSTRAINT "drop_claim_requests_drop_id_drops_id_fk" FOREIGN KEY ("drop_id") REFERENCES "public"."drops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drop_claim_requests" ADD CONSTRAINT "drop_claim_requests_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drop_claims" ADD CONSTRAINT "drop_claims_drop_id_drops_id_fk" FOREIGN KEY ("drop_id") REFERENCES "public"."drops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drop_claims" ADD CONSTRAINT "drop_claims_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drop_entries" ADD CONSTRAINT "drop_entries_drop_id_drops_id_fk" FOREIGN KEY ("drop_id") REFERENCES "public"."drops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drop_entries" ADD CONSTRAINT "drop_entries_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drops" ADD CONSTRAINT "drops_brand_id_brands_id_fk" FOREIGN KEY ("brand_id") REFERENCES "public"."brands"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drops" ADD CONSTRAINT "drops_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_deliveries" ADD CONSTRAINT "order_deliveries_claim_id_drop_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."drop_claims"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_delivery_attempts" ADD CONSTRAINT "order_delivery_attempts_delivery_id_order_deliveries_id_fk" FOREIGN KEY ("delivery_id") REFERENCES "public"."order_deliveries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "passes" ADD CONSTRAINT "passes_pass_type_id_pass_types_id_fk" FOREIGN KEY ("pass_type_id") REFERENCES "public"."pass_types"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "passes" ADD CONSTRAINT "passes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_events_drop_idx" ON "audit_events" USING btree ("drop_id","kind");--> statement-breakpoint
CREATE INDEX "audit_events_pass_idx" ON "audit_events" USING btree ("pass_id");--> statement-breakpoint
CREATE INDEX "drop_claims_drop_user_idx" ON "drop_claims" USING btree ("drop_id","user_id");--> statement-breakpoint
CREATE INDEX "drop_claims_held_expiry_idx" ON "drop_claims" USING btree ("hold_expires_at") WHERE "drop_claims"."status" = 'held';--> statement-breakpoint
CREATE UNIQUE INDEX "drop_entries_drop_user_unique" ON "drop_entries" USING btree ("drop_id","user_id");--> statement-breakpoint
CREATE INDEX "drops_brand_idx" ON "drops" USING btree ("brand_id");--> statement-breakpoint
CREATE INDEX "order_deliveries_due_idx" ON "order_deliveries" USING btree ("next_attempt_at") WHERE "order_deliveries"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "order_delivery_attempts_delivery_idx" ON "order_delivery_attempts" USING btree ("delivery_id");--> statement-breakpoint
CREATE INDEX "passes_user_idx" ON "passes" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "passes_live_unique" ON "passes" USING btree ("pass_type_id","user_id") WHERE "passes"."revoked_at" is null;