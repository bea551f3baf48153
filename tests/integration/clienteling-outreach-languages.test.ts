/**
 * Outreach in the client's language (issue 14): a drop suggestion's {{dropTitle}} is the drop's
 * title in the client's language when the brand wrote it, English otherwise; on PGlite and
 * PostgreSQL.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { composeOutreach } from "../../server/clienteling/outreach/compose.ts";
import { drops } from "../../server/db/schema.ts";
import { DEFAULT_PREFERENCES } from "../../shared/clienteling/preferences.ts";
import { databaseTargets, withDatabase } from "../helpers/databases.ts";
import { createWorld } from "./clienteling-fixtures.ts";

const T0 = new Date("2027-03-14T15:00:00Z");

for (const target of databaseTargets()) {
  describe(`outreach languages on ${target.name}`, { skip: target.skip }, () => {
    test("a French client reads the drop's French title, a German one the English title", () =>
      withDatabase(target, async (database) => {
        const world = await createWorld(database.db, "lang", 1);
        const [drop] = await database.db
          .insert(drops)
          .values({
            brandId: world.a.brandId,
            productId: world.a.ringId,
            title: { en: "Midnight, ten pieces", fr: "Minuit, dix pièces" },
            mode: "fcfs",
            stock: 10,
            remaining: 10,
            perAccountLimit: 1,
            earlyAccessPassTypeIds: [],
            announceAt: T0,
            earlyAccessStartsAt: T0,
            publicStartsAt: new Date(T0.getTime() + 3_600_000),
            endsAt: new Date(T0.getTime() + 86_400_000),
            holdSeconds: 600,
            createdAt: T0,
          })
          .returning();
        assert.ok(drop);
        const compose = (language: "fr" | "de") =>
          composeOutreach(
            database.db,
            { occasion: "drop_suggestion", dropId: drop.id },
            {
              brandId: world.a.brandId,
              brandName: "Maison",
              clientName: "Inès",
              advisorName: "Léa",
              preferences: { ...DEFAULT_PREFERENCES, language },
              purpose: "new_pieces",
            },
          );
        const fr = await compose("fr");
        assert.equal(fr.language, "fr");
        assert.match(fr.subject, /^Minuit, dix pièces/);
        assert.match(fr.body, /dans Minuit, dix pièces le/);
        assert.doesNotMatch(`${fr.subject} ${fr.body}`, /Midnight/);
        const de = await compose("de");
        assert.match(de.subject, /^Midnight, ten pieces/, "German is not written: the English title");
      }));
  });
}
