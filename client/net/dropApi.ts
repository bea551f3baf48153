/**
 * The drop routes of our HTTP API (shared/api/drops.ts), as the drop page calls them. Refusals of a
 * claim or entry come back as values (the server's reason, message and, for not_open_yet, when the
 * caller's window opens), never as thrown errors.
 */
import { drops } from "../../shared/api/index.ts";
import type { DropList } from "../../shared/dropRoom.ts";
import type { ClaimAnswer, ClaimView, DropReport, DropView, EntryAnswer } from "../../shared/drops.ts";
import { ApiError, callApi, declaredDetails } from "./api.ts";

type Refused = Extract<ClaimAnswer, { outcome: "refused" }>;

/** Turns an API error that is a claim refusal into the refusal; anything else is rethrown. */
export function asRefusal(error: unknown): Refused {
  const details =
    declaredDetails(drops.claim, "forbidden", error) ?? declaredDetails(drops.claim, "conflict", error);
  if (details && error instanceof ApiError) {
    return {
      outcome: "refused",
      reason: details.reason,
      message: error.message,
      opensAt: details.opensAt ?? null,
    };
  }
  throw error;
}

/**
 * Reads a drop and estimates how far the server's clock is from ours: the server stamped
 * `serverTime` somewhere between sending and receiving, so the midpoint is the best guess.
 */
export async function fetchDrop(dropId: string): Promise<{ drop: DropView; offsetMs: number }> {
  const sent = Date.now();
  const drop = await callApi(drops.getDrop, { params: { dropId } });
  const received = Date.now();
  return { drop, offsetMs: Date.parse(drop.serverTime) - (sent + received) / 2 };
}

/** Claims one unit; a retry must send the same `idempotencyKey` to get the same answer. */
export async function postClaim(dropId: string, idempotencyKey: string): Promise<ClaimAnswer> {
  try {
    return await callApi(drops.claim, { params: { dropId }, headers: { "Idempotency-Key": idempotencyKey } });
  } catch (error) {
    return asRefusal(error);
  }
}

/** Confirms a held unit (it becomes an order for the brand). */
export function postConfirm(dropId: string, claimId: string): Promise<ClaimView> {
  return callApi(drops.confirmClaim, { params: { dropId, claimId } });
}

/** The caller's claims on the drop (held, confirmed, expired). */
export async function fetchMyClaims(dropId: string): Promise<ClaimView[]> {
  return (await callApi(drops.myClaims, { params: { dropId } })).claims;
}

/** Enters a raffle; entering again answers the same entry. Refusals come back as values. */
export async function postEntry(dropId: string): Promise<EntryAnswer | Refused> {
  try {
    return await callApi(drops.enterRaffle, { params: { dropId } });
  } catch (error) {
    return asRefusal(error);
  }
}

/** The brand's report on a drop (brand staff only). */
export function fetchDropReport(dropId: string): Promise<DropReport> {
  return callApi(drops.dropReport, { params: { dropId } });
}

/** Current and upcoming drops (announced, not ended), soonest public start first. */
export function fetchDropList(): Promise<DropList> {
  return callApi(drops.listDrops);
}
