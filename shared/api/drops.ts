/** Drops: the list, one drop, scheduling, claims, raffle entries and draws, reports, order webhooks. */
import { z } from "zod";
import { DropList } from "../dropRoom.ts";
import {
  BrandDropList,
  ClaimAnswer,
  ClaimRefusal,
  ClaimView,
  DrawAnswer,
  DropReport,
  DropView,
  EntryAnswer,
  IdempotencyKey,
  ScheduleDropBody,
  SetWebhookBody,
} from "../drops.ts";
import { RateLimitedDetails } from "../errors.ts";
import { anyone, BRAND_EDITORS, BRAND_STAFF, brandInPath, brandStaff, signedIn } from "./access.ts";
import { endpoint, NO_CONTENT } from "./endpoint.ts";

/** `details` of a refused claim or entry (403 `forbidden` for not_open_yet, 409 `conflict` otherwise). */
export const ClaimRefusalDetails = z.object({
  reason: ClaimRefusal,
  /** For not_open_yet: when the caller's window opens. */
  opensAt: z.iso.datetime().nullish(),
});
export type ClaimRefusalDetails = z.infer<typeof ClaimRefusalDetails>;

/** The header a claim must carry; a retry sends the same one and gets the same answer. */
export const IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";
const IdempotencyKeyHeader = IdempotencyKey.describe(
  "Send an Idempotency-Key header (8–100 letters, digits, _ . : -), the same one when you retry.",
);

const claimRefusals = {
  forbidden: ClaimRefusalDetails,
  conflict: ClaimRefusalDetails,
  rate_limited: RateLimitedDetails,
};
const dropOfPath = { in: "resource", kind: "drop", param: "dropId" } as const;

export const listDrops = endpoint({
  id: "drops.list",
  method: "GET",
  path: "/api/drops",
  summary: "Current and upcoming drops (announced, not ended), soonest public start first",
  access: anyone,
  answer: DropList,
});

export const getDrop = endpoint({
  id: "drops.get",
  method: "GET",
  path: "/api/drops/:dropId",
  summary: "One drop and its phase on server time",
  access: anyone,
  answer: DropView,
});

export const scheduleDrop = endpoint({
  id: "drops.schedule",
  method: "POST",
  path: "/api/brands/:brandId/drops",
  summary: "Schedule a drop of one of the brand's products (never of a collectible)",
  access: brandStaff(BRAND_EDITORS, brandInPath, "schedule its drops"),
  body: ScheduleDropBody,
  answer: DropView,
  status: 201,
});

export const listBrandDrops = endpoint({
  id: "drops.listBrand",
  method: "GET",
  path: "/api/brands/:brandId/drops",
  summary: "The brand's drops for its portal (scheduled and ended ones too), latest public start first",
  access: brandStaff(BRAND_STAFF, brandInPath, "see its drops"),
  answer: BrandDropList,
});

export const setWebhook = endpoint({
  id: "drops.setWebhook",
  method: "PUT",
  path: "/api/brands/:brandId/webhook",
  summary: "Where the brand's orders are posted, and the secret that signs them",
  access: brandStaff(BRAND_EDITORS, brandInPath, "set where its orders go"),
  body: SetWebhookBody,
  answer: NO_CONTENT,
});

export const claim = endpoint({
  id: "drops.claim",
  method: "POST",
  path: "/api/drops/:dropId/claims",
  summary: "Claim one unit: a hold that lapses unless confirmed (Idempotency-Key required)",
  access: signedIn,
  headers: { [IDEMPOTENCY_KEY_HEADER]: IdempotencyKeyHeader },
  answer: ClaimAnswer,
  status: 201,
  refusals: claimRefusals,
});

export const myClaims = endpoint({
  id: "drops.myClaims",
  method: "GET",
  path: "/api/drops/:dropId/claims",
  summary: "The caller's claims on the drop",
  access: signedIn,
  answer: z.object({ claims: z.array(ClaimView) }),
});

export const confirmClaim = endpoint({
  id: "drops.confirmClaim",
  method: "POST",
  path: "/api/drops/:dropId/claims/:claimId/confirm",
  summary: "Confirm a held unit: it becomes an order for the brand",
  access: signedIn,
  answer: ClaimView,
});

export const enterRaffle = endpoint({
  id: "drops.enter",
  method: "POST",
  path: "/api/drops/:dropId/entries",
  summary: "Enter a raffle (entering again answers the same entry)",
  access: signedIn,
  answer: EntryAnswer,
  status: 201,
  refusals: claimRefusals,
});

export const drawRaffle = endpoint({
  id: "drops.draw",
  method: "POST",
  path: "/api/drops/:dropId/draw",
  summary: "Draw a raffle once its entries are closed",
  access: brandStaff(BRAND_EDITORS, dropOfPath, "draw its raffles"),
  answer: DrawAnswer,
});

export const dropReport = endpoint({
  id: "drops.report",
  method: "GET",
  path: "/api/drops/:dropId/report",
  summary: "Entries, claims held, confirmed and lapsed, refusals by reason",
  access: brandStaff(BRAND_EDITORS, dropOfPath, "read its drop reports"),
  answer: DropReport,
});

export const dropEndpoints = [
  listDrops,
  getDrop,
  scheduleDrop,
  listBrandDrops,
  setWebhook,
  claim,
  myClaims,
  confirmClaim,
  enterRaffle,
  drawRaffle,
  dropReport,
] as const;
