import { z } from "zod";
import { BrandRole, GlobalRole } from "./auth.ts";
import { BrandWithProducts } from "./catalog.ts";
import { DropMode, ScheduleDropBody } from "./drops.ts";
import { CreatePassTypeBody, PassEntitlements } from "./passes.ts";

const SeedId = z
  .string()
  .min(2)
  .max(64)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Use lowercase letters, digits and single dashes");

/**
 * Minutes from the moment of seeding (negative: before it). Demo times are relative because the demo
 * may first start on any day, and must show a drop whose early access is open right then.
 */
const MinutesFromSeeding = z
  .number()
  .int()
  .min(-60 * 24 * 365)
  .max(60 * 24 * 365);

/** A pass programme of the demo, with the people who hold a pass of it. */
export const SeedPassType = z.object({
  id: SeedId,
  name: z.string().trim().min(2).max(100),
  tier: z.string().trim().min(1).max(40),
  validFromMinutes: MinutesFromSeeding,
  validUntilMinutes: MinutesFromSeeding,
  entitlements: PassEntitlements,
  /** Passes issued by hand: the holder's email and the issuing person's email (both seeded accounts). */
  holders: z.array(z.object({ email: z.email(), issuedBy: z.email() })).default([]),
});
export type SeedPassType = z.infer<typeof SeedPassType>;

/** A demo drop; its times are minutes from the moment of seeding. */
export const SeedDrop = z.object({
  id: SeedId,
  brandId: z.string(),
  productId: z.string(),
  title: z.string(),
  mode: DropMode,
  stock: z.number().int(),
  perAccountLimit: z.number().int(),
  earlyAccessPassTypeIds: z.array(z.string()).default([]),
  holdSeconds: z.number().int(),
  minutesFromSeeding: z.object({
    announce: MinutesFromSeeding,
    earlyAccessStart: MinutesFromSeeding,
    publicStart: MinutesFromSeeding,
    end: MinutesFromSeeding,
    entriesClose: MinutesFromSeeding.optional(),
  }),
});
export type SeedDrop = z.infer<typeof SeedDrop>;

const after = (now: Date, minutes: number) => new Date(now.getTime() + minutes * 60_000);

/**
 * The body that schedules a demo drop when seeded at `now`, validated by the same schema as a brand's
 * request (so the seed cannot hold a drop the API would refuse).
 */
export function seedDropBody(drop: SeedDrop, now: Date) {
  const m = drop.minutesFromSeeding;
  return ScheduleDropBody.safeParse({
    productId: drop.productId,
    title: drop.title,
    mode: drop.mode,
    stock: drop.stock,
    perAccountLimit: drop.perAccountLimit,
    earlyAccessPassTypeIds: drop.earlyAccessPassTypeIds,
    announceAt: after(now, m.announce),
    earlyAccessStartsAt: after(now, m.earlyAccessStart),
    publicStartsAt: after(now, m.publicStart),
    endsAt: after(now, m.end),
    entriesCloseAt: m.entriesClose === undefined ? undefined : after(now, m.entriesClose),
    holdSeconds: drop.holdSeconds,
  });
}

/** The pass type's creation body when seeded at `now`, validated by the API's schema. */
export function seedPassTypeBody(passType: SeedPassType, now: Date) {
  return CreatePassTypeBody.safeParse({
    name: passType.name,
    tier: passType.tier,
    validFrom: after(now, passType.validFromMinutes),
    validUntil: after(now, passType.validUntilMinutes),
    entitlements: passType.entitlements,
  });
}

/** The demo content file `assets/seed/demo.json`, validated before anything is written. */
export const SeedFile = z.object({
  version: z.number().int().positive(),
  brands: z.array(BrandWithProducts).min(1),
  accounts: z.array(
    z.object({
      email: z.email(),
      password: z.string().min(10),
      displayName: z.string().min(2),
      role: GlobalRole,
      brandRoles: z.array(z.object({ brandId: z.string(), role: BrandRole })).default([]),
      /** Shown in the README: what this account is for. */
      note: z.string(),
    }),
  ),
  /** Pass programmes and the demo's pass holders (issue 4). */
  passTypes: z.array(SeedPassType).default([]),
  /** Demo drops of seeded products. */
  drops: z.array(SeedDrop).default([]),
});
export type SeedFile = z.infer<typeof SeedFile>;
