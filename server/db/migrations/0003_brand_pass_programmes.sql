ALTER TABLE "pass_types" ADD COLUMN "brand_id" text;--> statement-breakpoint
ALTER TABLE "pass_types" ADD CONSTRAINT "pass_types_brand_id_brands_id_fk" FOREIGN KEY ("brand_id") REFERENCES "public"."brands"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pass_types_brand_idx" ON "pass_types" USING btree ("brand_id");