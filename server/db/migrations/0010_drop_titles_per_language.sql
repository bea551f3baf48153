-- Drop titles per language: an existing plain title becomes its English text, so nothing is lost.
ALTER TABLE "drops" ALTER COLUMN "title" SET DATA TYPE jsonb USING jsonb_build_object('en', "title");--> statement-breakpoint
ALTER TABLE "drops" ADD COLUMN "description" jsonb;
