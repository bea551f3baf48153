import { useCallback } from "react";
import { claimUnit, enterDraw } from "../../net/dropSession.ts";
import { useDropStore } from "../../stores/dropStore.ts";
import { useSessionStore } from "../../stores/sessionStore.ts";
import { type ClaimState, claimState, isActionable } from "./claimState.ts";
import { dropInstants, phaseAt } from "./dropTimeline.ts";
import { useServerSecond } from "./useServerSecond.ts";

export type ClaimControl = {
  state: ClaimState;
  busy: boolean;
  /** Claims, enters, or asks a guest to sign in; does nothing when the state allows nothing. */
  act: () => void;
  remaining: number;
  serverNowMs: number;
};

/**
 * The one claim control both the panel's button and the plaque in the scene use. The phase is the
 * shared rule on server time (it flips on the same second everywhere); the stock is the room's
 * live value, or the last HTTP read while outside the room.
 */
export function useClaimControl(dropId: string, onSignIn: () => void): ClaimControl {
  const drop = useDropStore((s) => s.drop);
  const serverNowMs = useServerSecond(drop ? dropInstants(drop) : []);
  const user = useSessionStore((s) => s.user);
  const live = useDropStore((s) => s.live);
  const claims = useDropStore((s) => s.claims);
  const refusal = useDropStore((s) => s.refusal);
  const roomRefusal = useDropStore((s) => s.roomRefusal);
  const entry = useDropStore((s) => s.entry);
  const busy = useDropStore((s) => s.claiming);
  const remaining = live?.remaining ?? drop?.remaining ?? 0;
  const state = claimState({
    drop,
    phase: drop ? phaseAt(drop, serverNowMs) : null,
    remaining,
    signedIn: Boolean(user),
    claims,
    refusal,
    roomRefusal,
    entered: Boolean(entry),
    serverNowMs,
  });
  const userId = user?.id;
  const act = useCallback(() => {
    if (state.kind === "signIn") onSignIn();
    else if (!userId || !isActionable(state)) return;
    else if (state.kind === "claim") void claimUnit(dropId, userId);
    else void enterDraw(dropId, userId);
  }, [state, userId, dropId, onSignIn]);
  return { state, busy, act, remaining, serverNowMs };
}
