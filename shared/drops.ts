/** Drops: shapes of drops, claims, raffle entries and reports, with their HTTP bodies and answers. */
import { z } from "zod";
import { LocalizedText, localizedTextOf } from "./catalog.ts";
import { StrictInstant } from "./instant.ts";

const Instant = StrictInstant;

export const DropMode = z.enum(["fcfs", "raffle"]);
export type DropMode = z.infer<typeof DropMode>;

export const DropPhase = z.enum(["scheduled", "announced", "early_access", "public", "ended"]);
export type DropPhase = z.infer<typeof DropPhase>;

/** A drop's title per language (English required, the fallback), like the catalog's names. */
export const DropTitle = localizedTextOf(120, 2);
/** What the brand says about a drop, per language. */
export const DropDescription = localizedTextOf(2000, 1, "multiLine");

export const ScheduleDropBody = z
  .object({
    productId: z.string().min(1).max(100),
    title: DropTitle,
    description: DropDescription.optional(),
    mode: DropMode,
    stock: z.number().int().min(1).max(1_000_000),
    perAccountLimit: z.number().int().min(1).max(100),
    earlyAccessPassTypeIds: z.array(z.string().min(1)).max(20).default([]),
    announceAt: Instant,
    earlyAccessStartsAt: Instant,
    publicStartsAt: Instant,
    endsAt: Instant,
    /** Raffle only: the entry deadline (entries open at the early-access start). */
    entriesCloseAt: Instant.optional(),
    holdSeconds: z.number().int().min(10).max(86_400).default(600),
  })
  .strict()
  .refine(
    (b) =>
      b.announceAt <= b.earlyAccessStartsAt &&
      b.earlyAccessStartsAt <= b.publicStartsAt &&
      b.publicStartsAt < b.endsAt,
    {
      message: "Times must be ordered: announceAt ≤ earlyAccessStartsAt ≤ publicStartsAt < endsAt",
      path: ["endsAt"],
    },
  )
  .refine((b) => b.mode !== "raffle" || (b.entriesCloseAt !== undefined && b.entriesCloseAt <= b.endsAt), {
    message: "A raffle needs entriesCloseAt, at or before endsAt",
    path: ["entriesCloseAt"],
  });
export type ScheduleDropBody = z.infer<typeof ScheduleDropBody>;

/** A drop as anyone sees it: the seed appears only once drawn. */
export const DropView = z.object({
  id: z.string(),
  brandId: z.string(),
  productId: z.string(),
  title: LocalizedText,
  description: LocalizedText.nullable(),
  mode: DropMode,
  stock: z.number(),
  remaining: z.number(),
  perAccountLimit: z.number(),
  earlyAccessPassTypeIds: z.array(z.string()),
  announceAt: z.iso.datetime(),
  earlyAccessStartsAt: z.iso.datetime(),
  publicStartsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  entriesCloseAt: z.iso.datetime().nullable(),
  holdSeconds: z.number(),
  seedCommitment: z.string().nullable(),
  seed: z.string().nullable(),
  drawnAt: z.iso.datetime().nullable(),
  soldOutAt: z.iso.datetime().nullable(),
  phase: DropPhase,
  serverTime: z.iso.datetime(),
});
export type DropView = z.infer<typeof DropView>;

/** A brand's drops in its portal, scheduled and ended ones included. */
export const BrandDropList = z.object({ drops: z.array(DropView) });
export type BrandDropList = z.infer<typeof BrandDropList>;

/** Why a claim (or entry) was refused; one code per reason, the message says it for people. */
export const ClaimRefusal = z.enum([
  "not_open_yet",
  "ended",
  "limit_reached",
  "sold_out",
  "raffle_drop",
  "entries_closed",
  "already_entered",
]);
export type ClaimRefusal = z.infer<typeof ClaimRefusal>;

export const ClaimView = z.object({
  id: z.string(),
  dropId: z.string(),
  status: z.enum(["held", "confirmed", "expired"]),
  holdExpiresAt: z.iso.datetime(),
  confirmedAt: z.iso.datetime().nullable(),
});
export type ClaimView = z.infer<typeof ClaimView>;

/** The stored answer of a claim request, returned again for a retry with the same Idempotency-Key. */
export const ClaimAnswer = z.discriminatedUnion("outcome", [
  z.object({ outcome: z.literal("held"), claim: ClaimView }),
  z.object({
    outcome: z.literal("refused"),
    reason: ClaimRefusal,
    message: z.string(),
    /** For not_open_yet: when this caller's window opens. */
    opensAt: z.iso.datetime().nullable(),
  }),
]);
export type ClaimAnswer = z.infer<typeof ClaimAnswer>;

export const IdempotencyKey = z
  .string()
  .min(8, "Idempotency-Key needs at least 8 characters")
  .max(100)
  .regex(/^[A-Za-z0-9_.:-]+$/, "Idempotency-Key may hold letters, digits and _ . : - only");

export const EntryAnswer = z.object({ entryId: z.string(), dropId: z.string() });
export type EntryAnswer = z.infer<typeof EntryAnswer>;

export const DrawAnswer = z.object({
  dropId: z.string(),
  seed: z.string(),
  seedCommitment: z.string(),
  entryIds: z.array(z.string()),
  winnerEntryIds: z.array(z.string()),
});
export type DrawAnswer = z.infer<typeof DrawAnswer>;

export const DropReport = z.object({
  dropId: z.string(),
  stock: z.number(),
  remaining: z.number(),
  entries: z.number(),
  claims: z.object({ held: z.number(), confirmed: z.number(), expired: z.number() }),
  refusals: z.record(z.string(), z.number()),
  soldOutAt: z.iso.datetime().nullable(),
  drawnAt: z.iso.datetime().nullable(),
});
export type DropReport = z.infer<typeof DropReport>;

export const SetWebhookBody = z
  .object({ url: z.url({ protocol: /^https?$/ }).max(2000), secret: z.string().min(16).max(200) })
  .strict();
export type SetWebhookBody = z.infer<typeof SetWebhookBody>;

/** The body POSTed to a brand's webhook for each confirmed claim. */
export const OrderWebhookPayload = z.object({
  type: z.literal("order.created"),
  deliveryId: z.string(),
  claimId: z.string(),
  dropId: z.string(),
  brandId: z.string(),
  productId: z.string(),
  userId: z.string(),
  quantity: z.literal(1),
  confirmedAt: z.iso.datetime(),
});
export type OrderWebhookPayload = z.infer<typeof OrderWebhookPayload>;

type DropTimes = { announceAt: Date; earlyAccessStartsAt: Date; publicStartsAt: Date; endsAt: Date };

/** The phase of a drop at `now`; the server and the drop room both use it, on server time. */
export function dropPhaseAt(drop: DropTimes, now: Date): DropPhase {
  if (now < drop.announceAt) return "scheduled";
  if (now < drop.earlyAccessStartsAt) return "announced";
  if (now < drop.publicStartsAt) return "early_access";
  if (now < drop.endsAt) return "public";
  return "ended";
}

/**
 * When one caller may start claiming (or entering): the public start, or for a holder of a named pass
 * type with a lead time, that many minutes earlier but never before the drop's early-access window.
 */
export function callerWindowOpensAt(drop: DropTimes, earlyAccessLeadMinutes: number[]): Date {
  const lead = Math.max(0, ...earlyAccessLeadMinutes);
  if (lead === 0) return drop.publicStartsAt;
  const early = drop.publicStartsAt.getTime() - lead * 60_000;
  return new Date(Math.max(early, drop.earlyAccessStartsAt.getTime()));
}
