/**
 * The personalisation of two demo pieces, seeded once per database (its own `app_meta` version):
 * Aubrelle's Étoile Solitaire ring, engraved inside the band; Brévanne's Léman Automatic, initials
 * hot-stamped on the strap (where the salon's table shows them) and a choice of strap. Each goes through the same validation as a brand's request
 * (`storeProductPersonalisation`), so the seed cannot store what a brand could not.
 */
import { eq, inArray } from "drizzle-orm";
import type { ProductPersonalisation } from "../../shared/personalisation.ts";
import { type DbLike, drizzleOf } from "../db/database.ts";
import { appMeta, products } from "../db/schema.ts";
import type { Clock } from "../drops/clock.ts";
import { storeProductPersonalisation } from "./productOptions.ts";

/** `app_meta` key holding the version of the demo personalisation seed. */
export const PERSONALISATION_SEED_VERSION_KEY = "demo_personalisation_seed_version";
/** 2: the Léman's initials moved from the case back (hidden against the pillow) to the strap. */
export const PERSONALISATION_SEED_VERSION = 2;

export const DEMO_PERSONALISATION: Record<string, ProductPersonalisation> = {
  "aubrelle-solitaire-etoile": {
    options: [
      {
        id: "band",
        kind: "engraving",
        required: false,
        label: {
          en: "Engraving inside the band",
          fr: "Gravure à l'intérieur de l'anneau",
          de: "Gravur innen im Ring",
          "zh-CN": "戒圈内侧刻字",
        },
        surface: "band-inner",
        fonts: ["cormorant-garamond", "inter"],
        maxLength: 20,
        allowed: { set: "latin_extended" },
      },
    ],
  },
  "brevanne-leman-bleu": {
    options: [
      {
        id: "initials",
        kind: "initials",
        required: false,
        label: {
          en: "Initials on the strap",
          fr: "Initiales sur le bracelet",
          de: "Initialen auf dem Armband",
          "zh-CN": "表带压印姓名首字母",
        },
        surface: "strap",
        fonts: ["cormorant-garamond"],
        maxLetters: 3,
      },
      {
        id: "strap",
        kind: "choice",
        role: "strap",
        required: false,
        label: { en: "Strap", fr: "Bracelet", de: "Armband", "zh-CN": "表带" },
        choices: [
          {
            value: "navy-alligator",
            label: {
              en: "Navy alligator",
              fr: "Alligator marine",
              de: "Alligator Marineblau",
              "zh-CN": "海军蓝鳄鱼皮",
            },
            appearance: { colors: { accent: "#1F2A44" } },
          },
          {
            value: "cognac-calf",
            label: {
              en: "Cognac calfskin",
              fr: "Veau cognac",
              de: "Kalbsleder Cognac",
              "zh-CN": "干邑色小牛皮",
            },
            appearance: { colors: { accent: "#9A5B2E" } },
          },
          {
            value: "steel-bracelet",
            label: { en: "Steel bracelet", fr: "Bracelet acier", de: "Stahlband", "zh-CN": "精钢表链" },
            appearance: { colors: { accent: "#C8CCD0" } },
          },
        ],
      },
    ],
  },
};

/**
 * Stores the demo options once (a newer database version skips it; pieces missing from the
 * catalog are left out). Safe to run from several processes at once: the last write is the same.
 * @returns whether it seeded now.
 */
export async function seedDemoPersonalisation(database: DbLike, clock: Clock): Promise<boolean> {
  const db = drizzleOf(database);
  const [meta] = await db
    .select({ value: appMeta.value })
    .from(appMeta)
    .where(eq(appMeta.key, PERSONALISATION_SEED_VERSION_KEY));
  if (typeof meta?.value === "number" && meta.value >= PERSONALISATION_SEED_VERSION) return false;
  const present = await db
    .select({ id: products.id })
    .from(products)
    .where(inArray(products.id, Object.keys(DEMO_PERSONALISATION)));
  await db.transaction(async (tx) => {
    for (const { id } of present) {
      await storeProductPersonalisation(
        tx,
        { productId: id, options: DEMO_PERSONALISATION[id], updatedBy: null },
        clock,
      );
    }
    await tx
      .insert(appMeta)
      .values({ key: PERSONALISATION_SEED_VERSION_KEY, value: PERSONALISATION_SEED_VERSION })
      .onConflictDoUpdate({ target: appMeta.key, set: { value: PERSONALISATION_SEED_VERSION } });
  });
  return true;
}
