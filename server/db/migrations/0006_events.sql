CREATE TABLE "event_attendance" (
	"event_id" text NOT NULL,
	"user_id" text NOT NULL,
	"first_seen_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"watch_seconds" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "event_attendance_pk" PRIMARY KEY("event_id","user_id"),
	CONSTRAINT "event_attendance_watch_nonnegative" CHECK ("event_attendance"."watch_seconds" >= 0),
	CONSTRAINT "event_attendance_seen_ordered" CHECK ("event_attendance"."first_seen_at" <= "event_attendance"."last_seen_at")
);
--> statement-breakpoint
CREATE TABLE "event_invitations" (
	"id" text PRIMARY KEY NOT NULL,
	"event_id" text NOT NULL,
	"user_id" text,
	"email" text NOT NULL,
	"status" text DEFAULT 'invited' NOT NULL,
	"source" text NOT NULL,
	"seat_taken_at" timestamp with time zone,
	"invited_at" timestamp with time zone NOT NULL,
	"responded_at" timestamp with time zone,
	CONSTRAINT "event_invitations_email_unique" UNIQUE("event_id","email"),
	CONSTRAINT "event_invitations_status_known" CHECK ("event_invitations"."status" in ('invited', 'yes', 'no')),
	CONSTRAINT "event_invitations_source_known" CHECK ("event_invitations"."source" in ('pass', 'segment', 'email')),
	CONSTRAINT "event_invitations_email_lowercase" CHECK ("event_invitations"."email" = lower("event_invitations"."email")),
	CONSTRAINT "event_invitations_seat_iff_yes" CHECK (("event_invitations"."status" = 'yes') = ("event_invitations"."seat_taken_at" is not null)),
	CONSTRAINT "event_invitations_yes_bound" CHECK ("event_invitations"."status" = 'invited' or "event_invitations"."user_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "event_presenters" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"event_id" text NOT NULL,
	"kind" text NOT NULL,
	"user_id" text,
	"position" integer NOT NULL,
	CONSTRAINT "event_presenters_kind_known" CHECK ("event_presenters"."kind" in ('staff', 'host')),
	CONSTRAINT "event_presenters_user_iff_staff" CHECK (("event_presenters"."kind" = 'staff') = ("event_presenters"."user_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "event_products" (
	"event_id" text NOT NULL,
	"product_id" text NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "event_products_pk" PRIMARY KEY("event_id","product_id")
);
--> statement-breakpoint
CREATE TABLE "event_seats" (
	"event_id" text PRIMARY KEY NOT NULL,
	"seat_cap" integer NOT NULL,
	"seats_taken" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "event_seats_cap_positive" CHECK ("event_seats"."seat_cap" >= 1),
	CONSTRAINT "event_seats_taken_within_cap" CHECK ("event_seats"."seats_taken" >= 0 and "event_seats"."seats_taken" <= "event_seats"."seat_cap")
);
--> statement-breakpoint
CREATE TABLE "event_timeline" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"event_id" text NOT NULL,
	"t_ms" integer NOT NULL,
	"kind" text NOT NULL,
	"payload" jsonb NOT NULL,
	CONSTRAINT "event_timeline_kind_known" CHECK ("event_timeline"."kind" in ('stage', 'pin', 'unpin', 'host_line', 'stage_chat', 'phase', 'drop_countdown'))
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" text PRIMARY KEY NOT NULL,
	"brand_id" text,
	"title" jsonb NOT NULL,
	"description" jsonb NOT NULL,
	"kind" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"doors_open_minutes" integer NOT NULL,
	"drop_id" text,
	"collectible_id" text,
	"host_script" jsonb,
	"guest_list_rules" jsonb,
	"timeline_length" integer DEFAULT 0 NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"cancelled_at" timestamp with time zone,
	"cancel_reason" text,
	CONSTRAINT "events_kind_known" CHECK ("events"."kind" in ('open', 'invite')),
	CONSTRAINT "events_times_ordered" CHECK ("events"."starts_at" < "events"."ends_at"),
	CONSTRAINT "events_doors_open_minutes" CHECK ("events"."doors_open_minutes" between 0 and 120),
	CONSTRAINT "events_timeline_length" CHECK ("events"."timeline_length" >= 0)
);
--> statement-breakpoint
ALTER TABLE "event_attendance" ADD CONSTRAINT "event_attendance_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_attendance" ADD CONSTRAINT "event_attendance_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_invitations" ADD CONSTRAINT "event_invitations_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_invitations" ADD CONSTRAINT "event_invitations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_presenters" ADD CONSTRAINT "event_presenters_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_presenters" ADD CONSTRAINT "event_presenters_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_products" ADD CONSTRAINT "event_products_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_products" ADD CONSTRAINT "event_products_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_seats" ADD CONSTRAINT "event_seats_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_timeline" ADD CONSTRAINT "event_timeline_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_brand_id_brands_id_fk" FOREIGN KEY ("brand_id") REFERENCES "public"."brands"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_drop_id_drops_id_fk" FOREIGN KEY ("drop_id") REFERENCES "public"."drops"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_collectible_id_collectibles_id_fk" FOREIGN KEY ("collectible_id") REFERENCES "public"."collectibles"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "event_attendance_user_idx" ON "event_attendance" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "event_invitations_user_unique" ON "event_invitations" USING btree ("event_id","user_id") WHERE "event_invitations"."user_id" is not null;--> statement-breakpoint
CREATE INDEX "event_invitations_user_idx" ON "event_invitations" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "event_invitations_pending_email_idx" ON "event_invitations" USING btree ("email") WHERE "event_invitations"."user_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "event_presenters_staff_unique" ON "event_presenters" USING btree ("event_id","user_id") WHERE "event_presenters"."user_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "event_presenters_host_unique" ON "event_presenters" USING btree ("event_id") WHERE "event_presenters"."kind" = 'host';--> statement-breakpoint
CREATE INDEX "event_presenters_user_idx" ON "event_presenters" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "event_timeline_event_idx" ON "event_timeline" USING btree ("event_id","t_ms","seq");--> statement-breakpoint
CREATE INDEX "events_brand_idx" ON "events" USING btree ("brand_id","starts_at");--> statement-breakpoint
CREATE INDEX "events_ends_idx" ON "events" USING btree ("ends_at");