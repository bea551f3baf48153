/**
 * Shared set-up for the events tests: the test brand (owner, merchandiser, advisor) with products,
 * a processed model, a drop public at T0 and an event collectible; another brand; an admin;
 * shoppers; and a valid show to schedule. Certificates are signed by a test key.
 */
import { eq } from "drizzle-orm";
import { type DbLike, drizzleOf } from "../../server/db/database.ts";
import { brandModels, brandStaff, brands, collectibles, products, users } from "../../server/db/schema.ts";
import { manualClock } from "../../server/drops/clock.ts";
import { scheduleDrop } from "../../server/drops/drops.ts";
import type { SessionUser } from "../../shared/auth.ts";
import { ScheduleDropBody } from "../../shared/drops.ts";
import { ScheduleEventBody, type ScheduleEventInput } from "../../shared/events/eventSchedule.ts";
import {
  BRAND_ID,
  createBrandWithModel,
  createTestCollectible,
  createUsers,
  MODEL_ID,
  registerTestSigner,
  T0,
} from "./collectibles-fixtures.ts";
import { at, DROP_TIMES, minutes, PRODUCT_ID } from "./drops-fixtures.ts";

export { at, BRAND_ID, minutes, PRODUCT_ID, T0 };
export const OTHER_BRAND_ID = "maison-autre";
export const NECKLACE_ID = "test-necklace";
export const OTHER_PRODUCT_ID = "autre-vase";

/** A signed-in person as the session would describe them. */
export function sessionUser(id: string, over: Partial<SessionUser> = {}): SessionUser {
  return { id, email: `${id}@example.test`, displayName: id, role: "shopper", brandRoles: [], ...over };
}

const procedural = {
  kind: "procedural",
  shape: "vase",
  colors: { primary: "#d4af37", secondary: "#ffffff", accent: "#ff0000" },
  displayHeight: 0.3,
} as const;

async function addStaff(
  database: DbLike,
  id: string,
  brandId: string,
  role: "owner" | "merchandiser" | "advisor",
) {
  const db = drizzleOf(database);
  await createUsers(db, 1, id);
  const userId = `${id}-000`;
  await db.insert(brandStaff).values({ userId, brandId, role });
  return sessionUser(userId, { brandRoles: [{ brandId, role }] });
}

/** Everything the events tests start from (the clock stands at T0 - 2 h). */
export async function createEventWorld(database: DbLike) {
  const db = drizzleOf(database);
  const clock = manualClock(at(-minutes(120)));
  registerTestSigner(database);
  const { owner } = await createBrandWithModel(database);
  await db.insert(products).values({
    id: NECKLACE_ID,
    brandId: BRAND_ID,
    name: { en: "Test Necklace" },
    description: { en: "A necklace." },
    priceMinor: 80_000,
    currency: "EUR",
    model: {
      kind: "gltf",
      url: "/blobs/necklace.glb",
      bytes: 1000,
      displayHeight: 0.3,
      variants: [{ name: "gold", label: { en: "Gold" } }],
    },
    position: 1,
  });
  await db.insert(brands).values({
    id: OTHER_BRAND_ID,
    name: "Maison Autre",
    tagline: { en: "Other things" },
    facade: { style: "modern", wall: "#e8e0d4", trim: "#b8a070", light: "#ffd9a0" },
    position: 1,
  });
  await db.insert(products).values({
    id: OTHER_PRODUCT_ID,
    brandId: OTHER_BRAND_ID,
    name: { en: "Vase" },
    description: { en: "A vase." },
    priceMinor: 9_000,
    currency: "EUR",
    model: procedural,
    position: 0,
  });
  const merch = await addStaff(database, "merch", BRAND_ID, "merchandiser");
  const advisor = await addStaff(database, "advisor", BRAND_ID, "advisor");
  const otherOwner = await addStaff(database, "autre", OTHER_BRAND_ID, "owner");
  await createUsers(db, 1, "admin");
  await db.update(users).set({ role: "admin" }).where(eq(users.id, "admin-000"));
  const admin = sessionUser("admin-000", { role: "admin" });

  const drop = await scheduleDrop(
    database,
    BRAND_ID,
    ScheduleDropBody.parse({
      productId: PRODUCT_ID,
      title: { en: "Test drop" },
      mode: "fcfs",
      stock: 50,
      perAccountLimit: 2,
      holdSeconds: 600,
      ...DROP_TIMES,
    }),
    owner.id,
    clock,
  );
  const collectible = await createTestCollectible(database, owner, { editionSize: 50, obtainedBy: "event" });
  return { clock, owner, merch, advisor, otherOwner, admin, dropId: drop.id, collectibleId: collectible.id };
}

/** A collectible of the other brand (its own copy of the processed model). */
export async function createOtherBrandCollectible(database: DbLike): Promise<string> {
  const db = drizzleOf(database);
  const [model] = await db.select().from(brandModels).where(eq(brandModels.id, MODEL_ID));
  if (!model) throw new Error("the test model is missing");
  await db
    .insert(brandModels)
    .values({ ...model, id: "model-autre", brandId: OTHER_BRAND_ID, uploadedBy: "autre-000" });
  await db.insert(collectibles).values({
    id: "autre-keepsake",
    brandId: OTHER_BRAND_ID,
    modelId: "model-autre",
    modelSha256: model.optimizedSha256,
    modelBytes: model.optimizedBytes,
    name: { en: "Other keepsake" },
    story: { en: "Another brand's." },
    editionSize: 10,
    obtainedBy: "event",
  });
  return "autre-keepsake";
}

/**
 * A valid open show of the test brand from T0 - 10 min to T0 + 50 min (the drop opens at T0),
 * presented by the owner with Céleste co-hosting.
 */
export function showBody(ownerId: string, over: Partial<ScheduleEventInput> = {}): ScheduleEventBody {
  return ScheduleEventBody.parse({
    brandId: BRAND_ID,
    title: { en: "Evening of Stars", fr: "Soirée des étoiles" },
    description: { en: "The new pieces, live." },
    startsAt: at(-minutes(10)).toISOString(),
    endsAt: at(minutes(50)).toISOString(),
    kind: "open",
    presenters: [{ kind: "staff", userId: ownerId }, { kind: "host" }],
    productIds: [PRODUCT_ID, NECKLACE_ID],
    ...over,
  } satisfies ScheduleEventInput);
}
