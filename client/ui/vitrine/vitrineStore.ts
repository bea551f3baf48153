import { create } from "zustand";
import type { VitrineRoomRefusal } from "../../../shared/vitrineRoom.ts";

export type VitrineRoomStatus = "idle" | "connecting" | "connected" | "reconnecting" | "refused" | "offline";

/** One pedestal as the scene draws it (copied from the room's state on change). */
export type PedestalView = {
  copyId: string;
  collectibleId: string;
  name: Record<string, string>;
  brandName: string;
  edition: number;
  editionSize: number;
  modelUrl: string;
  displayHeight: number;
};

type VitrineStore = {
  status: VitrineRoomStatus;
  refusal: VitrineRoomRefusal | null;
  error: string | null;
  ownerName: string;
  ownerSessionId: string;
  sessionId: string;
  pedestals: PedestalView[];
  /** People inside (names), for the page's list; positions live in avatarFrame. */
  people: Array<{ sessionId: string; name: string }>;
  setStatus: (
    status: VitrineRoomStatus,
    extra?: { refusal?: VitrineRoomRefusal | null; error?: string | null },
  ) => void;
  setRoom: (room: { ownerName: string; ownerSessionId: string; sessionId: string }) => void;
  setPedestals: (pedestals: PedestalView[]) => void;
  setPeople: (people: Array<{ sessionId: string; name: string }>) => void;
  reset: () => void;
};

const EMPTY = {
  status: "idle" as VitrineRoomStatus,
  refusal: null,
  error: null,
  ownerName: "",
  ownerSessionId: "",
  sessionId: "",
  pedestals: [] as PedestalView[],
  people: [] as Array<{ sessionId: string; name: string }>,
};

/** UI state of the vitrine page; per-frame avatar poses stay in avatarFrame, not here. */
export const useVitrineStore = create<VitrineStore>((set) => ({
  ...EMPTY,
  setStatus: (status, extra = {}) =>
    set({ status, refusal: extra.refusal ?? null, error: extra.error ?? null }),
  setRoom: (room) => set(room),
  setPedestals: (pedestals) => set({ pedestals }),
  setPeople: (people) => set({ people }),
  reset: () => set(EMPTY),
}));
