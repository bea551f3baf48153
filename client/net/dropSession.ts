/**
 * What the drop page does over HTTP, writing its results into dropStore: read the drop (and the
 * server clock's offset), read the caller's claims, claim with an Idempotency-Key, confirm a hold,
 * enter a raffle. Claims and entries never go through the room.
 */
import i18next from "i18next";
import { useDropStore } from "../stores/dropStore.ts";
import { claimIntentKey, settleClaimIntent } from "./claimIntent.ts";
import { fetchDrop, fetchMyClaims, postClaim, postConfirm, postEntry } from "./dropApi.ts";

/** Raffle entries this browser made, remembered so a reload still knows (there is no "my entry" route). */
const ENTRY_PREFIX = "vitrine.dropEntry";

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Reads the drop and takes a clock-offset sample from its `serverTime`. */
export async function loadDrop(dropId: string): Promise<void> {
  const store = useDropStore.getState();
  const sent = Date.now();
  try {
    const { drop, offsetMs } = await fetchDrop(dropId);
    if (useDropStore.getState().dropId !== dropId) return;
    store.setDrop(drop);
    store.setLoadError(null);
    store.offerOffset(offsetMs, Date.now() - sent);
  } catch (error) {
    if (useDropStore.getState().dropId === dropId) store.setLoadError(describe(error));
  }
}

/** Reads the signed-in person's claims on the drop (a raffle winner's hold appears here too). */
export async function refreshClaims(dropId: string): Promise<void> {
  try {
    const claims = await fetchMyClaims(dropId);
    if (useDropStore.getState().dropId === dropId) useDropStore.getState().setClaims(claims);
  } catch {
    // Signed out, or offline for a moment: the claims shown stay as they were.
  }
}

/**
 * Claims one unit. The key belongs to this intent until the server answers it (held or refused);
 * a failure without an answer (network, rate limit, server error) keeps the key, so pressing again
 * retries the same intent and can never hold a second unit by accident.
 */
export async function claimUnit(dropId: string, userId: string): Promise<void> {
  const store = useDropStore.getState();
  if (store.claiming) return;
  store.setClaiming(true);
  store.setActionError(null);
  try {
    const answer = await postClaim(dropId, claimIntentKey(dropId, userId));
    settleClaimIntent(dropId, userId);
    if (answer.outcome === "held") {
      store.upsertClaim(answer.claim);
      store.setRefusal(null);
    } else {
      store.setRefusal(answer);
    }
  } catch (error) {
    store.setActionError(i18next.t("drops.claim.retry", { reason: describe(error) }));
  } finally {
    store.setClaiming(false);
  }
}

/** Confirms a held unit; an expired hold comes back as the server's refusal message. */
export async function confirmHold(dropId: string, claimId: string): Promise<void> {
  const store = useDropStore.getState();
  store.setConfirming(claimId);
  store.setActionError(null);
  try {
    store.upsertClaim(await postConfirm(dropId, claimId));
  } catch (error) {
    store.setActionError(describe(error));
    await refreshClaims(dropId);
  } finally {
    store.setConfirming(null);
  }
}

function entryStorageKey(dropId: string, userId: string): string {
  return `${ENTRY_PREFIX}:${userId}:${dropId}`;
}

/** The raffle entry this browser remembers for the person, if any. */
export function rememberedEntry(dropId: string, userId: string): string | null {
  try {
    return globalThis.localStorage?.getItem(entryStorageKey(dropId, userId)) ?? null;
  } catch {
    return null;
  }
}

/** Enters the raffle (entering again answers the same entry). */
export async function enterDraw(dropId: string, userId: string): Promise<void> {
  const store = useDropStore.getState();
  if (store.claiming) return;
  store.setClaiming(true);
  store.setActionError(null);
  try {
    const answer = await postEntry(dropId);
    if ("outcome" in answer) {
      store.setRefusal(answer);
    } else {
      store.setEntry(answer);
      store.setRefusal(null);
      try {
        globalThis.localStorage?.setItem(entryStorageKey(dropId, userId), answer.entryId);
      } catch {
        // without storage the entry is still shown for this visit
      }
    }
  } catch (error) {
    store.setActionError(describe(error));
  } finally {
    store.setClaiming(false);
  }
}
