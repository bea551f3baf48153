/**
 * What the claim button can do right now, derived from the drop, the room, the caller's claims and
 * the server's answers. The panel's button and the plaque in the scene show the same state.
 */
import type { DropRoomRefusal } from "../../../shared/dropRoom.ts";
import type { ClaimView, DropPhase, DropView } from "../../../shared/drops.ts";
import type { ClaimRefused } from "../../stores/dropStore.ts";

export type ClaimState =
  /** A guest: sign in first. */
  | { kind: "signIn" }
  | { kind: "loading" }
  /** Before the caller's window: when it opens, once the server has told us (else null). */
  | { kind: "notYet"; opensAt: string | null }
  | { kind: "claim" }
  | { kind: "enter" }
  | { kind: "entered" }
  | { kind: "entriesClosed" }
  /** The raffle was drawn: `won` when the caller holds (or bought) a unit from it. */
  | { kind: "drawn"; won: boolean }
  | { kind: "limitReached" }
  | { kind: "soldOut" }
  | { kind: "ended" };

export type ClaimInputs = {
  drop: DropView | null;
  phase: DropPhase | null;
  remaining: number;
  signedIn: boolean;
  claims: ClaimView[];
  refusal: ClaimRefused | null;
  roomRefusal: DropRoomRefusal | null;
  entered: boolean;
  serverNowMs: number;
};

/** The opening time we know for this caller: a claim refusal's, else the room's, while still ahead. */
function knownOpening(inputs: ClaimInputs): string | null {
  const candidates = [
    inputs.refusal?.reason === "not_open_yet" ? inputs.refusal.opensAt : null,
    inputs.roomRefusal?.opensAt ?? null,
  ];
  return candidates.find((at) => at !== null && Date.parse(at) > inputs.serverNowMs) ?? null;
}

/** The single state the claim controls show. */
export function claimState(inputs: ClaimInputs): ClaimState {
  const { drop, phase } = inputs;
  if (!drop || !phase) return { kind: "loading" };
  if (phase === "ended") return { kind: "ended" };
  if (!inputs.signedIn) return { kind: "signIn" };
  const opensAt = knownOpening(inputs);
  // Before early access nobody may claim; the caller's own opening is known once the server said it.
  if (phase === "scheduled" || phase === "announced") return { kind: "notYet", opensAt };
  if (opensAt) return { kind: "notYet", opensAt };
  if (drop.mode === "raffle") {
    const closes = drop.entriesCloseAt ? Date.parse(drop.entriesCloseAt) : 0;
    if (drop.drawnAt) return { kind: "drawn", won: inputs.claims.some((c) => c.status !== "expired") };
    if (inputs.serverNowMs >= closes) return { kind: "entriesClosed" };
    return inputs.entered ? { kind: "entered" } : { kind: "enter" };
  }
  const active = inputs.claims.filter((c) => c.status !== "expired").length;
  if (inputs.refusal?.reason === "limit_reached" && active > 0) return { kind: "limitReached" };
  if (inputs.remaining <= 0) return { kind: "soldOut" };
  return { kind: "claim" };
}

/** Whether pressing the control does something (claim or enter). */
export function isActionable(state: ClaimState): boolean {
  return state.kind === "claim" || state.kind === "enter";
}
