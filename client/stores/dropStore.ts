import { create } from "zustand";
import type { DropRoomRefusal } from "../../shared/dropRoom.ts";
import type { ClaimAnswer, ClaimView, DropPhase, DropView, EntryAnswer } from "../../shared/drops.ts";

export type DropRoomStatus = "idle" | "connecting" | "connected" | "reconnecting" | "refused" | "offline";

/** Live values the drop room pushes (they override the HTTP snapshot while connected). */
export type DropLive = {
  phase: DropPhase;
  remaining: number;
  soldOutAt: number;
  drawnAt: number;
  viewers: number;
};

export type ClaimRefused = Extract<ClaimAnswer, { outcome: "refused" }>;

/**
 * UI-rate state of the drop page: the drop as read over HTTP, the room's live values, the server
 * clock's offset, and the signed-in person's claims, raffle entry and latest refusal.
 */
export type DropStore = {
  dropId: string | null;
  drop: DropView | null;
  loadError: string | null;
  /** Server clock minus ours, in ms: `Date.now() + offsetMs` is the server's now. */
  offsetMs: number;
  /** Round trip of the best offset sample so far (smaller is more precise). */
  offsetRttMs: number;
  roomStatus: DropRoomStatus;
  roomRefusal: DropRoomRefusal | null;
  live: DropLive | null;
  claims: ClaimView[];
  /** The last answer that refused a claim or an entry, shown until the next attempt. */
  refusal: ClaimRefused | null;
  /** A failure that is not a refusal (network, rate limit): the intent is kept for a retry. */
  actionError: string | null;
  claiming: boolean;
  confirmingId: string | null;
  entry: EntryAnswer | null;
  reset: (dropId: string) => void;
  setDrop: (drop: DropView) => void;
  setLoadError: (message: string | null) => void;
  /** Keeps the offset from the sample with the shortest round trip (the tightest bound; ties keep the first). */
  offerOffset: (offsetMs: number, rttMs: number) => void;
  setRoom: (status: DropRoomStatus, refusal?: DropRoomRefusal | null) => void;
  setLive: (live: DropLive | null) => void;
  setClaims: (claims: ClaimView[]) => void;
  upsertClaim: (claim: ClaimView) => void;
  setRefusal: (refusal: ClaimRefused | null) => void;
  setActionError: (message: string | null) => void;
  setClaiming: (claiming: boolean) => void;
  setConfirming: (claimId: string | null) => void;
  setEntry: (entry: EntryAnswer | null) => void;
};

const empty = {
  drop: null,
  loadError: null,
  offsetMs: 0,
  offsetRttMs: Number.POSITIVE_INFINITY,
  roomStatus: "idle" as DropRoomStatus,
  roomRefusal: null,
  live: null,
  claims: [],
  refusal: null,
  actionError: null,
  claiming: false,
  confirmingId: null,
  entry: null,
};

function sameLive(a: DropLive | null, b: DropLive | null): boolean {
  if (a === null || b === null) return a === b;
  return (Object.keys(a) as Array<keyof DropLive>).every((k) => a[k] === b[k]);
}

export const useDropStore = create<DropStore>((set) => ({
  dropId: null,
  ...empty,
  reset: (dropId) => set({ dropId, ...empty }),
  setDrop: (drop) => set({ drop }),
  setLoadError: (loadError) => set({ loadError }),
  // Only a strictly tighter bound replaces the offset: every room patch offers one with the same
  // round trip, and taking each would move the clock (and restart every countdown's timer) 4 times a second.
  offerOffset: (offsetMs, rttMs) =>
    set((s) => (rttMs < s.offsetRttMs ? { offsetMs, offsetRttMs: rttMs } : s)),
  setRoom: (roomStatus, roomRefusal) =>
    set((s) => ({ roomStatus, roomRefusal: roomRefusal === undefined ? s.roomRefusal : roomRefusal })),
  // The room patches every tick (its serverTime moves); the live values mostly do not. An equal copy
  // keeps the old object, so a patch that changed nothing here re-renders nothing.
  setLive: (live) => set((s) => (sameLive(s.live, live) ? s : { live })),
  setClaims: (claims) => set({ claims }),
  upsertClaim: (claim) => set((s) => ({ claims: [...s.claims.filter((c) => c.id !== claim.id), claim] })),
  setRefusal: (refusal) => set({ refusal }),
  setActionError: (actionError) => set({ actionError }),
  setClaiming: (claiming) => set({ claiming }),
  setConfirming: (confirmingId) => set({ confirmingId }),
  setEntry: (entry) => set({ entry }),
}));

/** The server's current time in epoch ms, by the best offset known. */
export function serverNow(): number {
  return Date.now() + useDropStore.getState().offsetMs;
}
