import { z } from "zod";
import { BrandRole, GlobalRole } from "./auth.ts";
import { BrandWithProducts } from "./catalog.ts";
import { DropDescription, DropMode, DropTitle, ScheduleDropBody } from "./drops.ts";
import {
  EventDescription,
  EventHostScript,
  EventKind,
  EventTitle,
  ScheduleEventBody,
} from "./events/eventSchedule.ts";
import { GuestListRules } from "./events/guestList.ts";
import { CreatePassTypeBody, PassEntitlements, ProgrammeName } from "./passes.ts";

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
  name: ProgrammeName,
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
  title: DropTitle,
  description: DropDescription.optional(),
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
    description: drop.description,
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

/**
 * A demo event; its times are minutes from the moment it is seeded. Presenters are named by the
 * email of a seeded staff account (or `host`). Whenever the demo starts and no instance of it is
 * still to come or on (see server/catalog/seedEvents.ts), a fresh one is dated from then, so every
 * start shows a live show, an upcoming one and a salon.
 */
export const SeedEvent = z
  .object({
    id: SeedId,
    brandId: z.string().nullable(),
    title: EventTitle,
    description: EventDescription,
    kind: EventKind,
    doorsOpenMinutes: z.number().int().min(0).max(120).optional(),
    presenters: z
      .array(z.union([z.object({ host: z.literal(true) }).strict(), z.object({ email: z.email() }).strict()]))
      .min(1),
    productIds: z.array(z.string()).default([]),
    seatCap: z.number().int().positive().optional(),
    hostScript: EventHostScript.optional(),
    /** Invite events: who is invited as it is seeded. */
    guests: GuestListRules.optional(),
    minutesFromSeeding: z.object({ start: MinutesFromSeeding, end: MinutesFromSeeding }).strict(),
  })
  .strict();
export type SeedEvent = z.infer<typeof SeedEvent>;

/**
 * The body that schedules a demo event as `id` when seeded at `now`, validated by the same schema
 * as a brand's request; `userIdOf` resolves a presenter's email (undefined: not a seeded account).
 */
export function seedEventBody(
  event: SeedEvent,
  id: string,
  now: Date,
  userIdOf: (email: string) => string | undefined,
) {
  return ScheduleEventBody.safeParse({
    id,
    brandId: event.brandId,
    title: event.title,
    description: event.description,
    kind: event.kind,
    doorsOpenMinutes: event.doorsOpenMinutes,
    presenters: event.presenters.map((p) =>
      "host" in p ? { kind: "host" } : { kind: "staff", userId: userIdOf(p.email.toLowerCase()) ?? "" },
    ),
    productIds: event.productIds,
    seatCap: event.seatCap,
    hostScript: event.hostScript,
    startsAt: after(now, event.minutesFromSeeding.start).toISOString(),
    endsAt: after(now, event.minutesFromSeeding.end).toISOString(),
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
  /** Demo events: a live show, an upcoming one, an invitation-only salon (issue 11). */
  events: z.array(SeedEvent).default([]),
});
export type SeedFile = z.infer<typeof SeedFile>;
