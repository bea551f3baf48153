/**
 * The drop routes of our HTTP API, as the drop page calls them. Every answer is checked with the
 * shared schema; refusals of a claim come back as values (the server's reason, message and, for
 * not_open_yet, when the caller's window opens), never as thrown errors.
 */
import { z } from "zod";
import { DropList } from "../../shared/dropRoom.ts";
import {
  ClaimAnswer,
  ClaimRefusal,
  ClaimView,
  DropReport,
  DropView,
  EntryAnswer,
} from "../../shared/drops.ts";
import { ApiError, apiRequest as request } from "./api.ts";

type Refused = Extract<ClaimAnswer, { outcome: "refused" }>;

/** What a refusal's `details` carry on the wire (`{ reason, opensAt }`). */
const RefusalDetails = z.object({ reason: ClaimRefusal, opensAt: z.iso.datetime().nullish() });

/** Turns an API error that is a claim refusal into the refusal; anything else is rethrown. */
export function asRefusal(error: unknown): Refused {
  if (error instanceof ApiError) {
    const details = RefusalDetails.safeParse(error.details);
    if (details.success) {
      return {
        outcome: "refused",
        reason: details.data.reason,
        message: error.message,
        opensAt: details.data.opensAt ?? null,
      };
    }
  }
  throw error;
}

/**
 * Reads a drop and estimates how far the server's clock is from ours: the server stamped
 * `serverTime` somewhere between sending and receiving, so the midpoint is the best guess.
 */
export async function fetchDrop(dropId: string): Promise<{ drop: DropView; offsetMs: number }> {
  const sent = Date.now();
  const drop = await request(`/api/drops/${encodeURIComponent(dropId)}`, DropView);
  const received = Date.now();
  return { drop, offsetMs: Date.parse(drop.serverTime) - (sent + received) / 2 };
}

/** Claims one unit; a retry must send the same `idempotencyKey` to get the same answer. */
export async function postClaim(dropId: string, idempotencyKey: string): Promise<ClaimAnswer> {
  try {
    return await request(`/api/drops/${encodeURIComponent(dropId)}/claims`, ClaimAnswer, {
      method: "POST",
      headers: { "Idempotency-Key": idempotencyKey },
    });
  } catch (error) {
    return asRefusal(error);
  }
}

/** Confirms a held unit (it becomes an order for the brand). */
export function postConfirm(dropId: string, claimId: string): Promise<ClaimView> {
  return request(
    `/api/drops/${encodeURIComponent(dropId)}/claims/${encodeURIComponent(claimId)}/confirm`,
    ClaimView,
    { method: "POST" },
  );
}

/** The caller's claims on the drop (held, confirmed, expired). */
export async function fetchMyClaims(dropId: string): Promise<ClaimView[]> {
  const answer = await request(
    `/api/drops/${encodeURIComponent(dropId)}/claims`,
    z.object({ claims: z.array(ClaimView) }),
  );
  return answer.claims;
}

/** Enters a raffle; entering again answers the same entry. Refusals come back as values. */
export async function postEntry(dropId: string): Promise<EntryAnswer | Refused> {
  try {
    return await request(`/api/drops/${encodeURIComponent(dropId)}/entries`, EntryAnswer, {
      method: "POST",
    });
  } catch (error) {
    return asRefusal(error);
  }
}

/** The brand's report on a drop (brand staff only). */
export function fetchDropReport(dropId: string): Promise<DropReport> {
  return request(`/api/drops/${encodeURIComponent(dropId)}/report`, DropReport);
}

/** Current and upcoming drops (announced, not ended), soonest public start first. */
export function fetchDropList(): Promise<DropList> {
  return request("/api/drops", DropList);
}
