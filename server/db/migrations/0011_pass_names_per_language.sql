-- Pass programme names per language: an existing plain name becomes its English text, so nothing is lost.
ALTER TABLE "pass_types" ALTER COLUMN "name" SET DATA TYPE jsonb USING jsonb_build_object('en', "name");
