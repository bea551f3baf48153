/**
 * One-line recorders for the facts routes and the drop room see: each takes what its caller has at
 * hand and leaves the brand to be looked up when the batch is written (from the product or drop id).
 */
import type { ViewerFactBody } from "../../shared/analytics.ts";
import { visitorOfSession } from "./avenueFacts.ts";
import { recordFact } from "./facts.ts";
import type { Visitor } from "./pseudonym.ts";

/** Someone opened a drop's page (joined its room). */
export function recordDropVisit(
  drop: { id: string; brandId: string },
  userId: string | null | undefined,
  sessionId: string,
): void {
  recordFact({
    kind: "drop_page_visit",
    brandId: drop.brandId,
    itemId: drop.id,
    visitor: visitorOfSession(userId, sessionId),
  });
}

/** A product went into a wishlist (a repeated add of the same product is still one fact per call). */
export function recordWishlist(_answer: unknown, userId: string, productId: string): void {
  recordFact({ kind: "wishlist_add", itemId: productId, visitor: { userId } });
}

/** A claim was decided for the first time (replays are not facts). */
export function recordClaim(
  result: { replayed: boolean; answer: { outcome: string } },
  input: { dropId: string; userId: string },
): void {
  if (result.replayed || result.answer.outcome !== "held") return;
  recordFact({ kind: "drop_claim", itemId: input.dropId, visitor: { userId: input.userId } });
}

/** A held claim was confirmed (paid). */
export function recordConfirmation(dropId: string, userId: string): void {
  recordFact({ kind: "claim_confirmed", itemId: dropId, visitor: { userId } });
}

/** Someone entered a drop's raffle. */
export function recordEntry(dropId: string, userId: string): void {
  recordFact({ kind: "drop_entry", itemId: dropId, visitor: { userId } });
}

/** The viewer of a piece was opened, closed (with the time it was open), or a variant chosen. */
export function recordViewerFact(productId: string, body: ViewerFactBody, visitor: Visitor): void {
  // A pin is counted for its event (the event's brand), not the piece.
  if (body.event === "pin") {
    recordFact({ kind: "event_pin_click", itemId: body.eventId, visitor });
    return;
  }
  const kind =
    body.event === "open" ? "viewer_open" : body.event === "close" ? "viewer_time" : "variant_switch";
  recordFact({
    kind,
    itemId: productId,
    visitor,
    valueMs: body.event === "close" ? body.durationMs : undefined,
  });
}
