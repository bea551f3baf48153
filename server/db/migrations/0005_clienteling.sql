CREATE TABLE "claim_personalisations" (
	"claim_id" text PRIMARY KEY NOT NULL,
	"product_id" text NOT NULL,
	"variant" text,
	"choice" jsonb,
	"selection_item_id" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "client_access_log" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"brand_id" text NOT NULL,
	"client_id" text NOT NULL,
	"staff_id" text,
	"staff_name" text NOT NULL,
	"staff_role" text NOT NULL,
	"action" text NOT NULL,
	"sections" jsonb NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "client_consent_events" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"brand_id" text NOT NULL,
	"client_id" text NOT NULL,
	"purpose" text NOT NULL,
	"channel" text NOT NULL,
	"granted" boolean NOT NULL,
	"source" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "client_consents" (
	"brand_id" text NOT NULL,
	"client_id" text NOT NULL,
	"purpose" text NOT NULL,
	"channel" text NOT NULL,
	"granted" boolean NOT NULL,
	"source" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "client_consents_pk" PRIMARY KEY("brand_id","client_id","purpose","channel"),
	CONSTRAINT "client_consents_purpose_known" CHECK ("client_consents"."purpose" in ('appointments', 'new_pieces', 'events')),
	CONSTRAINT "client_consents_channel_known" CHECK ("client_consents"."channel" in ('in_app', 'email'))
);
--> statement-breakpoint
CREATE TABLE "client_messages" (
	"id" text PRIMARY KEY NOT NULL,
	"brand_id" text NOT NULL,
	"client_id" text NOT NULL,
	"recipient_id" text,
	"recipient_email" text,
	"advisor_id" text,
	"kind" text NOT NULL,
	"purpose" text,
	"occasion" text,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"language" text NOT NULL,
	"in_app" boolean NOT NULL,
	"email" boolean NOT NULL,
	"counts_toward_cap" boolean NOT NULL,
	"appointment_id" text,
	"sent_at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone,
	"email_status" text NOT NULL,
	"email_attempts" integer DEFAULT 0 NOT NULL,
	"email_next_attempt_at" timestamp with time zone,
	"email_last_error" text,
	"email_sent_at" timestamp with time zone,
	CONSTRAINT "client_messages_kind_known" CHECK ("client_messages"."kind" in ('outreach', 'service')),
	CONSTRAINT "client_messages_email_status_known" CHECK ("client_messages"."email_status" in ('none', 'pending', 'sent', 'failed')),
	CONSTRAINT "client_messages_recipient" CHECK ("client_messages"."recipient_id" is not null or "client_messages"."recipient_email" is not null),
	CONSTRAINT "client_messages_outreach_counted" CHECK ("client_messages"."kind" = 'service' or "client_messages"."counts_toward_cap")
);
--> statement-breakpoint
CREATE TABLE "client_preferences" (
	"user_id" text PRIMARY KEY NOT NULL,
	"time_zone" text NOT NULL,
	"language" text NOT NULL,
	"quiet_start" text NOT NULL,
	"quiet_end" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "client_relationships" (
	"brand_id" text NOT NULL,
	"client_id" text NOT NULL,
	"preferred_advisor_id" text,
	"notes" text DEFAULT '' NOT NULL,
	"important_dates" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"sizes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"in_book_since" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "client_relationships_pk" PRIMARY KEY("brand_id","client_id")
);
--> statement-breakpoint
CREATE TABLE "clienteling_settings" (
	"brand_id" text PRIMARY KEY NOT NULL,
	"settings" jsonb NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "clienteling_templates" (
	"brand_id" text NOT NULL,
	"occasion" text NOT NULL,
	"template" jsonb NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "clienteling_templates_pk" PRIMARY KEY("brand_id","occasion")
);
--> statement-breakpoint
CREATE TABLE "follow_ups" (
	"id" text PRIMARY KEY NOT NULL,
	"brand_id" text NOT NULL,
	"advisor_id" text,
	"client_id" text NOT NULL,
	"kind" text NOT NULL,
	"source_id" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone,
	"completed_by" text,
	"outcome" text,
	CONSTRAINT "follow_ups_source_unique" UNIQUE("kind","source_id"),
	CONSTRAINT "follow_ups_kind_known" CHECK ("follow_ups"."kind" in ('after_appointment', 'after_claim')),
	CONSTRAINT "follow_ups_status_known" CHECK ("follow_ups"."status" in ('open', 'done'))
);
--> statement-breakpoint
CREATE TABLE "outreach_counters" (
	"brand_id" text NOT NULL,
	"client_id" text NOT NULL,
	"last_sent_at" timestamp with time zone,
	CONSTRAINT "outreach_counters_pk" PRIMARY KEY("brand_id","client_id")
);
--> statement-breakpoint
CREATE TABLE "product_personalisation" (
	"product_id" text PRIMARY KEY NOT NULL,
	"brand_id" text NOT NULL,
	"options" jsonb NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "selection_items" (
	"id" text PRIMARY KEY NOT NULL,
	"list_id" text NOT NULL,
	"product_id" text NOT NULL,
	"variant" text,
	"personalisation" jsonb,
	"note" text,
	"added_by" text,
	"added_at" timestamp with time zone NOT NULL,
	"handover_status" text DEFAULT 'none' NOT NULL,
	"claim_id" text,
	"order_delivery_id" text,
	"handed_over_at" timestamp with time zone,
	CONSTRAINT "selection_items_handover_known" CHECK ("selection_items"."handover_status" in ('none', 'claim_held', 'order_sent'))
);
--> statement-breakpoint
CREATE TABLE "selection_lists" (
	"id" text PRIMARY KEY NOT NULL,
	"brand_id" text NOT NULL,
	"client_id" text NOT NULL,
	"advisor_id" text,
	"appointment_id" text,
	"title" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "advisor_availability" (
	"brand_id" text NOT NULL,
	"advisor_id" text NOT NULL,
	"time_zone" text NOT NULL,
	"weekly" jsonb NOT NULL,
	"exceptions" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "advisor_availability_pk" PRIMARY KEY("brand_id","advisor_id")
);
--> statement-breakpoint
CREATE TABLE "advisor_presence" (
	"brand_id" text NOT NULL,
	"advisor_id" text NOT NULL,
	"status" text NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	CONSTRAINT "advisor_presence_pk" PRIMARY KEY("brand_id","advisor_id"),
	CONSTRAINT "advisor_presence_status_known" CHECK ("advisor_presence"."status" in ('available', 'in_session'))
);
--> statement-breakpoint
CREATE TABLE "advisor_queue" (
	"id" text PRIMARY KEY NOT NULL,
	"brand_id" text NOT NULL,
	"client_id" text NOT NULL,
	"status" text NOT NULL,
	"joined_at" timestamp with time zone NOT NULL,
	"taken_at" timestamp with time zone,
	"taken_by" text,
	"left_at" timestamp with time zone,
	"appointment_id" text,
	CONSTRAINT "advisor_queue_status_known" CHECK ("advisor_queue"."status" in ('waiting', 'taken', 'left'))
);
--> statement-breakpoint
CREATE TABLE "appointment_reminders" (
	"appointment_id" text NOT NULL,
	"recipient" text NOT NULL,
	"lead_minutes" integer NOT NULL,
	"message_id" text,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "appointment_reminders_pk" PRIMARY KEY("appointment_id","recipient","lead_minutes"),
	CONSTRAINT "appointment_reminders_recipient_known" CHECK ("appointment_reminders"."recipient" in ('client', 'advisor'))
);
--> statement-breakpoint
CREATE TABLE "appointments" (
	"id" text PRIMARY KEY NOT NULL,
	"brand_id" text NOT NULL,
	"advisor_id" text NOT NULL,
	"client_id" text NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"source" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"note" text,
	"room_id" text NOT NULL,
	"guest_token" text,
	"guest_email" text,
	"guest_invited_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"cancelled_at" timestamp with time zone,
	"cancelled_by" text,
	"cancel_reason" text,
	"started_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	CONSTRAINT "appointments_room_unique" UNIQUE("room_id"),
	CONSTRAINT "appointments_guest_token_unique" UNIQUE("guest_token"),
	CONSTRAINT "appointments_status_known" CHECK ("appointments"."status" in ('booked', 'cancelled', 'completed', 'no_show')),
	CONSTRAINT "appointments_kind_known" CHECK ("appointments"."kind" in ('scheduled', 'live')),
	CONSTRAINT "appointments_times_ordered" CHECK ("appointments"."starts_at" < "appointments"."ends_at")
);
--> statement-breakpoint
ALTER TABLE "order_deliveries" ALTER COLUMN "claim_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "claim_personalisations" ADD CONSTRAINT "claim_personalisations_claim_id_drop_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."drop_claims"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_access_log" ADD CONSTRAINT "client_access_log_brand_id_brands_id_fk" FOREIGN KEY ("brand_id") REFERENCES "public"."brands"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_access_log" ADD CONSTRAINT "client_access_log_client_id_users_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_access_log" ADD CONSTRAINT "client_access_log_staff_id_users_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_consent_events" ADD CONSTRAINT "client_consent_events_brand_id_brands_id_fk" FOREIGN KEY ("brand_id") REFERENCES "public"."brands"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_consent_events" ADD CONSTRAINT "client_consent_events_client_id_users_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_consents" ADD CONSTRAINT "client_consents_brand_id_brands_id_fk" FOREIGN KEY ("brand_id") REFERENCES "public"."brands"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_consents" ADD CONSTRAINT "client_consents_client_id_users_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_messages" ADD CONSTRAINT "client_messages_brand_id_brands_id_fk" FOREIGN KEY ("brand_id") REFERENCES "public"."brands"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_messages" ADD CONSTRAINT "client_messages_client_id_users_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_messages" ADD CONSTRAINT "client_messages_recipient_id_users_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_messages" ADD CONSTRAINT "client_messages_advisor_id_users_id_fk" FOREIGN KEY ("advisor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_preferences" ADD CONSTRAINT "client_preferences_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_relationships" ADD CONSTRAINT "client_relationships_brand_id_brands_id_fk" FOREIGN KEY ("brand_id") REFERENCES "public"."brands"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_relationships" ADD CONSTRAINT "client_relationships_client_id_users_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_relationships" ADD CONSTRAINT "client_relationships_preferred_advisor_id_users_id_fk" FOREIGN KEY ("preferred_advisor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clienteling_settings" ADD CONSTRAINT "clienteling_settings_brand_id_brands_id_fk" FOREIGN KEY ("brand_id") REFERENCES "public"."brands"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clienteling_settings" ADD CONSTRAINT "clienteling_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clienteling_templates" ADD CONSTRAINT "clienteling_templates_brand_id_brands_id_fk" FOREIGN KEY ("brand_id") REFERENCES "public"."brands"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clienteling_templates" ADD CONSTRAINT "clienteling_templates_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_brand_id_brands_id_fk" FOREIGN KEY ("brand_id") REFERENCES "public"."brands"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_advisor_id_users_id_fk" FOREIGN KEY ("advisor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_client_id_users_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_completed_by_users_id_fk" FOREIGN KEY ("completed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_counters" ADD CONSTRAINT "outreach_counters_brand_id_brands_id_fk" FOREIGN KEY ("brand_id") REFERENCES "public"."brands"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_counters" ADD CONSTRAINT "outreach_counters_client_id_users_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_personalisation" ADD CONSTRAINT "product_personalisation_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_personalisation" ADD CONSTRAINT "product_personalisation_brand_id_brands_id_fk" FOREIGN KEY ("brand_id") REFERENCES "public"."brands"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_personalisation" ADD CONSTRAINT "product_personalisation_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_items" ADD CONSTRAINT "selection_items_list_id_selection_lists_id_fk" FOREIGN KEY ("list_id") REFERENCES "public"."selection_lists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_items" ADD CONSTRAINT "selection_items_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_items" ADD CONSTRAINT "selection_items_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_items" ADD CONSTRAINT "selection_items_claim_id_drop_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."drop_claims"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_items" ADD CONSTRAINT "selection_items_order_delivery_id_order_deliveries_id_fk" FOREIGN KEY ("order_delivery_id") REFERENCES "public"."order_deliveries"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_lists" ADD CONSTRAINT "selection_lists_brand_id_brands_id_fk" FOREIGN KEY ("brand_id") REFERENCES "public"."brands"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_lists" ADD CONSTRAINT "selection_lists_client_id_users_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_lists" ADD CONSTRAINT "selection_lists_advisor_id_users_id_fk" FOREIGN KEY ("advisor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advisor_availability" ADD CONSTRAINT "advisor_availability_brand_id_brands_id_fk" FOREIGN KEY ("brand_id") REFERENCES "public"."brands"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advisor_availability" ADD CONSTRAINT "advisor_availability_advisor_id_users_id_fk" FOREIGN KEY ("advisor_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advisor_presence" ADD CONSTRAINT "advisor_presence_brand_id_brands_id_fk" FOREIGN KEY ("brand_id") REFERENCES "public"."brands"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advisor_presence" ADD CONSTRAINT "advisor_presence_advisor_id_users_id_fk" FOREIGN KEY ("advisor_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advisor_queue" ADD CONSTRAINT "advisor_queue_brand_id_brands_id_fk" FOREIGN KEY ("brand_id") REFERENCES "public"."brands"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advisor_queue" ADD CONSTRAINT "advisor_queue_client_id_users_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advisor_queue" ADD CONSTRAINT "advisor_queue_taken_by_users_id_fk" FOREIGN KEY ("taken_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advisor_queue" ADD CONSTRAINT "advisor_queue_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "public"."appointments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_reminders" ADD CONSTRAINT "appointment_reminders_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "public"."appointments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_brand_id_brands_id_fk" FOREIGN KEY ("brand_id") REFERENCES "public"."brands"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_advisor_id_users_id_fk" FOREIGN KEY ("advisor_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_client_id_users_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_cancelled_by_users_id_fk" FOREIGN KEY ("cancelled_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "client_access_log_client_idx" ON "client_access_log" USING btree ("client_id","seq");--> statement-breakpoint
CREATE INDEX "client_access_log_brand_idx" ON "client_access_log" USING btree ("brand_id","seq");--> statement-breakpoint
CREATE INDEX "client_consent_events_client_idx" ON "client_consent_events" USING btree ("client_id","brand_id","seq");--> statement-breakpoint
CREATE INDEX "client_consents_granted_idx" ON "client_consents" USING btree ("brand_id","client_id") WHERE "client_consents"."granted";--> statement-breakpoint
CREATE INDEX "client_consents_client_idx" ON "client_consents" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "client_messages_cap_idx" ON "client_messages" USING btree ("brand_id","client_id","sent_at") WHERE "client_messages"."counts_toward_cap";--> statement-breakpoint
CREATE INDEX "client_messages_inbox_idx" ON "client_messages" USING btree ("recipient_id","sent_at");--> statement-breakpoint
CREATE INDEX "client_messages_email_due_idx" ON "client_messages" USING btree ("email_next_attempt_at") WHERE "client_messages"."email_status" = 'pending';--> statement-breakpoint
CREATE INDEX "client_relationships_advisor_idx" ON "client_relationships" USING btree ("brand_id","preferred_advisor_id");--> statement-breakpoint
CREATE INDEX "follow_ups_brand_idx" ON "follow_ups" USING btree ("brand_id","status","due_at");--> statement-breakpoint
CREATE INDEX "selection_items_list_idx" ON "selection_items" USING btree ("list_id","added_at");--> statement-breakpoint
CREATE INDEX "selection_lists_client_idx" ON "selection_lists" USING btree ("client_id","brand_id");--> statement-breakpoint
CREATE UNIQUE INDEX "advisor_queue_waiting_unique" ON "advisor_queue" USING btree ("brand_id","client_id") WHERE "advisor_queue"."status" = 'waiting';--> statement-breakpoint
CREATE INDEX "advisor_queue_line_idx" ON "advisor_queue" USING btree ("brand_id","joined_at") WHERE "advisor_queue"."status" = 'waiting';--> statement-breakpoint
CREATE UNIQUE INDEX "appointments_slot_unique" ON "appointments" USING btree ("advisor_id","starts_at") WHERE "appointments"."status" <> 'cancelled';--> statement-breakpoint
CREATE INDEX "appointments_client_idx" ON "appointments" USING btree ("client_id","starts_at");--> statement-breakpoint
CREATE INDEX "appointments_brand_idx" ON "appointments" USING btree ("brand_id","starts_at");--> statement-breakpoint
CREATE INDEX "appointments_advisor_idx" ON "appointments" USING btree ("advisor_id","starts_at");