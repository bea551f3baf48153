/** Shared set-up for the drops and passes integration tests: people, a brand, a product, a pass type. */

import type { Db } from "../../server/db/database.ts";
import { brandStaff, brands, products, users } from "../../server/db/schema.ts";
import type { Clock } from "../../server/drops/clock.ts";
import { createPassType } from "../../server/passes/passTypes.ts";
import type { PassEntitlements, PassType } from "../../shared/passes.ts";

export const BRAND_ID = "maison-test";
export const PRODUCT_ID = "test-ring";
export const T0 = new Date("2026-12-01T10:00:00Z");
export const minutes = (n: number) => n * 60_000;
export const at = (offsetMs: number) => new Date(T0.getTime() + offsetMs);

/** Inserts `n` shoppers (ids `user-000`…) without real password hashes; returns their ids. */
export async function createUsers(db: Db, n: number, prefix = "user"): Promise<string[]> {
  const ids = Array.from({ length: n }, (_, i) => `${prefix}-${String(i).padStart(3, "0")}`);
  for (let i = 0; i < ids.length; i += 500) {
    await db
      .insert(users)
      .values(
        ids
          .slice(i, i + 500)
          .map((id) => ({ id, email: `${id}@example.test`, passwordHash: "-", displayName: id })),
      );
  }
  return ids;
}

/** A brand with one product and an owner (`owner-000`). */
export async function createBrand(db: Db): Promise<{ ownerId: string }> {
  await db.insert(brands).values({
    id: BRAND_ID,
    name: "Maison Test",
    tagline: { en: "Quiet things" },
    facade: { style: "classic", wall: "#e8e0d4", trim: "#b8a070", light: "#ffd9a0" },
    position: 0,
  });
  await db.insert(products).values({
    id: PRODUCT_ID,
    brandId: BRAND_ID,
    name: { en: "Test Ring" },
    description: { en: "A ring." },
    priceMinor: 125_000,
    currency: "EUR",
    model: {
      kind: "procedural",
      shape: "ring",
      colors: { primary: "#d4af37", secondary: "#ffffff", accent: "#ff0000" },
      displayHeight: 0.1,
    },
    position: 0,
  });
  const [ownerId] = await createUsers(db, 1, "owner");
  await db.insert(brandStaff).values({ userId: ownerId as string, brandId: BRAND_ID, role: "owner" });
  return { ownerId: ownerId as string };
}

export const VIP_ENTITLEMENTS: PassEntitlements = {
  earlyAccessLeadMinutes: 30,
  inviteOnlyEvents: true,
  perDropClaimLimit: null,
  passOnlyCollectibleIds: [],
};

/** A pass type valid for a year around T0. */
export async function createVipPassType(
  db: Db,
  clock: Clock,
  entitlements: Partial<PassEntitlements> = {},
): Promise<PassType> {
  return createPassType(
    db,
    {
      name: { en: "Maison Circle" },
      tier: "gold",
      validFrom: at(-minutes(60 * 24 * 180)),
      validUntil: at(minutes(60 * 24 * 180)),
      entitlements: { ...VIP_ENTITLEMENTS, ...entitlements },
    },
    "admin",
    clock,
  );
}

/**
 * Drop times around T0: announced at T0-60min, early access from T0-30min, public from T0, ends
 * T0+60min (raffle entries close at T0+30min).
 */
export const DROP_TIMES = {
  announceAt: at(-minutes(60)),
  earlyAccessStartsAt: at(-minutes(30)),
  publicStartsAt: T0,
  endsAt: at(minutes(60)),
};
